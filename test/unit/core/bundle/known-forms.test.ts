/**
 * The known-values engine against the forms a provider can echo a secret in: a property test
 * (random secrets × random encodings × random surrounding text, for `authdesk redact` and the
 * scrubber every output uses), the structured outputs staying valid, and what stays untouched.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { redact } from '../../../../src/core/bundle/redact/redact'
import { SecretScrubber } from '../../../../src/core/secret-scrubber'

const hex4 = (c: string): string => c.charCodeAt(0).toString(16).padStart(4, '0')
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')

/** Each encoding as a provider would write it, and whether its output may sit inside a JSON string as is. */
const ENCODINGS: ReadonlyArray<readonly [string, (s: string) => string]> = [
  ['raw', (s) => s],
  ['JSON', (s) => JSON.stringify(s).slice(1, -1)],
  ['JSON \\uXXXX for every character', (s) => [...s].map((c) => `\\u${hex4(c)}`).join('')],
  ['JSON \\uXXXX upper-case hex', (s) => [...s].map((c) => `\\u${hex4(c).toUpperCase()}`).join('')],
  ['.NET JSON (\\u002B for +, <, >, &, \')', (s) => JSON.stringify(s).slice(1, -1).replace(/[+<>&']/g, (c) => `\\u${hex4(c).toUpperCase()}`)],
  ['JSON with \\/', (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/')],
  ['JSON inside JSON', (s) => JSON.stringify(JSON.stringify(s)).slice(1, -1)],
  ['percent-encoding', (s) => encodeURIComponent(s)],
  ['percent-encoding, lower-case hex', (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
  ['every byte percent-encoded', (s) => [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')],
  ['form-encoding (+ for a space)', (s) => encodeURIComponent(s).replace(/%20/g, '+')],
  ['XML named entities', (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')],
  ['decimal entities for every character', (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join('')],
  ['hex entities for punctuation', (s) => s.replace(/[^A-Za-z0-9]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)],
  ['upper-cased', (s) => s.toUpperCase()],
  ['lower-cased', (s) => s.toLowerCase()],
  ['base64', (s) => b64(s)],
  ['base64 without padding', (s) => b64(s).replace(/=+$/, '')],
  ['base64url', (s) => Buffer.from(s).toString('base64url')],
  ['base64 of user:secret', (s) => b64(`QWERTZ:${s}`)],
  ['base64url of user:secret inside a longer blob', (s) => Buffer.from(`k=QWERTZ:${s};v=1`).toString('base64url')],
]

/** Ways a secret (already encoded) gets split or cut in transit. */
const SPLITS: ReadonlyArray<readonly [string, (e: string, at: number) => string]> = [
  ['whole', (e) => e],
  ['split by a space', (e, at) => `${e.slice(0, at)} ${e.slice(at)}`],
  ['split by a line break and indentation', (e, at) => `${e.slice(0, at)}\n    ${e.slice(at)}`],
  ['split by an escaped \\n', (e, at) => `${e.slice(0, at)}\\n${e.slice(at)}`],
  ['cut short (…)', (e) => `${e.slice(0, Math.max(8, e.length - 3))}…`],
]

/** Splitting inside an escape (`\u00|2B`) is not a way any writer produces text; splits go between escapes. */
function safeSplit(encoded: string, at: number): number {
  const boundaries = [0]
  const token = /\\u[0-9a-fA-F]{4}|\\.|&#?\w+;|%[0-9a-fA-F]{2}|./gs
  for (const m of encoded.matchAll(token)) boundaries.push(m.index + m[0].length)
  return boundaries[Math.min(boundaries.length - 1, Math.max(1, at % boundaries.length))]!
}

const secretArb = fc
  .string({ minLength: 10, maxLength: 32, unit: fc.constantFrom(...'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_+/=&<>"\'!~:.%'.split('')) })
  // A secret that itself holds an escape (`%aa`) and is then split by another kind (`\n`) is ambiguous: README, "Redaction".
  .filter((s) => /[A-Za-z0-9]{3}/.test(s) && s.trim() === s && !/%[0-9A-Fa-f]{2}/.test(s))
const proseArb = fc.string({ maxLength: 60, unit: fc.constantFrom(...'abc xyz QRS 0123 ,.:;-()[]{}\n\t'.split('')) })

/** What must not be left: the secret's raw text, and no 10-character piece of it (case and whitespace aside). */
function leftOf(output: string, secret: string): string | null {
  const flat = output.replace(/\s+/g, '').toLowerCase()
  const s = secret.toLowerCase()
  for (let i = 0; i + 10 <= s.length; i++) if (/[a-z0-9]{4}/.test(s.slice(i, i + 10)) && flat.includes(s.slice(i, i + 10))) return s.slice(i, i + 10)
  return null
}

const base64Decoded = (text: string): string =>
  [...text.matchAll(/[A-Za-z0-9+/_-]{8,}/g)].flatMap((m) => [0, 1, 2, 3].map((skip) => Buffer.from(m[0].slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1'))).join('\n')

describe('known secrets in every form (property)', () => {
  const cases = fc.tuple(secretArb, proseArb, proseArb, fc.nat(ENCODINGS.length - 1), fc.nat(SPLITS.length - 1), fc.nat(64))

  it.each([
    ['authdesk redact (bundles)', (text: string, secret: string) => redact(text, { knownSecrets: [secret] }).text],
    ['the scrubber (CLI, IPC, history, logs)', (text: string, secret: string) => {
      const scrubber = new SecretScrubber()
      scrubber.remember(secret)
      return scrubber.scrub(text)
    }],
  ])('%s leaves no recoverable piece', (_name, run) => {
    fc.assert(
      fc.property(cases, ([secret, before, after, which, how, at]) => {
        const [encodingName, encode] = ENCODINGS[which]!
        const [splitName, split] = SPLITS[how]!
        const encoded = encode(secret)
        const written = split(encoded, safeSplit(encoded, at))
        const out = run(`${before} ${written} ${after}`, secret)
        // Checked piecewise: the raw secret (any case) and what any base64 run of the output decodes to; the written form must lose its start.
        expect(leftOf(out, secret), `${encodingName}, ${splitName}: ${JSON.stringify(out)}`).toBeNull()
        expect(leftOf(base64Decoded(out.replace(/\s+/g, '')), secret), `${encodingName}, ${splitName}: ${JSON.stringify(out)}`).toBeNull()
        // A pair's blob starts with the user name's bits, which are no secret; a cut may leave fewer than 8 of the secret's characters.
        if (!encodingName.includes('user:secret') && !splitName.startsWith('cut')) expect(out.replace(/\s+/g, ''), `${encodingName}, ${splitName}`).not.toContain(written.replace(/\s+/g, '').slice(0, 12))
      }),
      { numRuns: 600 },
    )
  })

  it('a JSON or HAR document stays valid JSON, whatever escapes the secret holds (no dangling backslash)', () => {
    fc.assert(
      fc.property(secretArb, fc.nat(ENCODINGS.length - 1), fc.nat(64), fc.boolean(), (secret, which, at, twice) => {
        const encoded = ENCODINGS[which]![1](secret)
        const split = `${encoded.slice(0, at % (encoded.length + 1))}\n${encoded.slice(at % (encoded.length + 1))}`
        const inner = JSON.stringify({ message: `Unauthorized: ${split}`, note: 'kept' })
        const doc = twice ? JSON.stringify({ log: { entries: [{ response: { content: { text: inner } } }] } }, null, 2) : inner
        for (const out of [redact(doc, { knownSecrets: [secret] }).text, scrubWith(secret, doc)]) {
          expect(() => JSON.parse(out), out).not.toThrow()
          expect(out).toContain('kept')
        }
      }),
      { numRuns: 400 },
    )
  })
})

function scrubWith(secret: string, text: string): string {
  const scrubber = new SecretScrubber()
  scrubber.remember(secret)
  return scrubber.scrub(text)
}

describe('the engine keeps what is not a secret', () => {
  it('ordinary prose, ids and escapes stay as they are', () => {
    const scrubber = new SecretScrubber()
    scrubber.remember('cnry-Zk9+Qa/77')
    for (const text of [
      'The check ran at 10:00 and the provider said "Unauthorized" (401). Try again … later.',
      '{"message":"caf\\u00e9 \\/ \\"quoted\\"","id":"0f8fad5b-d9cb-469f-a165-70867728950e"}',
      'GET /v1/devices?limit=10&offset=20%2C30 HTTP/1.1',
      '&lt;faultstring&gt;1001: Invalid Authentication&lt;/faultstring&gt;',
    ])
      expect(scrubber.scrub(text)).toBe(text)
  })

  it('the bug of the issue: a secret split by an escaped \\n inside JSON leaves valid JSON and no secret', () => {
    const secret = 'Hunter2-very+secret/value'
    const doc = JSON.stringify({ message: `echo ${secret.slice(0, 9)}\n${secret.slice(9)}` })
    const out = redact(doc, { knownSecrets: [secret] }).text
    expect(() => JSON.parse(out)).not.toThrow()
    expect(out).not.toContain('\\[redacted]')
    expect(leftOf(out, secret)).toBeNull()
  })

  it('a secret’s start left before a cut, or its end after one, goes too (8+ characters)', () => {
    const scrubber = new SecretScrubber()
    scrubber.remember('SHVudGVyMi1zZWNyZXQtdmFsdWU')
    expect(scrubber.scrub('Unauthorized: credential SHVudGVyMi1zZW…')).toBe('Unauthorized: credential [redacted]…')
    expect(scrubber.scrub('…ZWNyZXQtdmFsdWU was refused')).toBe('…[redacted] was refused')
    // Seven characters are too few to tell from ordinary text.
    expect(scrubber.scrub('Unauthorized: SHVudGV…')).toBe('Unauthorized: SHVudGV…')
  })
})
