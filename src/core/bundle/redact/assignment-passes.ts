/**
 * Secrets written as `name=value` (query strings, form bodies, .env files, log lines, XML
 * attributes) and `name: value` (header lines, YAML, logs), called by the named-value pass;
 * `--name value` and `-u user:pass` (command lines), `scheme://user:pass@host` (URLs), and
 * PEM private key blocks.
 */
import { isAuthorizationName, isCookieName, isSecretName, normaliseName } from './field-names'
import { startsLine } from './header-passes'
import type { PassOutput, RedactionKind } from './types'
import { add, credentialLike, indexWithin, isPlaceholder, lineEnd, remember, removeValue } from './values'

/** After a name: an optional closing quote, then `=` or `:`. */
const ASSIGN_AFTER = /(\\?["']?)[ \t]*(=|:)[ \t]*/y
const FLAG = /(?<![A-Za-z0-9_-])--([A-Za-z0-9_.-]{1,48})[ \t]+(?!-)/g
const UNQUOTED = /[^\s&#;,"'\\<>()[\]{}|]+/y
const CURL_USER = /(?<![A-Za-z0-9_-])(?:-u|--user)(?:[ \t]+|=)["']?([^\s:"']+):([^\s"']+)/g
const URL_USERINFO = /:\/\/([^/\s:@"'\\]+):([^/\s@"'\\]+)@/g
const PEM_MARKER = /-----(BEGIN|END) ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----/g

/** Names whose value is always a secret, even a plain word, in `name: value` form. */
const ALWAYS = /(?:password|passwd|pwd|pass|secret|apikey|secretkey|privatekey|partnerkey)$/

function assignmentKind(text: string, at: number): RedactionKind {
  const before = text.charCodeAt(at - 1)
  if (before === 63 /* ? */) return 'query'
  if (before !== 38 /* & */) return 'assignment'
  // A `?` earlier in the same run (a URL) makes it a query parameter; otherwise a form body.
  for (let i = at - 2; i >= 0 && i > at - 512; i--) {
    const c = text.charCodeAt(i)
    if (c === 63) return 'query'
    if (c === 32 || c === 10 || c === 34) break
  }
  return 'form'
}

/** The value after `=`/`:` at `from`: quoted (also `\"…\"` inside JSON) or one unquoted token. */
function valueAt(text: string, from: number): { readonly start: number; readonly end: number } | null {
  const c = text[from]
  const escaped = c === '\\' && (text[from + 1] === '"' || text[from + 1] === "'")
  if (c === '"' || c === "'" || escaped) {
    const quote = escaped ? `\\${text[from + 1]}` : c
    const start = from + quote.length
    const end = lineEnd(text, start)
    const close = indexWithin(text, quote, start, end)
    return { start, end: close < 0 ? end : close }
  }
  UNQUOTED.lastIndex = from
  const m = UNQUOTED.exec(text)
  return m ? { start: from, end: from + m[0].length } : null
}

/** `name=value` or `name: value` whose secret name is at [start, end). */
export function assignment(text: string, start: number, end: number, out: PassOutput): void {
  ASSIGN_AFTER.lastIndex = end
  const m = ASSIGN_AFTER.exec(text)
  if (!m) return
  const name = text.slice(start, end)
  if (isAuthorizationName(name) || isCookieName(name)) return
  const from = end + m[0].length
  // `==` is a comparison; a JSON member (`"name":`) is the JSON pass's job.
  if (text[from] === '=' || (text[start - 1] === '"' && m[1]!.endsWith('"'))) return
  const value = valueAt(text, from)
  if (!value || isPlaceholder(text.slice(value.start, value.end))) return
  const raw = text.slice(value.start, value.end)
  if (m[2] === ':') {
    // A header line or YAML key: the value is the secret. Mid-sentence ("the token: expired"), only when it looks like one.
    const always = ALWAYS.test(normaliseName(name))
    const strong = startsLine(text, start) && (always || /^x-|-/i.test(name))
    if (strong || credentialLike(raw, always ? 6 : 8)) removeValue(out, text, value.start, value.end, /^x-|-/i.test(name) ? 'header' : 'assignment', name)
    return
  }
  removeValue(out, text, value.start, value.end, assignmentKind(text, start), name.replace(/^-+/, ''), raw.includes('%') || raw.includes('+') ? safeDecode(raw) : raw)
}

/** `--password value`, `-u user:password`. */
export function commandLinePass(text: string, out: PassOutput): void {
  for (const m of text.matchAll(FLAG)) {
    if (!isSecretName(m[1]!)) continue
    const value = valueAt(text, m.index + m[0].length)
    if (value && !isPlaceholder(text.slice(value.start, value.end))) removeValue(out, text, value.start, value.end, 'assignment', m[1]!.replace(/^-+/, ''))
  }
  for (const m of text.matchAll(CURL_USER)) {
    const start = m.index + m[0].length - m[2]!.length
    add(out, { start, end: start + m[2]!.length, kind: 'url-userinfo', field: 'user' })
    remember(out, m[2]!)
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    return value
  }
}

export function urlPass(text: string, out: PassOutput): void {
  for (const m of text.matchAll(URL_USERINFO)) {
    const password = m[2]!
    if (isPlaceholder(password)) continue
    const start = m.index + m[0].length - 1 - password.length
    add(out, { start, end: start + password.length, kind: 'url-userinfo' })
    remember(out, safeDecode(password))
  }
}

/** The whole block, markers included (a BEGIN/END pair alone is what scanners such as secretlint flag); markers paired in one pass. */
export function pemPass(text: string, out: PassOutput): void {
  if (!text.includes('PRIVATE KEY')) return
  let begin: { start: number; type: string } | null = null
  for (const m of text.matchAll(PEM_MARKER)) {
    if (m[1] === 'BEGIN') begin = { start: m.index, type: m[2]! }
    else if (begin && begin.type === m[2] && m.index - begin.start <= 16_384) {
      add(out, { start: begin.start, end: m.index + m[0].length, kind: 'private-key' })
      begin = null
    }
  }
}
