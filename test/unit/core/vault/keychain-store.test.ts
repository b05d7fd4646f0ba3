import type * as KeytarModule from 'keytar'
import { describe, expect, it } from 'vitest'
import { FINGERPRINT_KEY_ITEM } from '../../../../src/core/vault/fingerprint'
import { keychainHint, openSecretStore } from '../../../../src/core/vault/keychain-store'

type Keytar = typeof KeytarModule

/** A keytar stand-in: an in-memory map whose operations can be made to fail or hang. */
function fakeKeytar(options: { failSearch?: string; failWrite?: string; hang?: boolean } = {}) {
  const items = new Map<string, string>()
  const keytar = {
    findCredentials: async () => {
      if (options.hang) await new Promise(() => {})
      if (options.failSearch) throw new Error(options.failSearch)
      return [...items].map(([account, password]) => ({ account, password }))
    },
    getPassword: async (_s: string, account: string) => items.get(account) ?? null,
    setPassword: async (_s: string, account: string, value: string) => {
      if (options.failWrite) throw new Error(options.failWrite)
      items.set(account, value)
    },
    deletePassword: async (_s: string, account: string) => items.delete(account),
  }
  return { items, load: async () => keytar as unknown as Keytar }
}

describe('openSecretStore', () => {
  it('uses the keychain when it answers, and creates the install’s fingerprint key there', async () => {
    const fake = fakeKeytar()
    const store = await openSecretStore({ service: 'test', loadKeytar: fake.load })
    expect(store.status).toMatchObject({ backend: 'keychain', persistent: true, error: null })
    expect(fake.items.has(FINGERPRINT_KEY_ITEM)).toBe(true)
  })

  it.each<[string, { failSearch?: string; failWrite?: string }, string]>([
    ['no bus', { failSearch: 'Cannot autolaunch D-Bus without X11 $DISPLAY' }, 'dbus-run-session'],
    ['no Secret Service', { failSearch: 'The name org.freedesktop.secrets was not provided by any .service files' }, 'gnome-keyring'],
    // A keyring started by D-Bus activation but never unlocked answers searches and refuses writes.
    ['locked keyring', { failWrite: 'Object does not exist at path “/org/freedesktop/secrets/collection/login”' }, 'Unlock it'],
  ])('falls back to memory with the exact reason and a fix: %s', async (_name, failure, hint) => {
    const store = await openSecretStore({ service: 'test', loadKeytar: fakeKeytar(failure).load })
    const message = failure.failSearch ?? failure.failWrite
    expect(store.status).toMatchObject({ backend: 'memory', persistent: false, error: message })
    expect(store.status.reason).toBe(`The OS keychain is unavailable: ${message}. Secrets are kept in memory for this session only.`)
    expect(store.status.hint).toContain(hint)
  })

  it('gives up on a keychain that does not answer (an unlock prompt nobody sees)', async () => {
    const store = await openSecretStore({ service: 'test', loadKeytar: fakeKeytar({ hang: true }).load, timeoutMs: 50 })
    expect(store.status).toMatchObject({ backend: 'memory', error: expect.stringContaining('did not answer') })
  })

  it('falls back when keytar cannot be loaded', async () => {
    const store = await openSecretStore({
      loadKeytar: async () => {
        throw new Error("Cannot find module 'keytar'")
      },
    })
    expect(store.status.hint).toContain('npm ci')
  })

  it('has a generic hint for unknown errors', () => {
    expect(keychainHint('something odd')).toContain('keychain is running and unlocked')
  })
})
