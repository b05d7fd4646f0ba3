/**
 * Credentials written as arguments in client code, where no name says "password":
 * - `auth=("user", "pass")` (Python requests, the pattern in SMSGate's own FAQ);
 * - `HTTPBasicAuth("user", "pass")`, `HTTPDigestAuth(…)`, `aiohttp.BasicAuth(…)`,
 *   `setBasicAuth(…)`/`withBasicAuth(…)`/`basic_auth(…)`, `.auth("user", "pass")`;
 * - `new SomeClient("user", "pass", …)` positional arguments, only when one of the providers'
 *   hosts is written near the call (an ordinary call with two strings is not a credential).
 * Only string literals are removed: a variable name (`auth=(user, password)`) is no secret.
 */
import type { PassOutput } from './types'
import { add, isPlaceholder, remember } from './values'

const STRING = String.raw`(["'])((?:(?!\1)[^\\\n]|\\.){1,512})\1`
/** The call's opening, then the first argument (any expression up to a comma), then a string literal. */
const AUTH_CALL = new RegExp(
  String.raw`(?:\bauth\s*=\s*[(\[]|\b(?:HTTP(?:Basic|Digest|Proxy)Auth|(?:set|with)?[Bb]asic_?[Aa]uth|basic_auth|BasicAuthentication)\s*\(|\.auth\s*\()\s*[^,()\n]{1,200}?,\s*(?:password\s*=\s*)?${STRING}`,
  'g',
)
const CLIENT_CALL = new RegExp(String.raw`\bnew\s+[A-Z][\w.]*\s*\(|\b[A-Z]\w*(?:Client|Api|API|Gateway|Service|Session)\s*\(`, 'g')
const NEXT_STRING = new RegExp(String.raw`\s*${STRING}\s*(,|\))`, 'y')
/** The providers' API hosts (their dossiers); a client call near one of them is a call to that provider. */
const PROVIDER_HOST = /\b(?:[a-z0-9-]+\.)*(?:sms-gate\.app|groupcall\.com|nmbrs\.(?:nl|com)|authmatech\.com)\b/i
const NEAR = 400

const isUrl = (value: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || PROVIDER_HOST.test(value)

function removeLiteral(out: PassOutput, start: number, value: string, field: string): void {
  if (isPlaceholder(value) || isUrl(value)) return
  add(out, { start, end: start + value.length, kind: 'assignment', field })
  remember(out, value)
}

export function clientCodePass(text: string, out: PassOutput): void {
  if (text.includes('uth')) {
    for (const m of text.matchAll(AUTH_CALL)) removeLiteral(out, m.index + m[0].length - 1 - m[2]!.length, m[2]!, 'auth')
  }
  if (!PROVIDER_HOST.test(text)) return
  for (const m of text.matchAll(CLIENT_CALL)) {
    const near = text.slice(Math.max(0, m.index - NEAR), m.index + m[0].length + NEAR)
    if (!PROVIDER_HOST.test(near)) continue
    // The arguments: string literals in a row; the second and later ones (after the user) are removed.
    let at = m.index + m[0].length
    for (let index = 0; index < 6; index++) {
      NEXT_STRING.lastIndex = at
      const arg = NEXT_STRING.exec(text)
      if (!arg) break
      const start = at + arg[0].indexOf(arg[1]!) + 1
      if (index > 0) removeLiteral(out, start, arg[2]!, 'argument')
      at += arg[0].length
      if (arg[3] === ')') break
    }
  }
}
