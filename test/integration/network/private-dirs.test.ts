/**
 * Data folders are private (issue 13, point 6): the built CLI under umask 000 creates the data,
 * history and token folders 0700 and their files 0600, and tightens folders it finds looser.
 * Needs `npm run build` and scripts/keyring-run.sh.
 */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'

const run = promisify(execFile)
const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'

let sims: SimulatorSet
let root: string
const env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }

beforeAll(async () => {
  sims = await startAllSimulators()
  root = mkdtempSync(join(tmpdir(), 'authdesk-modes-'))
})
afterAll(async () => {
  await sims.close()
  rmSync(root, { recursive: true, force: true })
})

/** The built CLI with umask 000, as a careless shell or service manager would start it. */
async function cli(args: string[]): Promise<void> {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
  await run('sh', ['-c', `umask 000; exec "${process.execPath}" bin/authdesk.js ${quoted}`], { env })
}

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8)

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
}

describe.skipIf(!haveKeyring || process.platform === 'win32')('private data folders under umask 000', () => {
  it.each([
    ['created', false],
    ['found looser and tightened', true],
  ])('data, history and token folders are 0700 and files 0600 (%s)', { timeout: 90_000 }, async (_label, loose) => {
    const dataDir = join(root, loose ? 'loose' : 'fresh')
    if (loose) {
      for (const sub of ['', 'history', 'tokens', 'bundles']) mkdirSync(join(dataDir, sub), { recursive: true })
      for (const sub of ['', 'history', 'tokens', 'bundles']) chmodSync(join(dataDir, sub), 0o777)
    }
    const valid = sims.byId.smsgate.scenarioCredentials().valid!
    const file = join(root, `${randomUUID()}.env`)
    writeFileSync(file, [`SG_SMSGATE_USERNAME=${valid.USERNAME}`, `SG_SMSGATE_PASSWORD=${valid.PASSWORD}`, `SG_SMSGATE_BASE_URL=${valid.BASE_URL}`].join('\n'))
    try {
      await cli(['accounts', 'add', '--env', file, '--data-dir', dataDir])
      await cli(['check', '--vault', '--data-dir', dataDir]).catch(() => undefined)
      await cli(['tokens', 'issue', '--account', 'SG_SMSGATE', '--data-dir', dataDir])

      for (const sub of ['', 'history', 'tokens']) expect(mode(join(dataDir, sub)), `${sub || 'data'} folder`).toBe('700')
      if (loose) expect(mode(join(dataDir, 'bundles'))).toBe('700')
      const files = filesUnder(dataDir)
      expect(files.length).toBeGreaterThanOrEqual(3)
      for (const f of files) expect(mode(f), f).toBe('600')
    } finally {
      await cli(['accounts', 'remove', 'SG_SMSGATE', '--data-dir', dataDir]).catch(() => undefined)
    }
  })
})
