import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createRedactCommand } from '../../../src/cli/commands/redact'
import type { CliIo } from '../../../src/cli/io'
import { runCli } from '../../../src/cli/main'
import { createServices } from '../../../src/core/services'
import { MemorySecretStore, type SecretStore } from '../../../src/core/vault/secret-store'
import { FakeKeychain, memoryStatus, tempDir } from '../core/vault/fake-store'

const TOKEN = 'cnryNmbrsToken0f3a9c1be27d'
const PASSWORD = 'cnrySmsgatePw77'

function io(stdin = '') {
  const out: string[] = []
  const err: string[] = []
  const value: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), env: {}, readStdin: async () => stdin, interrupted: new Promise(() => {}) }
  return { value, out: () => out.join(''), err: () => err.join('') }
}

async function setup(store: SecretStore = new FakeKeychain()) {
  const dataDir = await tempDir('authdesk-redact-')
  const open = (dir: string) => createServices({ dataDir: dir, appVersion: 'test', secretStore: store })
  const services = await open(dataDir)
  await services.vault.create({ label: 'NM', provider: 'nmbrs', fields: { USERNAME: 'ops@acme.nl', TOKEN } })
  await services.vault.create({ label: 'SG', provider: 'smsgate', fields: { USERNAME: 'QWERTZ', PASSWORD } })
  await services.close()
  return { dataDir, command: createRedactCommand(open) }
}

// Text where only the vault knows what is secret: no names, no syntax, not random-looking enough.
const TEXT = `ticket 4711: customer pasted ${TOKEN} and later ${Buffer.from(`QWERTZ:${PASSWORD}`).toString('base64')}\nuser ops@acme.nl\n`

describe('authdesk redact', () => {
  it('reads FILE, removes the vault’s secrets in any encoding, and summarises on stderr', async () => {
    const { dataDir, command } = await setup()
    const file = join(dataDir, 'paste.txt')
    await writeFile(file, TEXT)
    const t = io()
    expect(await command.run([file, '--data-dir', dataDir], t.value)).toBe(0)
    expect(t.out()).toBe('ticket 4711: customer pasted [redacted] and later [redacted]\nuser ops@acme.nl\n')
    expect(t.err()).toBe('authdesk redact: removed 2: 1 known-secret, 1 known-secret-encoded (looked for 2 secret(s) of 2 vault account(s))\n')
  })

  it('reads stdin and masks identifiers with --mask', async () => {
    const { dataDir, command } = await setup()
    const t = io(TEXT)
    expect(await command.run(['--data-dir', dataDir, '--mask', 'ops@acme.nl'], t.value)).toBe(0)
    expect(t.out()).toContain('user [masked-1]\n')
    expect(t.out()).not.toContain(TOKEN)
  })

  it('without a keychain it still redacts by name, syntax and entropy, and says so', async () => {
    const { dataDir, command } = await setup(new MemorySecretStore(memoryStatus()))
    const t = io('{"Token":"abc123def456"}')
    expect(await command.run(['--data-dir', dataDir], t.value)).toBe(0)
    expect(t.out()).toBe('{"Token":"[redacted]"}')
    expect(t.err()).toContain('the OS keychain is unavailable (Cannot autolaunch D-Bus without X11 $DISPLAY); redacting without the vault\'s secrets')
  })

  it('does not create a vault that does not exist, and --no-vault skips it', async () => {
    const { dataDir, command } = await setup()
    const missing = join(dataDir, 'nope')
    const t = io('password=hunter2x')
    expect(await command.run(['--data-dir', missing], t.value)).toBe(0)
    expect(existsSync(missing)).toBe(false)
    expect(t.err()).toContain(`no vault at ${missing}`)
    const u = io(TEXT)
    expect(await command.run(['--data-dir', dataDir, '--no-vault'], u.value)).toBe(0)
    // Without the vault, only entropy finds these.
    expect(u.err()).toBe('authdesk redact: removed 2: 2 high-entropy (vault not used: --no-vault)\n')
  })

  it('an unreadable FILE or two FILEs are usage errors (exit 2)', async () => {
    const t = io()
    expect(await runCli(['redact', '/nonexistent/paste.txt', '--no-vault'], t.value)).toBe(2)
    expect(t.err()).toContain('cannot read /nonexistent/paste.txt: ENOENT')
    expect(await runCli(['redact', 'a', 'b', '--no-vault'], io().value)).toBe(2)
  })
})
