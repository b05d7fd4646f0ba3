import { execFile, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { openSecretStore } from '../../src/core/vault/keychain-store'

const run = promisify(execFile)
const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'

/** Runs the built CLI's `info --json` in a child process with the given environment. */
async function infoWith(env: NodeJS.ProcessEnv, options: { timeoutMs?: number } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'authdesk-info-'))
  const { stdout } = await run(process.execPath, ['bin/authdesk.js', 'info', '--json', '--data-dir', dataDir], { env, timeout: options.timeoutMs ?? 10_000 })
  return JSON.parse(stdout) as { secretStorage: { backend: string; persistent: boolean; reason: string; hint: string } }
}

function withoutBus(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.DBUS_SESSION_BUS_ADDRESS
  delete env.DISPLAY
  return env
}

describe.skipIf(!haveKeyring)('OS keychain (real Secret Service; run under scripts/keyring-run.sh)', () => {
  it('is chosen when available, and round-trips an item', async () => {
    const store = await openSecretStore({ service: `authdesk-test-${randomUUID()}` })
    expect(store.status).toMatchObject({ backend: 'keychain', persistent: true })
    await store.set('acct-1', 'value-1')
    expect(await store.get('acct-1')).toBe('value-1')
    expect(await store.list()).toContain('acct-1')
    expect(await store.delete('acct-1')).toBe(true)
    expect(await store.get('acct-1')).toBeNull()
  })
})

describe('secret storage without a keychain (as reported by `authdesk info`)', () => {
  it('with no D-Bus session: memory only, with the reason and a fix', async () => {
    const { secretStorage } = await infoWith(withoutBus())
    expect(secretStorage.backend).toBe('memory')
    expect(secretStorage.persistent).toBe(false)
    expect(secretStorage.reason).toMatch(/keychain is unavailable: .*D-Bus/i)
    expect(secretStorage.hint).toContain('dbus-run-session')
  })

  it('with a bus that offers no Secret Service: names it and how to install one', async () => {
    await withPrivateBus(['--config-file=test/support/dbus/no-services.conf'], async (address) => {
      const { secretStorage } = await infoWith({ ...withoutBus(), DBUS_SESSION_BUS_ADDRESS: address })
      expect(secretStorage.backend).toBe('memory')
      expect(secretStorage.reason).toContain('org.freedesktop.secrets was not provided')
      expect(secretStorage.hint).toContain('Install gnome-keyring')
    })
  })

  it('with a keyring that is not unlocked: says it is locked and how to unlock it', async () => {
    await withPrivateBus(['--session'], async (address) => {
      const { secretStorage } = await infoWith({ ...withoutBus(), DBUS_SESSION_BUS_ADDRESS: address }, { timeoutMs: 15_000 })
      expect(secretStorage.backend).toBe('memory')
      expect(secretStorage.hint).toMatch(/locked/)
    })
  })
})

/**
 * Starts a throw-away dbus-daemon, runs the body with its address, then stops it. Its runtime
 * dir is fresh, so a keyring it activates cannot find the test keyring's control socket.
 */
async function withPrivateBus(args: ReadonlyArray<string>, body: (address: string) => Promise<void>): Promise<void> {
  const runtime = await mkdtemp(join(tmpdir(), 'authdesk-bus-'))
  const env = { ...withoutBus(), XDG_RUNTIME_DIR: runtime, XDG_DATA_HOME: join(runtime, 'data') }
  const daemon = spawn('dbus-daemon', [...args, '--nofork', '--print-address'], { env, stdio: ['ignore', 'pipe', 'ignore'] })
  try {
    const address = await new Promise<string>((resolve, reject) => {
      daemon.once('error', reject)
      daemon.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()))
    })
    await body(address)
  } finally {
    daemon.kill()
  }
}
