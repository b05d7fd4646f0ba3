import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSecretName } from '../../../../src/core/bundle/redact/field-names'
import { looksRandom } from '../../../../src/core/bundle/redact/entropy-pass'
import { MultiMatcher } from '../../../../src/core/bundle/redact/multi-matcher'
import { createRedactor, redact } from '../../../../src/core/bundle/redact/redact'

describe('secret names', () => {
  it.each(['Password', 'PASSWORD', 'pAsSwOrD', 'X-API-KEY', 'apiKey', 'api_key', 'newApiKey', 'secretKey', 'PartnerKey', 'Token', 'access_token', 'refresh_token', 'SMSGATE_REFRESH_TOKEN', 'PROD_NMBRS_TOKEN', 'X-SDK-TOKEN', 'client_secret', 'Authorization', 'Set-Cookie', 'X-Signature'])('%s is secret', (name) => {
    expect(isSecretName(name)).toBe(true)
  })
  it.each(['CustomerId', 'Customerid', 'Username', 'Domain', 'X-CLIENT-ID', 'clientId', 'token_type', 'tokens', 'password_changed_at', 'code', 'MessageId', 'authmatechCodeHash', 'monkey', 'bypass'])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false)
  })
})

describe('high-entropy tokens', () => {
  it.each(['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzA9kQ2xV', 'ghp_R8kq2Lz0VbN4mXc7Yt1Hs9Pd3Wf6Ja5Ge0Ui', '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', '9f2c4e1a7b3d5f8e0a6c2b4d9e1f3a5c7b8d0e2f'])('%s looks random', (token) => {
    expect(looksRandom(token)).toBe(true)
  })
  it.each(['0f8fad5b-d9cb-469f-a165-70867728950e', '02516506506657265717-e0684dbcb71f402ab39d4d6b86d44cbb', '20250704173854123456789', 'InvalidAuthenticationException', 'SMSGATE_REFRESH_TOKEN', 'test_account_2025_01_05', 'authdesk-bundle-redaction-engine', 'List_GetAllResult_Response'])('%s does not', (token) => {
    expect(looksRandom(token)).toBe(false)
  })
})

describe('MultiMatcher', () => {
  it('reports every pattern, overlapping ones too, case-insensitively, across line breaks', () => {
    const m = new MultiMatcher(['abcdef', 'cdef', 'XYZ123'])
    const text = 'xxABCDEFyy xyz\n   123 zz'
    const found = m.scan(text)
    const matches = []
    for (let i = 0; i < found.length; i += 3) matches.push({ text: text.slice(found[i], found[i + 1]), pattern: found[i + 2] })
    expect(matches).toEqual([
      { text: 'ABCDEF', pattern: 0 },
      { text: 'CDEF', pattern: 1 },
      { text: 'xyz\n   123', pattern: 2 },
    ])
  })
})

describe('redact', () => {
  it('gives the same identifier the same pseudonym in every text of one redactor, and respects word boundaries', () => {
    const redactor = createRedactor({ pseudonymize: ['ops@acme.nl', '1469'] })
    expect(redactor.redact('user ops@acme.nl, customer 1469').text).toBe('user [masked-1], customer [masked-2]')
    expect(redactor.redact('{"Username":"ops@acme.nl","CustomerId":"1469","other":"14690"}').text).toBe('{"Username":"[masked-1]","CustomerId":"[masked-2]","other":"14690"}')
    expect(redactor.redact('u=ops%40acme.nl').text).toBe('u=[masked-1]')
  })

  it('a secret that is also masked is removed, not pseudonymised', () => {
    expect(redact('Password=ops@acme.nl', { pseudonymize: ['ops@acme.nl'] }).text).toBe('Password=[redacted]')
  })

  it('finds a value removed under its name again elsewhere in the same text', () => {
    const result = redact('{"Password":"hunter2-secret"}\nlater the log said: retrying with hunter2-secret')
    expect(result.text).toBe('{"Password":"[redacted]"}\nlater the log said: retrying with [redacted]')
    expect(result.manifest.map((r) => r.kind)).toEqual(['json-field', 'repeated-secret'])
  })

  it('finds every secret of a large vault (the matcher is split into several)', () => {
    const secrets = Array.from({ length: 600 }, (_, i) => `vault-secret-${i}-${(i * 7919).toString(36)}x`)
    const text = secrets.map((s, i) => (i % 2 ? s : Buffer.from(`k:${s}`).toString('base64'))).join(' | ')
    const out = redact(text, { knownSecrets: secrets }).text
    expect(out.replace(/\[redacted\]/g, '').replace(/[ |]/g, '')).toBe('')
  })

  it('keeps placeholders and already-redacted values as they are', () => {
    const text = '{"Password":"[redacted]","token":"***","api_key":"${API_KEY}","secret":""}\nAuthorization: Bearer <token>'
    expect(redact(text)).toEqual({ text, manifest: [] })
  })

  const encodings: ReadonlyArray<(s: string) => string> = [
    (s) => s,
    (s) => JSON.stringify(s).slice(1, -1),
    (s) => JSON.stringify(JSON.stringify(s)).slice(1, -1),
    (s) => encodeURIComponent(s),
    (s) => encodeURIComponent(s).replace(/%20/g, '+'),
    (s) => Buffer.from(s).toString('base64'),
    (s) => Buffer.from(`k=${s}`).toString('base64url'),
    (s) => Buffer.from(`ab${s};`).toString('base64'),
  ]

  it('never leaves a known secret in any encoding, anywhere, split or not (property)', () => {
    const secretArb = fc.string({ minLength: 8, maxLength: 40, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_+/=&"\\ :'.split('')) }).filter((s) => s.trim().length >= 8)
    const textArb = fc.string({ maxLength: 60 })
    fc.assert(
      fc.property(secretArb, textArb, textArb, fc.integer({ min: 0, max: encodings.length - 1 }), fc.option(fc.integer({ min: 1, max: 30 })), (secret, before, after, which, split) => {
        let encoded = encodings[which]!(secret.trim())
        // A break next to a space inside the secret is ambiguous (indentation or content): not supported.
        if (split !== null && split < encoded.length && !/\s/.test(encoded[split]! + encoded[split - 1]!)) encoded = `${encoded.slice(0, split)}\n    ${encoded.slice(split)}`
        const out = redact(`${before} ${encoded} ${after}`, { knownSecrets: [secret] }).text
        expect(out).not.toContain(secret.trim())
        expect(out.replace(/\n\s*/g, '')).not.toContain(encoded.replace(/\n\s*/g, ''))
      }),
      { numRuns: 400 },
    )
  })
})

describe('adversarial input', () => {
  // Every search for a value's end is bounded; a pass that went quadratic would hit the test timeout.
  it.each([
    ['unclosed quotes', "password='x "],
    ['keywords in prose', 'token abc '],
    ['unclosed XML elements', '<Token>abc'],
    ['unpaired PEM markers', '-----BEGIN PRIVATE KEY-----abc'],
    ['form pairs without a URL', 'a&password=x'],
    ['unclosed HAR cookie arrays', '"cookies": ['],
    ['unclosed JSON strings', '{"password":"'],
  ])('%s', (_name, unit) => {
    const text = unit.repeat(Math.ceil(500_000 / unit.length))
    expect(redact(text, { knownSecrets: ['abcdefgh12'] }).text.length).toBeGreaterThan(0)
  })
})
