import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { itemName, parseItem } from '../../../../src/core/vault/secret-item'
import { NMBRS, openTestVault } from './fake-store'

const TOKEN = NMBRS.fields.TOKEN

async function fileText(dataDir: string): Promise<string> {
  return readFile(join(dataDir, 'accounts.json'), 'utf8')
}

describe('Vault: create and list', () => {
  it('keeps secrets in the keychain item only; the view and the file hold set/fingerprint/tail', async () => {
    const { vault, dataDir, store, lines } = await openTestVault()
    const view = await vault.create(NMBRS)
    expect(view).toMatchObject({
      label: 'Prod Nmbrs',
      provider: 'nmbrs',
      environment: 'production',
      baseUrl: null,
      fields: { USERNAME: 'ops@example.com', DOMAIN: 'acme' },
      secrets: { TOKEN: { set: true, fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), maskedTail: '••••cdef' } },
      secretsStatus: 'keychain',
      problems: [],
    })
    expect(view.lastRotatedAt).toBe(view.createdAt)
    const item = parseItem(store.items.get(itemName(view.id))!)
    expect(item).toMatchObject({ provider: 'nmbrs', secrets: { TOKEN }, tokens: {} })
    expect(JSON.stringify(view)).not.toContain(TOKEN)
    expect(await fileText(dataDir)).not.toContain(TOKEN)
    expect(lines.join('\n')).not.toContain(TOKEN)
    expect(lines.some((l) => l.includes('account.created'))).toBe(true)
  })

  it('lists without reading any secret, also after reopening', async () => {
    const { vault, dataDir, store } = await openTestVault()
    await vault.create(NMBRS)
    await vault.create({ ...NMBRS, label: 'Second' })
    store.reads.length = 0
    expect((await vault.list()).map((a) => a.label)).toEqual(['Prod Nmbrs', 'Second'])
    const reopened = await openTestVault({ dataDir, store })
    expect(await reopened.vault.list()).toHaveLength(2)
    expect(store.accountReads()).toEqual([])
  })

  it('refuses a bad field with a field-named error and saves nothing', async () => {
    const { vault, dataDir, store } = await openTestVault()
    await vault.create(NMBRS)
    const before = await fileText(dataDir)
    const items = new Map(store.items)
    await expect(vault.create({ ...NMBRS, label: 'Other', fields: { ...NMBRS.fields, USERNAME: 'not-an-email' } })).rejects.toMatchObject({
      code: 'account.invalid',
      field: 'fields.USERNAME',
    })
    await expect(vault.create(NMBRS)).rejects.toMatchObject({ field: 'label' })
    expect(await fileText(dataDir)).toBe(before)
    expect(store.items).toEqual(items)
  })

  it.each([
    ['the fingerprint key', 0],
    ['the account item', 1],
  ])('does not save the record when the keychain refuses (%s), and says why and how to fix it', async (_name, warmUp) => {
    const { vault, store } = await openTestVault()
    if (warmUp) await vault.fingerprints.fingerprint('load the key first')
    store.failNext = new Error('Object does not exist at path “/org/freedesktop/secrets/collection/login”')
    await expect(vault.create(NMBRS)).rejects.toMatchObject({ code: 'vault.keychain-failed', message: expect.stringContaining('Unlock it') })
    expect(await vault.list()).toEqual([])
  })

  it('announces changes', async () => {
    const { vault } = await openTestVault()
    const seen: string[][] = []
    vault.onChanged((ids) => seen.push([...ids]))
    const view = await vault.create(NMBRS)
    await vault.delete(view.id)
    expect(seen).toEqual([[view.id], [view.id]])
  })
})

describe('Vault: partial update', () => {
  it('changes plain fields without touching the keychain', async () => {
    const { vault, store } = await openTestVault()
    const view = await vault.create(NMBRS)
    store.reads.length = 0
    const items = new Map(store.items)
    const updated = await vault.update({ id: view.id, label: 'Renamed', notes: 'ops team', fields: { DOMAIN: null } })
    expect(updated).toMatchObject({ label: 'Renamed', notes: 'ops team', fields: { USERNAME: 'ops@example.com' }, secrets: view.secrets })
    expect(updated.fields).not.toHaveProperty('DOMAIN')
    expect(updated.lastRotatedAt).toBe(view.lastRotatedAt)
    expect(store.accountReads()).toEqual([])
    expect(store.items).toEqual(items)
  })

  it('replaces a secret (new fingerprint, rotation time) and leaves the others unchanged', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z')
    const { vault, store } = await openTestVault()
    ;(vault as unknown as { options: { now: () => Date } }).options.now = () => new Date(now)
    const view = await vault.create({ label: 'GC', provider: 'groupcall', fields: { CUSTOMER_ID: '1469', PASSWORD: 'old-password-123', PARTNER_KEY: 'partner-abc-12345' } })
    now += 60_000
    const updated = await vault.update({ id: view.id, fields: { PASSWORD: 'new-password-456' } })
    expect(updated.secrets.PASSWORD!.fingerprint).not.toBe(view.secrets.PASSWORD!.fingerprint)
    expect(updated.secrets.PARTNER_KEY).toEqual(view.secrets.PARTNER_KEY)
    expect(updated.lastRotatedAt).toBe('2026-01-01T00:01:00.000Z')
    expect(parseItem(store.items.get(itemName(view.id))!)!.secrets).toEqual({ PASSWORD: 'new-password-456', PARTNER_KEY: 'partner-abc-12345' })
  })

  it('clears an optional secret, and refuses to clear a required one (nothing half-saved)', async () => {
    const { vault, dataDir, store } = await openTestVault()
    const view = await vault.create({ label: 'GC', provider: 'groupcall', fields: { CUSTOMER_ID: '1469', PASSWORD: 'password-123', PARTNER_KEY: 'partner-key' } })
    const cleared = await vault.update({ id: view.id, fields: { PARTNER_KEY: null } })
    expect(cleared.secrets).not.toHaveProperty('PARTNER_KEY')
    expect(parseItem(store.items.get(itemName(view.id))!)!.secrets).toEqual({ PASSWORD: 'password-123' })
    const before = await fileText(dataDir)
    const items = new Map(store.items)
    await expect(vault.update({ id: view.id, label: 'Renamed', fields: { PASSWORD: null } })).rejects.toMatchObject({ field: 'fields.PASSWORD' })
    await expect(vault.update({ id: view.id, label: 'Renamed', fields: { PASSWORD: 'fine-password', CUSTOMER_ID: 'x1' } })).rejects.toMatchObject({
      field: 'fields.CUSTOMER_ID',
    })
    expect(await fileText(dataDir)).toBe(before)
    expect(store.items).toEqual(items)
  })

  it('requires a confirmation to move the base URL to a host outside the provider’s list, and records it', async () => {
    const { vault, lines } = await openTestVault()
    const view = await vault.create(NMBRS)
    await expect(vault.update({ id: view.id, baseUrl: 'https://proxy.example.com/soap/v3' })).rejects.toMatchObject({
      code: 'account.host-unconfirmed',
      field: 'baseUrl',
    })
    const moved = await vault.update({ id: view.id, baseUrl: 'https://proxy.example.com/soap/v3', confirmUnlistedHost: true })
    expect(moved.baseUrl).toBe('https://proxy.example.com/soap/v3')
    expect(moved.baseUrlConfirmedAt).not.toBeNull()
    expect(lines.some((l) => l.includes('account.base-url-unlisted') && l.includes('proxy.example.com'))).toBe(true)
    // Saving the same URL again, or other fields, needs no new confirmation.
    await expect(vault.update({ id: view.id, baseUrl: 'https://proxy.example.com/soap/v3/', notes: 'n' })).resolves.toMatchObject({ notes: 'n' })
    const back = await vault.update({ id: view.id, baseUrl: null })
    expect(back).toMatchObject({ baseUrl: null, baseUrlConfirmedAt: null })
  })

  it('reports an unknown id', async () => {
    const { vault } = await openTestVault()
    await expect(vault.update({ id: 'nope', label: 'x' })).rejects.toMatchObject({ code: 'account.not-found', field: 'id' })
  })
})

describe('Vault: delete and duplicate', () => {
  it('delete removes the record and the keychain item', async () => {
    const { vault, store } = await openTestVault()
    const view = await vault.create(NMBRS)
    await vault.delete(view.id)
    expect(await vault.list()).toEqual([])
    expect(store.items.has(itemName(view.id))).toBe(false)
  })

  it('duplicate copies definition and secrets, not tokens', async () => {
    const { vault, store } = await openTestVault()
    const view = await vault.create({ ...NMBRS, notes: 'n' })
    await vault.saveTokens(view.id, { access: 'issued-access-token' })
    const copy = await vault.duplicate(view.id)
    const again = await vault.duplicate(view.id)
    expect(copy).toMatchObject({ label: 'Prod Nmbrs (copy)', fields: view.fields, secrets: view.secrets, notes: 'n' })
    expect(again.label).toBe('Prod Nmbrs (copy 2)')
    expect(copy.id).not.toBe(view.id)
    expect(parseItem(store.items.get(itemName(copy.id))!)).toMatchObject({ secrets: { TOKEN }, tokens: {} })
    await expect(vault.duplicate(view.id, 'Prod Nmbrs')).rejects.toMatchObject({ field: 'label' })
  })
})

describe('Vault: secrets for checks and tokens', () => {
  it('reads secrets on demand, logs the read without values, and keeps tokens in the item', async () => {
    const { vault, dataDir, lines, scrubber } = await openTestVault()
    const view = await vault.create(NMBRS)
    await vault.saveTokens(view.id, { access: 'issued-access-token-123', refresh: 'issued-refresh-token-456' })
    await vault.saveTokens(view.id, { refresh: null })
    expect(await vault.readSecrets(view.id, 'check')).toEqual({ secrets: { TOKEN }, tokens: { access: 'issued-access-token-123' }, address: { environment: view.environment, baseUrl: view.baseUrl } })
    expect(lines.some((l) => l.includes('account.secrets-read') && l.includes('check'))).toBe(true)
    expect(lines.join('\n')).not.toMatch(/issued-|tok-0123/)
    expect(await fileText(dataDir)).not.toContain('issued-access')
    expect(scrubber.scrub(`x ${TOKEN} issued-access-token-123`)).toBe('x [redacted] [redacted]')
  })
})

describe('Vault: two processes on one vault (app and CLI)', () => {
  it('interleaved writes from two vault instances keep both sets of accounts', async () => {
    const a = await openTestVault()
    const b = await openTestVault({ dataDir: a.dataDir, store: a.store })
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).vault.create({ ...NMBRS, label: `acct ${i}` })),
    )
    expect((await a.vault.list()).map((v) => v.label).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `acct ${i}`))
  })
})
