/**
 * `Authorization` (Basic decoded and removed; Bearer JWTs keep header and claims and lose the
 * signature; other schemes lose their credentials), cookies (values go, names stay), and
 * HAR-style `{"name": …, "value": …}` pairs for headers, query parameters and cookies.
 */
import { isAuthorizationName, isCookieName, isSecretName } from './field-names'
import type { PassOutput, RedactionKind } from './types'
import { add, credentialLike, indexWithin, isPlaceholder, jsonStringEnd, lineEnd, MAX_VALUE_LENGTH, remember, removeValue, unescapeJson } from './values'

/** `user:password` from a Basic credential, or null when it does not decode to one. */
export function decodeBasic(credential: string): { readonly user: string; readonly password: string } | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credential) || credential.length % 4 === 1) return null
  const decoded = Buffer.from(credential, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  // Printable text with a colon after a non-empty user name; anything else is not Basic credentials.
  if (colon < 1 || !/^[\x20-\x7e\u00a0-\uffff]+$/.test(decoded) || decoded.includes('\ufffd')) return null
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

const CREDENTIAL = /[^\s"'\\,;]+/y
const SCHEME = /([A-Za-z][A-Za-z0-9_-]*)[ \t]+/y
/** Schemes whose credential follows as one token. */
const TOKEN_SCHEMES: ReadonlySet<string> = new Set(['basic', 'bearer', 'idaas', 'token', 'apikey', 'api-key', 'key', 'jwt', 'negotiate', 'ntlm', 'sso-key', 'sharedkey'])
/** Schemes followed by a parameter list, all of which goes. */
const PARAM_SCHEMES: ReadonlySet<string> = new Set(['digest', 'oauth', 'hmac', 'aws4-hmac-sha256', 'signature'])

/**
 * The value of an Authorization header at [from, end): keeps the scheme, removes the
 * credentials. `strong`: the value is certainly a header value (a header line, a quoted JSON
 * value, a HAR pair), so an unschemed token goes even when it looks like a word.
 */
export function authorizationValue(text: string, from: number, end: number, out: PassOutput, field: string, strong: boolean): void {
  SCHEME.lastIndex = from
  const scheme = SCHEME.exec(text)
  const schemeName = scheme && scheme.index + scheme[0].length < end ? scheme[1]!.toLowerCase() : ''
  const credFrom = TOKEN_SCHEMES.has(schemeName) || PARAM_SCHEMES.has(schemeName) ? from + scheme![0].length : from
  if (PARAM_SCHEMES.has(schemeName)) {
    if (!isPlaceholder(text.slice(credFrom, end))) removeValue(out, text, credFrom, end, 'authorization-other', field)
    return
  }
  CREDENTIAL.lastIndex = credFrom
  const cred = CREDENTIAL.exec(text)
  if (!cred || cred.index + cred[0].length > end || isPlaceholder(cred[0])) return
  const credEnd = credFrom + cred[0].length
  if (schemeName === 'basic') {
    const basic = decodeBasic(cred[0])
    add(out, { start: credFrom, end: credEnd, kind: 'authorization-basic', field })
    remember(out, cred[0])
    if (basic) remember(out, basic.password)
    return
  }
  if (credFrom === from && !strong && !cred[0].startsWith('eyJ') && !credentialLike(cred[0])) return
  removeValue(out, text, credFrom, credEnd, schemeName === 'bearer' ? 'authorization-bearer' : 'authorization-other', field)
}

/** Where the value after a header name ends: at its closing quote when quoted, else at the end of the line. */
export function headerValueEnd(text: string, from: number, quote: string | undefined): number {
  if (quote === undefined) return lineEnd(text, from)
  if (quote.endsWith("'")) {
    const end = lineEnd(text, from)
    const close = indexWithin(text, quote, from, end)
    return close < 0 ? end : close
  }
  const close = jsonStringEnd(text, from, quote.length - 1)
  return close < 0 ? lineEnd(text, from) : close
}

/** The name at `index` starts its line (a header line, `-H "…"`), not a sentence. Looks back at most 80 characters. */
export function startsLine(text: string, index: number): boolean {
  const from = Math.max(0, index - 80)
  const before = text.slice(from, index)
  if (/(?:-H|--header)\s+["']?$/.test(before)) return true
  return (from === 0 ? /(?:^|\n)[\s"'>|*#-]*$/ : /\n[\s"'>|*#-]*$/).test(before)
}

const AUTH_HEADER = /(?<![A-Za-z0-9_-])((?:proxy-)?authorization)\\?["']?[ \t]*[:=][ \t]*(\\?["'])?/gi
/** Basic and Bearer credentials anywhere (`curl -H`, code, prose): kept only when they do not look like credentials. */
const SCHEME_ANYWHERE = /(?<![A-Za-z0-9_-])(Basic|Bearer)[ \t]+([A-Za-z0-9+/=._~-]{8,})/gi

const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{8,}/g

/** JWTs anywhere (a log line, a pasted token): the header and claims stay readable, the signature goes. */
export function jwtPass(text: string, out: PassOutput): void {
  for (const m of text.matchAll(JWT)) removeValue(out, text, m.index, m.index + m[0].length, 'jwt-signature')
}

export function authorizationPass(text: string, out: PassOutput): void {
  for (const m of text.matchAll(AUTH_HEADER)) {
    const from = m.index + m[0].length
    const strong = m[2] !== undefined || startsLine(text, m.index)
    authorizationValue(text, from, headerValueEnd(text, from, m[2]), out, m[1]!, strong)
  }
  for (const m of text.matchAll(SCHEME_ANYWHERE)) {
    const cred = m[2]!
    const from = m.index + m[0].length - cred.length
    if (m[1]!.toLowerCase() === 'basic') {
      const basic = decodeBasic(cred)
      if (!basic) continue
      add(out, { start: from, end: from + cred.length, kind: 'authorization-basic' })
      remember(out, cred)
      remember(out, basic.password)
    } else if (cred.startsWith('eyJ') || credentialLike(cred)) {
      removeValue(out, text, from, from + cred.length, 'authorization-bearer')
    }
  }
}

/** `a=1; b=2` (Cookie) or `a=1; Path=/; HttpOnly` (Set-Cookie: only the first pair is a cookie). */
export function cookieValue(text: string, from: number, end: number, out: PassOutput, setCookie: boolean): void {
  let at = from
  while (at < end) {
    const semi = text.indexOf(';', at)
    const pairEnd = semi < 0 || semi > end ? end : semi
    const eq = text.indexOf('=', at)
    if (eq >= 0 && eq < pairEnd) {
      const name = text.slice(at, eq).trim()
      let vFrom = eq + 1
      let vEnd = pairEnd
      while (vFrom < vEnd && text.charCodeAt(vFrom) === 32) vFrom++
      while (vEnd > vFrom && text.charCodeAt(vEnd - 1) === 32) vEnd--
      if (text.charCodeAt(vFrom) === 34 && text.charCodeAt(vEnd - 1) === 34 && vEnd - vFrom >= 2) {
        vFrom++
        vEnd--
      }
      if (!isPlaceholder(text.slice(vFrom, vEnd))) removeValue(out, text, vFrom, vEnd, 'cookie', name)
    }
    if (setCookie) return
    at = pairEnd + 1
  }
}

const COOKIE_HEADER = /(?<![A-Za-z0-9_-])(set-)?cookie\\?["']?[ \t]*:[ \t]*(\\?["'])?/gi

export function cookiePass(text: string, out: PassOutput): void {
  for (const m of text.matchAll(COOKIE_HEADER)) {
    const from = m.index + m[0].length
    let end = headerValueEnd(text, from, m[2])
    // Inside a quoted string (curl -H "Cookie: …", a JSON log line) the value ends at the quote.
    const quote = text.slice(from, end).search(/\\?["']/)
    if (quote >= 0) end = from + quote
    cookieValue(text, from, end, out, m[1] !== undefined)
  }
}

const PAIR = /"name"[ \t\r\n]*:[ \t\r\n]*"([^"\\\r\n]{1,100})"[ \t\r\n]*,[ \t\r\n]*"value"[ \t\r\n]*:[ \t\r\n]*"/g
const HAR_COOKIES = /"cookies"[ \t\r\n]*:[ \t\r\n]*\[/g
const HAR_VALUE = /"value"[ \t\r\n]*:[ \t\r\n]*"/g

/** Which HAR list a pair at `index` belongs to, from the nearest list name before it. */
function pairKind(text: string, index: number): RedactionKind {
  const window = text.slice(Math.max(0, index - 4000), index)
  const lists: ReadonlyArray<[string, RedactionKind]> = [
    ['"headers"', 'header'],
    ['"queryString"', 'query'],
    ['"params"', 'form'],
  ]
  let best: RedactionKind = 'json-field'
  let at = -1
  for (const [name, kind] of lists) {
    const found = window.lastIndexOf(name)
    if (found > at) {
      at = found
      best = kind
    }
  }
  return best
}

export function harPass(text: string, out: PassOutput): void {
  for (const m of text.matchAll(PAIR)) {
    const name = m[1]!
    const from = m.index + m[0].length
    const close = jsonStringEnd(text, from, 0)
    const end = close < 0 ? lineEnd(text, from) : close
    if (isAuthorizationName(name)) authorizationValue(text, from, end, out, name, true)
    else if (isCookieName(name)) cookieValue(text, from, end, out, normalisedSet(name))
    else if (isSecretName(name) && !isPlaceholder(text.slice(from, end)))
      removeValue(out, text, from, end, pairKind(text, m.index), name, unescapeJson(text.slice(from, end), 0))
  }
  let searched = 0
  for (const m of text.matchAll(HAR_COOKIES)) {
    const bodyStart = m.index + m[0].length
    if (bodyStart < searched) continue
    const arrayEnd = closingBracket(text, bodyStart)
    searched = arrayEnd
    for (const v of text.slice(bodyStart, arrayEnd).matchAll(HAR_VALUE)) {
      const from = bodyStart + v.index + v[0].length
      const close = jsonStringEnd(text, from, 0)
      const end = close < 0 || close > arrayEnd ? arrayEnd : close
      if (!isPlaceholder(text.slice(from, end))) removeValue(out, text, from, end, 'cookie')
    }
  }
}

const normalisedSet = (name: string): boolean => name.toLowerCase().startsWith('set')

/** Index of the `]` closing an array whose body starts at `from` (strings skipped), or where the search gives up. */
function closingBracket(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_VALUE_LENGTH)
  let depth = 0
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      const close = jsonStringEnd(text, i + 1, 0)
      if (close < 0) return limit
      i = close
    } else if (c === 91) depth++
    else if (c === 93) {
      if (depth === 0) return i
      depth--
    }
  }
  return limit
}
