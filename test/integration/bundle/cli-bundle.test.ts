/** `authdesk bundle` in process, with a stand-in keychain: exit codes, --json, and the self-scan refusing. */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createBundleCommand, type CheckHistory } from '../../../src/cli/commands/bundle'
import type { CliIo } from '../../../src/cli/io'
import { runCommand } from '../../../src/cli/main'
import { createServices } from '../../../src/core/services'
import { MemorySecretStore, type SecretStore } from '../../../src/core/vault/secret-store'
import type { Diagnosis } from '../../../src/shared/diagnosis'
import { FakeKeychain, memoryStatus, tempDir } from '../../unit/core/vault/fake-store'
import { leakyHistories, makeCanaries, secretValues } from './fixtures'

function io() {
  const out: string[] = []
  const err: string[] = []
  const value: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), env: {}, readStdin: async () => '', interrupted: new Promise(() => {}) }
  return { value, out: () => out.join(''), err: () => err.join('') }
}

async function setup(history?: CheckHistory, store: SecretStore = new FakeKeychain()) {
  const dataDir = await tempDir('authdesk-cli-bundle-')
  const open = (dir: string) => createServices({ dataDir: dir, appVersion: 'test', secretStore: store })
  const canaries = makeCanaries()
  const services = await open(dataDir)
  const account = await services.vault.create({ label: 'PROD_NMBRS', provider: 'nmbrs', fields: { USERNAME: 'ops@acme.nl', TOKEN: canaries.nmbrs.TOKEN } }).catch(() => null)
  if (account) await services.wizard().record(account.id, 'nmbrs-domain', 'fix-applied', 'DOMAIN set to acme')
  await services.close()
  const command = createBundleCommand(open, history)
  const run = async (...argv: string[]) => {
    const t = io()
    const code = await runCommand(command, [...argv, '--data-dir', dataDir], t.value)
    for (const secret of secretValues(canaries)) expect(t.out() + t.err()).not.toContain(secret)
    return { code, out: t.out(), err: t.err() }
  }
  return { dataDir, canaries, run }
}

describe('authdesk bundle (in process)', () => {
  it('writes the bundle and prints what it did; --json gives the same as one object', async () => {
    const { dataDir, canaries, run } = await setup(async () => leakyHistories(makeCanaries()).nmbrs)
    const out = join(dataDir, 'b.zip')
    const human = await run('--account', 'prod_nmbrs', '--out', out)
    expect(human.code).toBe(0)
    expect(human.out).toMatch(/^Wrote .*b\.zip \(\d+ bytes\): report\.md, report\.json, diagnosis\.json, history\.json, exchanges\.har, wizard-trail\.json, environment\.json, redactions\.json\n/)
    expect(human.out).toMatch(/Secret scan: clean \(12 secretlint rules, 1 vault secret\(s\), 8 files\)/)
    const zip = Object.fromEntries(Object.entries(unzipSync(await readFile(out))).map(([name, d]) => [name, strFromU8(d)]))
    for (const content of Object.values(zip)) expect(content).not.toContain(canaries.nmbrs.TOKEN)
    // The wizard trail the app saved for this account is in the bundle.
    expect(JSON.parse(zip['wizard-trail.json']!)).toEqual([expect.objectContaining({ stepId: 'nmbrs-domain', answer: 'fix-applied: DOMAIN set to acme' })])

    const json = await run('--account', 'PROD_NMBRS', '--out', out, '--force', '--json', '--mask', 'USERNAME')
    expect(json.code).toBe(0)
    const doc = JSON.parse(json.out) as { ok: boolean; path: string; files: string[]; checks: number; removals: number; byKind: Record<string, number>; scan: { clean: boolean } }
    expect(doc).toMatchObject({ ok: true, path: out, checks: 1, scan: { clean: true } })
    expect(doc.byKind.pseudonym).toBeGreaterThan(0)
  })

  it('says when no check has run yet', async () => {
    const { dataDir, run } = await setup()
    const result = await run('--account', 'PROD_NMBRS', '--out', join(dataDir, 'b.zip'))
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('Note: no check has run yet for this account') })
  })

  it('exit 1 and nothing written when the self-scan finds a secret the redaction let through', async () => {
    // A token kept because its name looks like an id: the independent scan still catches it.
    const leaky: Diagnosis = { ...leakyHistories(makeCanaries()).nmbrs[0]!, details: { notes: ['requestId: ghp_R8kq2Lz0VbN4mXc7Yt1Hs9Pd3Wf6Ja5Ge0Ui'] } }
    const { dataDir, run } = await setup(async () => [leaky])
    const out = join(dataDir, 'b.zip')
    const result = await run('--account', 'PROD_NMBRS', '--out', out)
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/the secret scan found \d+ secret\(s\); nothing was written:\n {2}diagnosis\.json:\d+:\d+ {2}@secretlint\/secretlint-rule-github\n/)
    expect(existsSync(out)).toBe(false)
    const json = await run('--account', 'PROD_NMBRS', '--out', out, '--json')
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'bundle.scan-blocked' }, scan: { clean: false } })
  })

  it('exit 2 for an unknown account or missing options; exit 5 when the file cannot be written', async () => {
    const { dataDir, run } = await setup()
    expect(await run('--account', 'NOPE', '--out', join(dataDir, 'b.zip'))).toMatchObject({ code: 2, err: expect.stringContaining('no account named NOPE') })
    expect(await run('--out', 'x.zip')).toMatchObject({ code: 2, err: expect.stringContaining('--account NAME is required') })
    expect(await run('--account', 'PROD_NMBRS')).toMatchObject({ code: 2, err: expect.stringContaining('--out FILE.zip is required') })
    expect(await run('--account', 'PROD_NMBRS', '--out', join(dataDir, 'no', 'such', 'dir.zip'))).toMatchObject({ code: 5, err: expect.stringContaining('Could not write the bundle') })
  })

  it('exit 4 without a keychain, writing nothing', async () => {
    const { dataDir, run } = await setup(undefined, new MemorySecretStore(memoryStatus()))
    const out = join(dataDir, 'b.zip')
    expect(await run('--account', 'PROD_NMBRS', '--out', out)).toMatchObject({ code: 4, err: expect.stringContaining('the OS keychain is unavailable') })
    expect(existsSync(out)).toBe(false)
  })
})
