/**
 * The redaction corpus (test/fixtures/redaction): every sample with its expectations. Zero
 * leaks (no secret, none of its common encodings, no 12-character piece of a canary) and every
 * "keep" string intact. See test/fixtures/redaction/README.md for the format.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { redact } from '../../../../src/core/bundle/redact/redact'
import { selfScan } from '../../../../src/core/bundle/self-scan'

interface Expectation {
  readonly description: string
  readonly secrets: ReadonlyArray<string>
  readonly keep: ReadonlyArray<string>
  readonly knownSecrets?: ReadonlyArray<string>
  readonly pseudonymize?: ReadonlyArray<string>
  /** The output must still parse as JSON (`json`) or as a HAR (`har`). */
  readonly json?: boolean
  readonly har?: boolean
  /** Ordinary text: the output must equal the input. */
  readonly unchanged?: boolean
}

const DIR = join(__dirname, '../../../fixtures/redaction')
const samples = readdirSync(DIR)
  .filter((f) => !f.endsWith('.expect.json') && f !== 'README.md')
  .sort()
  .map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8'), expect: JSON.parse(readFileSync(join(DIR, `${name}.expect.json`), 'utf8')) as Expectation }))

/** Ways a leaked secret would show: raw, JSON-escaped, URL-encoded, base64 (what its own bytes encode to). */
function leakForms(secret: string): string[] {
  const b64 = Buffer.from(secret).toString('base64')
  const forms = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), b64.slice(0, Math.floor((secret.length * 8) / 6))]
  // A canary must not leak in part either.
  if (secret.startsWith('cnry')) for (let i = 0; i + 12 <= secret.length; i += 4) forms.push(secret.slice(i, i + 12))
  return [...new Set(forms)].filter((f) => f.length >= 6)
}

describe('redaction corpus', () => {
  it('has at least 50 samples, each with expectations', () => {
    expect(samples.length).toBeGreaterThanOrEqual(50)
  })

  it('the independent self-scan (secretlint and the canaries) finds nothing in any redacted sample', async () => {
    const files = samples.map(({ name, text, expect: e }) => ({ name, mediaType: 'text/plain', content: redact(text, { knownSecrets: e.knownSecrets ?? [], pseudonymize: e.pseudonymize ?? [] }).text, redactions: [] }))
    // A masked identifier's own forms (encoded, upper-cased) are listed under `secrets` but are no vault secret.
    const masked = (s: (typeof samples)[number], v: string): boolean => (s.expect.pseudonymize ?? []).some((p) => p.toLowerCase() === decodeURIComponent(v).toLowerCase())
    const secrets = samples.flatMap((s) => s.expect.secrets.filter((v) => !masked(s, v)))
    const scan = await selfScan(files, secrets)
    expect(JSON.stringify(scan.hits)).toBe("[]")
  })

  it.each(samples)('$name', ({ text, expect: e }) => {
    const result = redact(text, { knownSecrets: e.knownSecrets ?? [], pseudonymize: e.pseudonymize ?? [] })
    for (const secret of e.secrets) for (const form of leakForms(secret)) expect(result.text, `leaked ${JSON.stringify(form)} (${e.description})`).not.toContain(form)
    for (const keep of e.keep) expect(result.text, `lost ${JSON.stringify(keep)}`).toContain(keep)
    if (e.unchanged) expect(result.text).toBe(text)
    if (e.json || e.har) expect(() => JSON.parse(result.text)).not.toThrow()
    if (e.har) expect((JSON.parse(result.text) as { log: { version: string } }).log.version).toBe('1.2')
    if (e.secrets.length > 0) expect(result.manifest.length).toBeGreaterThan(0)
    // The manifest points at the replacements and never carries a value.
    for (const removal of result.manifest) {
      const shown = result.text.slice(removal.output.start, removal.output.end)
      expect(shown).toMatch(/^\[(?:redacted|masked-\d+)\]$/)
      const line = result.text.split('\n')[removal.where.line - 1]!
      expect(line.slice(removal.where.column - 1).startsWith(shown)).toBe(true)
      for (const secret of e.secrets) expect(JSON.stringify(removal)).not.toContain(secret)
    }
  })
})
