/**
 * Two data directories in one keyring: each vault keeps its keychain items in its own
 * namespace, so neither sees, changes nor deletes the other's accounts. Vaults written
 * before namespaces existed move their own items over once, with a notice.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/core/log'
import { SecretScrubber } from '../../../src/core/secret-scrubber'
import { openSecretStore } from '../../../src/core/vault/keychain-store'
import { Vault } from '../../../src/core/vault/vault'
import { runCli } from '../../support/run-cli'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'

interface ListedAccount {
  readonly label: string
  readonly secretsStatus: string
  readonly baseUrl: string | null
  readonly problems: ReadonlyArray<{ code: string }>
}

const ENV_FILE = [
  'PROD_NMBRS_USERNAME=ops@example.com',
  'PROD_NMBRS_TOKEN=namespace-token-a-1234567890',
  'PROD_NMBRS_DOMAIN=acme',
  'PROD_NMBRS_BASE_URL=http://127.0.0.1:9/soap/v3',
  'SMSGATE_TOKEN=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlLWE',
  'SMSGATE_BASE_URL=http://127.0.0.1:9/3rdparty/v1',
].join('\n')

describe.skipIf(!haveKeyring)('vault namespaces (real keychain; run under scripts/keyring-run.sh)', () => {
  let root: string
  let env: NodeJS.ProcessEnv
  let a: string
  let b: string
  const service = `authdesk-test-${randomUUID()}`

  const list = async (dir: string): Promise<{ accounts: ListedAccount[]; notices: Array<{ code: string; message: string }> }> => {
    const result = await runCli(['accounts', 'list', '--json', '--data-dir', dir], env)
    expect(result.code, result.stderr).toBe(0)
    return JSON.parse(result.stdout) as { accounts: ListedAccount[]; notices: Array<{ code: string; message: string }> }
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'authdesk-namespace-'))
    env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: service }
    a = join(root, 'a')
    b = join(root, 'b')
    await writeFile(join(root, 'accounts.env'), ENV_FILE)
    const added = await runCli(['accounts', 'add', '--env', join(root, 'accounts.env'), '--data-dir', a], env)
    expect(added.code, added.stderr).toBe(0)
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('an empty vault in the same keyring sees none of the other vault’s accounts and recovers nothing', async () => {
    const other = await list(b)
    expect(other.accounts).toEqual([])
    expect(other.notices).toEqual([])
    const own = await list(a)
    expect(own.accounts.map((x) => x.label).sort()).toEqual(['PROD_NMBRS', 'SMSGATE'])
  })

  it('adding the same names to the second vault creates them there (nothing skipped), and each keeps its own secrets', async () => {
    const added = await runCli(['accounts', 'add', '--env', join(root, 'accounts.env'), '--data-dir', b], env)
    expect(added.code, added.stderr).toBe(0)
    expect(added.stdout).toContain('Created 2, replaced 0, skipped 0.')
    for (const dir of [a, b]) expect((await list(dir)).accounts.map((x) => x.secretsStatus)).toEqual(['keychain', 'keychain'])
  })

  it('removing an account from one vault leaves the other vault’s account and its secret alone', async () => {
    const removed = await runCli(['accounts', 'remove', 'PROD_NMBRS', '--data-dir', b], env)
    expect(removed.code, removed.stderr).toBe(0)
    expect((await list(b)).accounts.map((x) => x.label)).toEqual(['SMSGATE'])
    const own = await list(a)
    expect(own.accounts.find((x) => x.label === 'PROD_NMBRS')).toMatchObject({ secretsStatus: 'keychain', problems: [] })
    expect(own.notices).toEqual([])
  })

  it('a vault written before namespaces moves its own items into its namespace once, with a notice, and leaves others’ items alone', async () => {
    const legacyService = `authdesk-test-${randomUUID()}`
    const legacyDir = join(root, 'legacy')
    await mkdir(legacyDir)
    const legacyStore = await openSecretStore({ service: legacyService, isolateProbe: false })
    expect(legacyStore.status.backend).toBe('keychain')
    const old = await Vault.open({ dataDir: legacyDir, store: legacyStore, scrubber: new SecretScrubber(), logger: silentLogger })
    await old.create({ label: 'Old Nmbrs', provider: 'nmbrs', fields: { USERNAME: 'ops@example.com', TOKEN: 'legacy-token-1234567890', DOMAIN: 'acme' } })
    // An item of some other old vault in the same shared namespace: not this vault's to take.
    await legacyStore.set(`account:${randomUUID()}`, JSON.stringify({ v: 1, provider: 'nmbrs', environment: 'production', label: 'Elsewhere', secrets: { TOKEN: 'x-123456789' }, tokens: {} }))
    const legacyEnv = { ...env, AUTHDESK_KEYCHAIN_SERVICE: legacyService }
    const first = await runCli(['accounts', 'list', '--json', '--data-dir', legacyDir], legacyEnv)
    expect(first.code, first.stderr).toBe(0)
    const doc = JSON.parse(first.stdout) as { accounts: ListedAccount[]; notices: Array<{ code: string; message: string }> }
    expect(doc.accounts.map((x) => [x.label, x.secretsStatus])).toEqual([['Old Nmbrs', 'keychain']])
    expect(doc.notices).toEqual([expect.objectContaining({ code: 'keychain.migrated', message: expect.stringContaining('1 account') })])
    // The moved item is gone from the shared namespace; the other vault's item is still there.
    const leftover = await legacyStore.list()
    expect(leftover.filter((n) => n.startsWith('account:'))).toHaveLength(1)
    const again = await runCli(['accounts', 'list', '--json', '--data-dir', legacyDir], legacyEnv)
    expect((JSON.parse(again.stdout) as { notices: unknown[] }).notices).toEqual([])
    const check = await runCli(['accounts', 'list', '--data-dir', legacyDir], legacyEnv)
    expect(check.stdout).toContain('secrets: keychain')
  })
})
