/**
 * SIGKILL at random moments while `authdesk accounts add` imports 100 accounts: after every
 * kill each account is whole (all its fields, its secret in the keychain) or absent, and a
 * re-run of the same add completes, leaving no lock, journal or temp file behind.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../support/run-cli'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'
const ACCOUNTS = 100
const KILLS = 8

interface Listed {
  readonly label: string
  readonly baseUrl: string | null
  readonly fields: Readonly<Record<string, string>>
  readonly secretsStatus: string
  readonly problems: ReadonlyArray<{ code: string }>
}

/**
 * Kills the add a moment after its write phase starts (the journal appears; then the keychain
 * writes run), or after `fallbackMs` when no journal appears.
 */
function addAndKill(args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, journal: string, fallbackMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/authdesk.js', ...args], { env, stdio: 'ignore' })
    const kill = (): void => void child.kill('SIGKILL')
    const fallback = setTimeout(kill, fallbackMs)
    const watch = setInterval(() => {
      if (!existsSync(journal)) return
      clearInterval(watch)
      setTimeout(kill, Math.random() * 300)
    }, 5)
    child.on('exit', () => {
      clearTimeout(fallback)
      clearInterval(watch)
      resolve()
    })
  })
}

describe.skipIf(!haveKeyring)('accounts add survives SIGKILL (real keychain; run under scripts/keyring-run.sh)', () => {
  let root: string
  let dataDir: string
  let envFile: string
  let env: NodeJS.ProcessEnv

  let completions = 0
  const list = async (): Promise<Listed[]> => {
    const result = await runCli(['accounts', 'list', '--json', '--data-dir', dataDir], env)
    expect(result.code, result.stderr).toBe(0)
    const doc = JSON.parse(result.stdout) as { accounts: Listed[]; notices: Array<{ code: string }> }
    if (doc.notices.some((n) => n.code === 'keychain.save-completed')) completions++
    return doc.accounts
  }
  const expectWhole = (accounts: ReadonlyArray<Listed>): void => {
    for (const a of accounts) {
      expect(a, a.label).toMatchObject({ baseUrl: 'http://127.0.0.1:9/soap/v3', fields: { USERNAME: 'ops@example.com', DOMAIN: 'acme' }, secretsStatus: 'keychain', problems: [] })
    }
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'authdesk-add-crash-'))
    dataDir = join(root, 'vault')
    envFile = join(root, 'accounts.env')
    env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }
    const lines = Array.from({ length: ACCOUNTS }, (_, i) => {
      const name = `A${String(i).padStart(3, '0')}_NMBRS`
      return [`${name}_USERNAME=ops@example.com`, `${name}_TOKEN=crash-token-${i}-abcdefghijkl`, `${name}_DOMAIN=acme`, `${name}_BASE_URL=http://127.0.0.1:9/soap/v3`]
    })
    await writeFile(envFile, lines.flat().join('\n'))
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it(`${KILLS} kills during an add of ${ACCOUNTS} accounts: no half account, and a re-run completes with no stale lock`, async () => {
    const args = ['accounts', 'add', '--env', envFile, '--data-dir', dataDir]
    // How long start-up and a whole add take here, so the kills land between them (in the writes).
    const timed = async (run: () => Promise<unknown>): Promise<number> => {
      const started = Date.now()
      await run()
      return Date.now() - started
    }
    const startUp = await timed(() => runCli(['accounts', 'list', '--data-dir', join(root, 'timing')], env))
    const whole = await timed(() => runCli(['accounts', 'add', '--env', envFile, '--data-dir', join(root, 'timing')], env))
    for (let k = 0; k < KILLS; k++) {
      await addAndKill(args, env, join(dataDir, 'keychain-journal.json'), startUp + Math.random() * Math.max(100, whole - startUp))
      expectWhole(await list())
    }
    // At least one kill landed between the keychain writes and the account file, and was finished.
    process.stdout.write(`add crash test: ${KILLS} kills, ${completions} interrupted adds finished at the next open\n`)
    expect(completions).toBeGreaterThan(0)
    const rerun = await runCli(args, env)
    expect(rerun.code, rerun.stderr).toBe(0)
    const accounts = await list()
    expect(accounts).toHaveLength(ACCOUNTS)
    expectWhole(accounts)
    const left = (await readdir(dataDir)).filter((n) => n.startsWith('accounts.lock') || n.includes('.tmp-') || n === 'keychain-journal.json')
    expect(left).toEqual([])
  }, 120_000)
})
