import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAccountsCommand } from '../../../src/cli/commands/accounts'
import type { CliIo } from '../../../src/cli/io'
import { runCli, runCommand } from '../../../src/cli/main'
import { createServices } from '../../../src/core/services'
import { FakeKeychain, memoryStatus, tempDir } from '../core/vault/fake-store'

const SECRETS = ['nmbrs-token-0123456789', 'smsgate-password-99']
const ENV = `PROD_NMBRS_USERNAME=ops@example.com
PROD_NMBRS_TOKEN=${SECRETS[0]}
SMSGATE_USERNAME=ABCDEF
SMSGATE_PASSWORD=${SECRETS[1]}
`

function io() {
  const out: string[] = []
  const err: string[] = []
  const value: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), env: {}, readStdin: async () => '', interrupted: new Promise(() => {}) }
  return { value, out: () => out.join(''), err: () => err.join('') }
}

async function setup(store = new FakeKeychain()) {
  const dataDir = await tempDir('authdesk-cli-')
  const envFile = join(dataDir, '..', `${dataDir.split('/').pop()}.env`)
  await writeFile(envFile, ENV)
  const command = createAccountsCommand((dir) => createServices({ dataDir: dir, appVersion: 'test', secretStore: store }))
  const run = async (...argv: string[]) => {
    const t = io()
    const code = await runCommand(command, [...argv, '--data-dir', dataDir], t.value)
    for (const secret of SECRETS) expect(t.out() + t.err()).not.toContain(secret)
    return { code, out: t.out(), err: t.err() }
  }
  return { dataDir, envFile, run, store }
}

describe('authdesk accounts', () => {
  it('add shows what it creates (secrets masked), list shows the accounts, remove removes them', async () => {
    const { envFile, run } = await setup()
    const added = await run('add', '--env', envFile)
    expect(added.code).toBe(0)
    expect(added.out).toMatch(/create\s+PROD_NMBRS\s+nmbrs\s+production/)
    expect(added.out).toMatch(/TOKEN\s+set\s+fingerprint [0-9a-f]{16}\s+••••6789/)
    expect(added.out).toContain('Created 2, replaced 0, skipped 0.')

    const listed = await run('list')
    expect(listed.code).toBe(0)
    expect(listed.out).toMatch(/PROD_NMBRS\s+nmbrs\s+production\s+https:\/\/api\.nmbrs\.nl\/soap\/v3 \(default\)/)
    expect(listed.out).toMatch(/USERNAME\s+ops@example\.com/)
    expect(listed.out).toMatch(/DOMAIN|TOKEN\s+set/)

    const json = JSON.parse((await run('list', '--json')).out) as { accounts: Array<{ label: string; secrets: Record<string, { set: boolean }> }> }
    expect(json.accounts.map((a) => a.label).sort()).toEqual(['PROD_NMBRS', 'SMSGATE'])
    expect(json.accounts.find((a) => a.label === 'SMSGATE')!.secrets.PASSWORD!.set).toBe(true)

    expect(await run('add', '--env', envFile)).toMatchObject({ code: 0, out: expect.stringContaining('skipped 2') })
    expect(await run('remove', 'smsgate')).toMatchObject({ code: 0, out: 'Removed SMSGATE\n' })
    expect(await run('remove', 'PROD_NMBRS', 'NOPE')).toMatchObject({ code: 2, err: expect.stringContaining('no account named NOPE') })
    expect(JSON.parse((await run('list', '--json')).out).accounts).toHaveLength(1)
  })

  it('--dry-run and --only', async () => {
    const { envFile, run } = await setup()
    expect((await run('add', '--env', envFile, '--dry-run')).code).toBe(0)
    expect(JSON.parse((await run('list', '--json')).out).accounts).toEqual([])
    await run('add', '--env', envFile, '--only', 'PROD')
    expect(JSON.parse((await run('list', '--json')).out).accounts.map((a: { label: string }) => a.label)).toEqual(['PROD_NMBRS'])
  })

  it('an invalid file is a usage error and imports nothing', async () => {
    const { envFile, run } = await setup()
    await writeFile(envFile, `${ENV}GROUPCALL_CUSTOMER_ID=abc\nGROUPCALL_PASSWORD=k\n`)
    const result = await run('add', '--env', envFile)
    expect(result).toMatchObject({ code: 2, err: expect.stringContaining('Nothing was imported') })
    expect(result.out).toMatch(/GROUPCALL_CUSTOMER_ID: CUSTOMER_ID \(Customer ID\) must contain digits only/)
    expect(JSON.parse((await run('list', '--json')).out).accounts).toEqual([])
  })

  it.each([
    ['an unreadable file', ['add', '--env', '/nonexistent/file.env'], 'cannot read --env file'],
    ['a file with no accounts', ['add', '--env', '/dev/null'], 'describes no account'],
  ])('%s is a usage error (exit 2)', async (_name, argv, message) => {
    const { run } = await setup()
    expect(await run(...argv)).toMatchObject({ code: 2, err: expect.stringContaining(message) })
  })

  it('without a keychain: exit 4 with the reason and a fix, and nothing written', async () => {
    const { dataDir, envFile, run } = await setup(new FakeKeychain(memoryStatus()))
    for (const argv of [['list'], ['add', '--env', envFile], ['remove', 'X']]) {
      const result = await run(...argv)
      expect(result.code).toBe(4)
      expect(result.err).toContain('the OS keychain is unavailable: Cannot autolaunch D-Bus without X11 $DISPLAY')
      expect(result.err).toContain('Fix: No D-Bus session bus was found')
    }
    expect(await readdir(dataDir)).toEqual([])
  })

  it.each([
    [[], 'say what to do'],
    [['rename'], 'unknown action'],
    [['add'], 'add needs --env'],
    [['list', 'extra'], 'unexpected argument'],
    [['remove'], 'name at least one account'],
  ])('usage errors: %j', async (argv, message) => {
    const t = io()
    const command = createAccountsCommand(async () => {
      throw new Error('must not open the vault')
    })
    const code = await runCli(['accounts', ...argv], t.value).catch(() => -1)
    expect(code).toBe(2)
    expect(t.err()).toContain(message)
    await expect(command.run([...argv], t.value)).rejects.toThrow()
  })

  it('an unknown flag is a usage error before the vault is opened', async () => {
    const t = io()
    expect(await runCli(['accounts', 'list', '--colour'], t.value)).toBe(2)
    expect(t.err()).toContain('Usage: authdesk accounts list')
  })

  it('JSON output of add holds the preview and the result', async () => {
    const { envFile, run } = await setup()
    const out = JSON.parse((await run('add', '--env', envFile, '--json')).out)
    expect(out.preview.accounts).toHaveLength(2)
    expect(out.result.created).toHaveLength(2)
    expect(await readFile(envFile, 'utf8')).toBe(ENV)
  })
})
