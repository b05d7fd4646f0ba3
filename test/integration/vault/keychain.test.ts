/** Real keychain round trips through the vault: keytar against gnome-keyring (scripts/keyring-run.sh). */
import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { createServices } from '../../../src/core/services'
import { FINGERPRINT_KEY_ITEM } from '../../../src/core/vault/fingerprint'
import { itemName, parseItem } from '../../../src/core/vault/secret-item'
import { tempDir } from '../../unit/core/vault/fake-store'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'
const base = `authdesk-test-${randomUUID()}`
const keytar = async () => (await import('keytar')).default
/** Each data directory's vault keeps its items under `<base>/<vault id>`. */
const namespaces: string[] = []
const open = async (dataDir: string, appVersion: string) => {
  const services = await createServices({ dataDir, appVersion, keychainService: base })
  namespaces.push(services.keychainService!)
  return { services, service: services.keychainService! }
}

describe.skipIf(!haveKeyring)('vault on the real OS keychain (skipped: needs scripts/keyring-run.sh, which sets AUTHDESK_TEST_KEYRING=1)', () => {
  afterAll(async () => {
    const k = await keytar()
    for (const service of namespaces) for (const { account } of await k.findCredentials(service)) await k.deletePassword(service, account)
  })

  it('creates, reads, rotates, duplicates and deletes with one keychain item per account', async () => {
    const dataDir = await tempDir()
    const { services, service } = await open(dataDir, 'test')
    expect(service).toMatch(new RegExp(`^${base}/[0-9a-f-]{36}$`))
    expect(services.secretStore.status.backend).toBe('keychain')
    const { vault } = services
    const k = await keytar()

    const view = await vault.create({ label: 'SG', provider: 'smsgate', fields: { USERNAME: 'ABCDEF', PASSWORD: 'real-keychain-pass-1' } })
    expect(parseItem((await k.getPassword(service, itemName(view.id)))!)).toMatchObject({ secrets: { PASSWORD: 'real-keychain-pass-1' } })
    expect(await k.getPassword(service, FINGERPRINT_KEY_ITEM)).toMatch(/^[A-Za-z0-9+/]{43}=$/)

    await vault.saveTokens(view.id, { access: 'real-access-token' })
    const rotated = await vault.update({ id: view.id, fields: { PASSWORD: 'real-keychain-pass-2' } })
    expect(rotated.secrets.PASSWORD!.fingerprint).not.toBe(view.secrets.PASSWORD!.fingerprint)
    expect(await vault.readSecrets(view.id, 'check')).toMatchObject({ secrets: { PASSWORD: 'real-keychain-pass-2' }, tokens: { access: 'real-access-token' } })

    const copy = await vault.duplicate(view.id)
    expect(copy.secrets).toEqual(rotated.secrets)
    await vault.delete(view.id)
    expect(await k.getPassword(service, itemName(view.id))).toBeNull()
    expect(await k.getPassword(service, itemName(copy.id))).not.toBeNull()
  })

  it('the app and the CLI share fingerprints (one key per install), and reconcile against the keychain', async () => {
    const dataDir = await tempDir()
    const { services: app, service } = await open(dataDir, 'app')
    const view = await app.vault.create({ label: 'AM', provider: 'authmatech', fields: { API_KEY: 'shared-api-key-1234', CLIENT_ID: 'c1' } })
    const { services: cli } = await open(dataDir, 'cli')
    expect(await cli.vault.fingerprints.fingerprint('shared-api-key-1234')).toBe(view.secrets.API_KEY!.fingerprint)

    // The item is removed behind AuthDesk's back: the next start shows it on the account.
    await (await keytar()).deletePassword(service, itemName(view.id))
    const { services: next } = await open(dataDir, 'app')
    expect((await next.vault.list()).find((a) => a.id === view.id)).toMatchObject({ secretsStatus: 'missing', problems: [expect.objectContaining({ code: 'secret.missing' })] })
  })
})
