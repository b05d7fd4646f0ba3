/**
 * Kills the vault with SIGKILL at random points while it saves (creates, rotations,
 * deletes, and the recovery pass at start-up), many times over, and checks after every kill
 * that the account file loads and that no committed change is lost.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../../../src/core/services'
import { ACCOUNTS_FILE, ACCOUNTS_FORMAT, ACCOUNTS_VERSION, parseAccountsDocument } from '../../../src/core/vault/account-schema'
import { DocumentStore } from '../../../src/core/vault/metadata-store'
import { accountIdOf } from '../../../src/core/vault/secret-item'
import { tempDir } from '../../unit/core/vault/fake-store'
import { buildFixtures, type Fixtures } from './build-fixtures'

const KILLS_PER_LANE = 37
const LANES = 3
const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'

interface Run {
  readonly lines: string[]
  readonly backend: string | null
  readonly stderr: string
}

/** Starts a child, kills it at a random moment (usually mid-save, sometimes mid-start-up), returns what it committed. */
function runAndKill(child: string, dataDir: string, seed: number, service: string): Promise<Run> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [child, dataDir, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: service },
    })
    let out = ''
    let stderr = ''
    const kill = (ms: number) => setTimeout(() => proc.kill('SIGKILL'), ms)
    if (Math.random() < 0.2) kill(Math.random() * 250)
    else proc.stdout.once('data', () => kill(Math.random() * 60))
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()))
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    proc.on('exit', () => {
      const lines = out.split('\n').filter(Boolean)
      resolve({ lines, backend: lines[0]?.startsWith('R ') ? lines[0].slice(2) : null, stderr })
    })
  })
}

async function lane(child: string, index: number) {
  const dataDir = await tempDir('authdesk-crash-')
  const service = `authdesk-test-${randomUUID()}`
  const live = new Set<string>()
  const deleted = new Set<string>()
  let restored = 0
  let inSaveLoop = 0
  let commits = 0
  for (let k = 0; k < KILLS_PER_LANE; k++) {
    const run = await runAndKill(child, dataDir, index * 1000 + k, service)
    expect(run.stderr).toBe('')
    if (run.backend && haveKeyring) expect(run.backend).toBe('keychain')
    if (run.backend) inSaveLoop++
    commits += run.lines.filter((l) => /^[CUD] /.test(l)).length
    for (const line of run.lines) {
      const [op, id = ''] = line.split(' ')
      if (op === 'C') live.add(id)
      if (op === 'd') live.delete(id) // being deleted: may be there or not
      if (op === 'D') {
        live.delete(id)
        deleted.add(id)
      }
    }
    // The store loads after every kill (from the backup if need be) and holds every committed change.
    const file = new DocumentStore({ path: join(dataDir, ACCOUNTS_FILE), format: ACCOUNTS_FORMAT, version: ACCOUNTS_VERSION, parse: parseAccountsDocument })
    const loaded = await file.load()
    restored += loaded.notices.length
    const ids = new Set((loaded.value?.accounts ?? []).map((a) => a.id))
    for (const id of live) expect(ids.has(id), `committed account ${id} lost after kill ${k}`).toBe(true)
    for (const id of deleted) expect(ids.has(id), `deleted account ${id} back after kill ${k}`).toBe(false)
  }
  return { dataDir, service, live, restored, inSaveLoop, commits }
}

describe('crash safety of the account store', () => {
  let child = ''
  let fixtures: Fixtures | undefined
  const services: string[] = []
  beforeAll(async () => {
    child = (fixtures = await buildFixtures(['crash-child'])).paths['crash-child']!
  }, 60_000)
  afterAll(async () => {
    await fixtures?.dispose()
    if (!haveKeyring) return
    const keytar = (await import('keytar')).default
    for (const service of services)
      for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account)
  })

  it(`survives ${LANES * KILLS_PER_LANE} SIGKILLs at random points while saving`, async () => {
    const started = Date.now()
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(child, i)))
    let recovered = 0
    for (const result of lanes) {
      // The whole vault opens: keychain items saved just before a kill come back as recovered accounts.
      const opened = await createServices({ dataDir: result.dataDir, appVersion: 'test', keychainService: result.service })
      if (opened.keychainService) services.push(opened.keychainService)
      const accounts = await opened.vault.list()
      for (const id of result.live) expect(accounts.some((a) => a.id === id)).toBe(true)
      recovered += accounts.filter((a) => a.problems.some((p) => p.code === 'metadata.recovered')).length
      if (haveKeyring) {
        const itemIds = (await opened.secretStore.list()).map(accountIdOf).filter((id): id is string => id !== null)
        expect(itemIds.filter((id) => !accounts.some((a) => a.id === id))).toEqual([])
      }
    }
    const kills = LANES * KILLS_PER_LANE
    const sum = (key: 'inSaveLoop' | 'commits' | 'restored'): number => lanes.reduce((n, l) => n + l[key], 0)
    const midSave = sum('inSaveLoop')
    process.stdout.write(
      `crash test: ${kills} kills (${midSave} in the save loop, ${kills - midSave} during start-up) in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `${sum('commits')} committed operations; ${sum('restored')} restores from backup; ` +
        `${recovered} accounts recovered from the keychain; ` +
        `${lanes.reduce((n, l) => n + l.live.size, 0)} committed accounts, none lost\n`,
    )
    expect(midSave).toBeGreaterThanOrEqual(kills * 0.6)
  }, 180_000)
})
