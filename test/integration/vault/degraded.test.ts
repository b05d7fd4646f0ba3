/**
 * No usable keychain, for real: child processes on no bus, on a bus without a Secret
 * Service, and on a bus whose keyring is locked. (libsecret keeps its connection per
 * process, so each situation needs its own process.) Vault commands exit 4 with the exact
 * reason and a fix; the app keeps secrets in memory, marks the accounts, writes none to disk.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../unit/core/vault/fake-store'
import { buildFixtures, type Fixtures } from './build-fixtures'
import { hitsIn, hitsInDir, makeCanaries } from './canaries'

const CLI = resolve(__dirname, '../../../bin/authdesk.js')
const BUS_CONFIG = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`

interface Situation {
  readonly name: string
  readonly error: string
  readonly hint: string
  /** Returns the environment for the children, and a cleanup. */
  setUp(): Promise<{ env: NodeJS.ProcessEnv; stop: () => void }>
  readonly available?: () => boolean
}

function withoutBus(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'AUTHDESK_DATA_DIR']) delete env[name]
  return env
}

/**
 * A private dbus-daemon; with `config` null it uses the standard session config (service
 * activation on). With `home` null it keeps this process's XDG directories.
 */
async function startBus(config: string | null, home: string | null): Promise<{ address: string; daemon: ChildProcess }> {
  const dirs = home === null ? {} : { XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: home, XDG_CONFIG_HOME: join(home, 'config'), HOME: home }
  const env = { ...withoutBus(), ...dirs }
  const args = config ? [`--config-file=${config}`] : ['--session']
  const daemon = spawn('dbus-daemon', [...args, '--nofork', '--print-address'], { env, stdio: ['ignore', 'pipe', 'ignore'] })
  const address = await new Promise<string>((ok) => daemon.stdout!.once('data', (d: Buffer) => ok(d.toString().trim())))
  return { address, daemon }
}

/** Ends what the bus started on demand (gnome-keyring), then the bus itself. */
function stopBus(address: string, daemon: ChildProcess): void {
  const owner = spawnSync('dbus-send', ['--bus=' + address, '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.GetConnectionUnixProcessID', 'string:org.freedesktop.secrets'])
  const pid = /uint32 (\d+)/.exec(owner.stdout?.toString() ?? '')?.[1]
  if (pid) process.kill(Number(pid), 'SIGTERM')
  daemon.kill()
}

const NO_BUS_HINT = 'No D-Bus session bus was found. Start AuthDesk from a desktop session, or run it inside `dbus-run-session`.'
const SITUATIONS: ReadonlyArray<Situation> = [
  {
    name: 'no D-Bus session bus',
    error: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
    hint: NO_BUS_HINT,
    setUp: async () => ({ env: withoutBus(), stop: () => {} }),
  },
  {
    name: 'a bus address that points at nothing',
    error: 'Could not connect: No such file or directory',
    hint: NO_BUS_HINT,
    setUp: async () => ({ env: { ...withoutBus(), DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/authdesk-bus' }, stop: () => {} }),
  },
  {
    name: 'a bus without a Secret Service',
    error: 'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
    hint: 'No Secret Service is installed. Install gnome-keyring (or enable Secret Service in KeePassXC) and restart AuthDesk.',
    setUp: async () => {
      const home = await tempDir('authdesk-bus-')
      await writeFile(join(home, 'bus.conf'), BUS_CONFIG)
      const { address, daemon } = await startBus(join(home, 'bus.conf'), home)
      return { env: { ...withoutBus(), DBUS_SESSION_BUS_ADDRESS: address }, stop: () => stopBus(address, daemon) }
    },
  },
  {
    name: 'a locked keyring (started on demand, never unlocked)',
    error: 'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
    hint: 'The keyring is locked or has no default collection. Unlock it (log in to your desktop session) and restart AuthDesk.',
    available: () => existsSync('/usr/share/dbus-1/services/org.freedesktop.secrets.service'),
    setUp: async () => {
      const home = await tempDir('authdesk-bus-')
      const { address, daemon } = await startBus(null, home)
      return { env: { ...withoutBus(), DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: home }, stop: () => stopBus(address, daemon) }
    },
  },
]

function run(file: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = execFile(process.execPath, [file, ...args], { env }, (error, stdout, stderr) => ok({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }))
    if (input !== undefined) child.stdin!.end(input)
  })
}

describe.skipIf(process.env.AUTHDESK_TEST_KEYRING !== '1')('a keychain that never answers (skipped: needs scripts/keyring-run.sh)', () => {
  // A second gnome-keyring activated on a private bus, sharing the running keyring's
  // directories, leaves calls waiting; the probe must give up and the CLI still exit 4.
  it('vault commands still exit 4 within the probe deadline', async () => {
    const { address, daemon } = await startBus(null, null)
    try {
      const env = { ...withoutBus(), DBUS_SESSION_BUS_ADDRESS: address }
      const started = Date.now()
      const result = await run(CLI, ['accounts', 'list', '--data-dir', await tempDir('authdesk-stuck-')], env)
      expect(result.code).toBe(4)
      expect(result.stderr).toMatch(/keychain is unavailable: (the keychain did not answer within 5 s|Object does not exist)/)
      expect(Date.now() - started).toBeLessThan(9_000)
    } finally {
      stopBus(address, daemon)
    }
  }, 20_000)
})

describe('without a usable keychain', () => {
  let appChild = ''
  let fixtures: Fixtures | undefined
  beforeAll(async () => {
    if (!existsSync(resolve(__dirname, '../../../out/cli/index.js'))) throw new Error('The CLI is not built: run `npm run build` before these tests.')
    appChild = (fixtures = await buildFixtures(['app-child'])).paths['app-child']!
  }, 60_000)
  afterAll(() => fixtures?.dispose())

  describe.each(SITUATIONS)('$name', (situation) => {
    let env: NodeJS.ProcessEnv = {}
    let stop = () => {}
    beforeAll(async () => {
      if (situation.available?.() === false) return
      ;({ env, stop } = await situation.setUp())
    })
    afterAll(() => stop())

    it.skipIf(situation.available?.() === false)('vault commands exit 4 with the exact reason and fix; nothing secret reaches the disk', async () => {
      const canaries = makeCanaries()
      const dataDir = await tempDir('authdesk-degraded-')
      const envFile = join(await tempDir('authdesk-envfile-'), 'accounts.env')
      await writeFile(envFile, canaries.env)
      for (const args of [['add', '--env', envFile], ['list'], ['list', '--json'], ['remove', 'IMP_NMBRS']]) {
        const result = await run(CLI, ['accounts', ...args, '--data-dir', dataDir], env)
        const message = `the OS keychain is unavailable: ${situation.error}. Fix: ${situation.hint} Nothing was read or written: vault commands need the keychain.`
        expect(result).toEqual({
          code: 4,
          stdout: args.includes('--json') ? `${JSON.stringify({ error: { code: 'vault.keychain-unavailable', message, field: null } })}\n` : '',
          stderr: `authdesk accounts: ${message}\nSee docs/cli.md (exit code 4).\n`,
        })
      }
      expect(await hitsInDir(dataDir, canaries.values)).toEqual({})
    })

    it.skipIf(situation.available?.() === false)('the app keeps secrets for the session, marks the accounts, and writes none to disk', async () => {
      const canaries = makeCanaries()
      const dataDir = await tempDir('authdesk-degraded-app-')
      const result = await run(appChild, [dataDir], env, JSON.stringify(canaries.drafts))
      expect(result.stderr).toBe('')
      const out = JSON.parse(result.stdout) as {
        created: Array<{ ok: boolean }>
        list: { value: Array<{ secretsStatus: string; problems: Array<{ code: string }> }> }
        status: { value: { storage: { backend: string; persistent: boolean; error: string; hint: string } } }
        logs: string[]
      }
      expect(out.created.every((c) => c.ok)).toBe(true)
      expect(out.status.value.storage).toMatchObject({ backend: 'memory', persistent: false, error: situation.error, hint: situation.hint })
      expect(out.list.value).toHaveLength(4)
      for (const account of out.list.value) {
        expect(account.secretsStatus).toBe('session')
        expect(account.problems.map((p) => p.code)).toContain('secret.session-only')
      }
      expect(hitsIn(result.stdout, canaries.values)).toEqual([])
      expect(await hitsInDir(dataDir, canaries.values)).toEqual({})
    })
  })
})
