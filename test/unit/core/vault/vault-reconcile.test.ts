import { readdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { itemName } from '../../../../src/core/vault/secret-item'
import { FakeKeychain, memoryStatus, NMBRS, openTestVault } from './fake-store'

describe('reconcile on start', () => {
  it('a record whose keychain item is gone shows secret.missing, not a crash', async () => {
    const { vault, dataDir, store } = await openTestVault()
    const view = await vault.create(NMBRS)
    store.items.delete(itemName(view.id))
    const reopened = await openTestVault({ dataDir, store })
    const [account] = await reopened.vault.list()
    expect(account).toMatchObject({ secretsStatus: 'missing', problems: [{ code: 'secret.missing', message: expect.stringContaining('Enter them again') }] })
    await expect(reopened.vault.readSecrets(view.id, 'check')).rejects.toMatchObject({ code: 'vault.secret-missing' })
    // Entering the secret again clears the problem.
    const fixed = await reopened.vault.update({ id: view.id, fields: { TOKEN: 'new-token-value-1' } })
    expect(fixed).toMatchObject({ secretsStatus: 'keychain', problems: [] })
  })

  it('a keychain item without a record that no journal names is left alone (not adopted), and said so', async () => {
    const { vault, dataDir, store } = await openTestVault()
    const view = await vault.create(NMBRS)
    await unlink(join(dataDir, 'accounts.json'))
    await unlink(join(dataDir, 'accounts.json.bak'))
    const reopened = await openTestVault({ dataDir, store })
    expect(await reopened.vault.list()).toEqual([])
    expect(store.items.has(itemName(view.id))).toBe(true)
    expect(reopened.vault.status().notices).toEqual([expect.objectContaining({ code: 'keychain.items-unclaimed', message: expect.stringContaining('1 keychain item') })])
  })

  it('an add killed after its secret was saved is finished from the journal: the whole account, not a half one', async () => {
    const { vault, dataDir, store } = await openTestVault()
    const view = await vault.create(NMBRS)
    const [record] = (JSON.parse(await readFile(join(dataDir, 'accounts.json'), 'utf8')) as { data: { accounts: unknown[] } }).data.accounts
    // The state a kill between the keychain write and the account file leaves: journal and item, no record.
    await writeFile(join(dataDir, 'keychain-journal.json'), JSON.stringify({ v: 1, records: [record] }))
    await unlink(join(dataDir, 'accounts.json'))
    await unlink(join(dataDir, 'accounts.json.bak'))
    const reopened = await openTestVault({ dataDir, store })
    expect(await reopened.vault.list()).toEqual([expect.objectContaining({ id: view.id, label: 'Prod Nmbrs', fields: view.fields, problems: [] })])
    expect(reopened.vault.status().notices).toEqual([expect.objectContaining({ code: 'keychain.save-completed' })])
    expect(await readdir(dataDir)).not.toContain('keychain-journal.json')
  })

  it('an add killed before its secret was saved leaves nothing behind', async () => {
    const { vault, dataDir, store } = await openTestVault()
    const view = await vault.create(NMBRS)
    const [record] = (JSON.parse(await readFile(join(dataDir, 'accounts.json'), 'utf8')) as { data: { accounts: unknown[] } }).data.accounts
    await writeFile(join(dataDir, 'keychain-journal.json'), JSON.stringify({ v: 1, records: [record] }))
    await vault.delete(view.id)
    const reopened = await openTestVault({ dataDir, store })
    expect(await reopened.vault.list()).toEqual([])
    expect(reopened.vault.status().notices).toEqual([])
  })

  it('leaves items of other formats and names alone', async () => {
    const store = new FakeKeychain()
    store.items.set('account:foreign', 'not json')
    store.items.set('someone-else', 'x')
    const { vault } = await openTestVault({ store })
    expect(await vault.list()).toEqual([])
    expect(store.items.get('account:foreign')).toBe('not json')
    expect(vault.status().notices).toEqual([expect.objectContaining({ code: 'keychain.items-unclaimed' })])
  })
})

describe('damaged account file', () => {
  it('is restored from the backup and reported', async () => {
    const { vault, dataDir, store } = await openTestVault()
    await vault.create(NMBRS)
    await writeFile(join(dataDir, 'accounts.json'), '{"format": "authdesk-acc')
    const reopened = await openTestVault({ dataDir, store })
    expect(await reopened.vault.list()).toHaveLength(1)
    expect(reopened.vault.status().notices).toEqual([expect.objectContaining({ code: 'metadata.restored-from-backup' })])
  })

  it('is reported as soon as the vault opens, also without a keychain (before any list)', async () => {
    const store = new FakeKeychain(memoryStatus())
    const { vault, dataDir } = await openTestVault({ store })
    await vault.create(NMBRS)
    await writeFile(join(dataDir, 'accounts.json'), '{"format": "authdesk-acc')
    const reopened = await openTestVault({ dataDir, store })
    expect(reopened.vault.status().notices).toEqual([expect.objectContaining({ code: 'metadata.restored-from-backup' })])
  })

  it('damaged while the app runs: the next load reports it once, announced as a change so a shown status refreshes', async () => {
    const { vault, dataDir } = await openTestVault()
    await vault.create(NMBRS)
    const announced: Array<ReadonlyArray<string>> = []
    vault.onChanged((ids) => announced.push(ids))
    await writeFile(join(dataDir, 'accounts.json'), '{"format": "authdesk-acc')
    expect(await vault.list()).toHaveLength(1)
    expect(vault.status().notices).toEqual([expect.objectContaining({ code: 'metadata.restored-from-backup' })])
    expect(announced).toEqual([[]])
    await vault.list()
    expect(announced).toEqual([[]])
  })

  it('with an unreadable backup too: reported, nothing written, nothing reset', async () => {
    const { vault, dataDir, store } = await openTestVault()
    await vault.create(NMBRS)
    await writeFile(join(dataDir, 'accounts.json'), 'garbage')
    await writeFile(join(dataDir, 'accounts.json.bak'), 'garbage')
    const reopened = await openTestVault({ dataDir, store })
    expect(reopened.vault.status()).toMatchObject({ writable: false, notices: [expect.objectContaining({ code: 'metadata.unreadable' })] })
    await expect(reopened.vault.list()).rejects.toMatchObject({ code: 'vault.metadata-unreadable' })
    await expect(reopened.vault.create({ ...NMBRS, label: 'new' })).rejects.toMatchObject({ code: 'vault.metadata-unreadable' })
    expect(await readFile(join(dataDir, 'accounts.json'), 'utf8')).toBe('garbage')
    expect((await readdir(dataDir)).filter((n) => n.startsWith('accounts.json')).sort()).toEqual(['accounts.json', 'accounts.json.bak'])
  })
})

describe('no keychain (memory store)', () => {
  it('keeps new secrets in memory for the session, marks the accounts, and writes no secret to disk', async () => {
    const store = new FakeKeychain(memoryStatus())
    const { vault, dataDir } = await openTestVault({ store })
    const view = await vault.create(NMBRS)
    expect(view.secretsStatus).toBe('session')
    expect(view.problems).toEqual([{ code: 'secret.session-only', message: expect.stringContaining('dbus-run-session') }])
    for (const name of await readdir(dataDir)) expect(await readFile(join(dataDir, name), 'utf8')).not.toContain(NMBRS.fields.TOKEN)
    expect(await vault.readSecrets(view.id, 'check')).toMatchObject({ secrets: { TOKEN: NMBRS.fields.TOKEN } })
    // Next session: those secrets are gone, and the account says so.
    const next = await openTestVault({ dataDir, store: new FakeKeychain(memoryStatus()) })
    const [account] = await next.vault.list()
    expect(account).toMatchObject({ secretsStatus: 'missing', problems: [expect.objectContaining({ code: 'secret.session-ended' })] })
  })

  it('accounts whose secrets are in the unreachable keychain are marked; their secrets cannot be changed or removed', async () => {
    const { vault, dataDir } = await openTestVault()
    const view = await vault.create(NMBRS)
    const degraded = await openTestVault({ dataDir, store: new FakeKeychain(memoryStatus()) })
    const [account] = await degraded.vault.list()
    expect(account).toMatchObject({ secretsStatus: 'unavailable', problems: [expect.objectContaining({ code: 'secret.unavailable' })] })
    await expect(degraded.vault.update({ id: view.id, fields: { TOKEN: 'another-token-1' } })).rejects.toMatchObject({ code: 'vault.keychain-unavailable' })
    await expect(degraded.vault.delete(view.id)).rejects.toMatchObject({ code: 'vault.keychain-unavailable' })
    await expect(degraded.vault.readSecrets(view.id, 'check')).rejects.toMatchObject({ code: 'vault.keychain-unavailable' })
    await expect(degraded.vault.update({ id: view.id, label: 'Renamed' })).resolves.toMatchObject({ label: 'Renamed', secretsStatus: 'unavailable' })
  })
})
