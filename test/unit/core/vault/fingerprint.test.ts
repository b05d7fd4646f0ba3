import { describe, expect, it } from 'vitest'
import { FINGERPRINT_KEY_ITEM, Fingerprinter, fingerprintWith, maskedTail, secretFieldView } from '../../../../src/core/vault/fingerprint'
import { FakeKeychain } from './fake-store'

describe('maskedTail', () => {
  it.each([
    ['abc', '••••'],
    ['abcdefg', '••••'],
    ['abcdefgh', '••••gh'],
    ['0123456789abcdef', '••••cdef'],
    ['a'.repeat(200) + 'WXYZ', '••••WXYZ'],
  ])('%s → %s (at most 4 characters, at most a quarter of the value, fixed-width mask)', (value, expected) => {
    expect(maskedTail(value)).toBe(expected)
  })
})

describe('Fingerprinter', () => {
  it('is stable per install: two instances on one keychain agree; the key is created once, in the keychain', async () => {
    const store = new FakeKeychain()
    const a = await new Fingerprinter(store).fingerprint('same secret')
    const b = await new Fingerprinter(store).fingerprint('same secret')
    expect(a).toBe(b)
    expect(a).toMatch(/^[0-9a-f]{16}$/)
    expect([...store.items.keys()]).toEqual([FINGERPRINT_KEY_ITEM])
  })

  it('differs between installs (keys) and between values', async () => {
    const one = new Fingerprinter(new FakeKeychain())
    const two = new Fingerprinter(new FakeKeychain())
    expect(await one.fingerprint('same secret')).not.toBe(await two.fingerprint('same secret'))
    expect(await one.fingerprint('a')).not.toBe(await one.fingerprint('b'))
  })

  it('is a keyed hash: without the key it is not the plain SHA-256 of the value', async () => {
    const store = new FakeKeychain()
    const fp = await new Fingerprinter(store).fingerprint('hunter2')
    const { createHash } = await import('node:crypto')
    expect(createHash('sha256').update('hunter2').digest('hex').startsWith(fp)).toBe(false)
    const key = Buffer.from(store.items.get(FINGERPRINT_KEY_ITEM)!, 'base64')
    expect(key).toHaveLength(32)
    expect(fingerprintWith(key, 'hunter2')).toBe(fp)
  })

  it('retries after the keychain failed once', async () => {
    const store = new FakeKeychain()
    store.failNext = new Error('locked')
    const fingerprinter = new Fingerprinter(store)
    await expect(fingerprinter.fingerprint('x')).rejects.toThrow('locked')
    await expect(fingerprinter.fingerprint('x')).resolves.toMatch(/^[0-9a-f]{16}$/)
  })

  it('views: set with fingerprint and tail, or not set', async () => {
    const record = await new Fingerprinter(new FakeKeychain()).record('0123456789abcdef')
    expect(secretFieldView(record)).toEqual({ set: true, fingerprint: record.fingerprint, maskedTail: '••••cdef' })
    expect(secretFieldView(undefined)).toEqual({ set: false, fingerprint: null, maskedTail: null })
  })
})
