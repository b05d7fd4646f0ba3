/**
 * Bundles built from a real vault (canary secrets in a stand-in keychain) and check histories
 * whose transcripts still carry those secrets: the zip holds none of them, its HAR is HAR 1.2,
 * report.md has what each provider's support asks for, and the self-scan refuses a planted
 * secret, naming the file and line, without writing anything.
 */
import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { buildBundle } from '../../../src/core/bundle/build-bundle'
import { exportBundle, previewBundle, type BundleSources } from '../../../src/core/bundle/bundle-service'
import { BundleScanError, writeBundle } from '../../../src/core/bundle/write-bundle'
import { isAppError } from '../../../src/core/errors'
import type { BuiltInProviderId } from '../../../src/shared/model'
import { tempDir } from '../../unit/core/vault/fake-store'
import { canaryVault, leakyHistories, secretValues, type CanaryVault } from './fixtures'
import { harSchema } from './har-schema'

const PROVIDERS: ReadonlyArray<BuiltInProviderId> = ['groupcall', 'nmbrs', 'smsgate', 'authmatech']
const dirs: string[] = []
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})

async function outDir(): Promise<string> {
  const dir = await tempDir('authdesk-bundle-')
  dirs.push(dir)
  return dir
}

function sources(t: CanaryVault, env: Record<string, string> = {}): BundleSources {
  const histories = leakyHistories(t.canaries)
  return {
    vault: t.vault,
    appVersion: '0.1.0-test',
    env: { HTTPS_PROXY: 'http://svc:proxy-pass-99@proxy.corp.example:3128/path', NO_PROXY: 'localhost,.corp.example', ...env },
    diagnoses: async (id) => PROVIDERS.flatMap((p) => (t.accounts[p].id === id ? histories[p] : [])),
    wizardTrail: async () => [{ stepId: 'recopy-credentials', answer: 'done, still failing', at: '2026-05-04T07:58:00.000Z' }],
    now: () => new Date('2026-05-04T08:00:00.000Z'),
    timeZone: 'Europe/Amsterdam',
  }
}

/** Ways a leaked secret would show: raw, JSON-escaped, URL-encoded, base64 of its bytes, any 12 characters of a canary. */
function leakForms(secret: string): string[] {
  const forms = [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), Buffer.from(secret).toString('base64').slice(0, Math.floor((secret.length * 4) / 3))]
  if (secret.startsWith('cnry')) for (let i = 0; i + 12 <= secret.length; i += 4) forms.push(secret.slice(i, i + 12))
  return forms
}

function unzip(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]))
}

describe('support bundle', () => {
  it.each(PROVIDERS)('%s: the exported zip holds no secret, every file is there and parses', async (provider) => {
    const t = await canaryVault()
    const path = join(await outDir(), `${provider}.zip`)
    const written = await exportBundle(sources(t), { accountId: t.accounts[provider].id, path })
    expect(written.scan.clean).toBe(true)
    // Every vault secret, not only this account's, is looked for.
    expect(written.scan.vaultSecrets).toBe(7)
    const files = unzip(await readFile(path))
    expect(Object.keys(files).sort()).toEqual(['diagnosis.json', 'environment.json', 'exchanges.har', 'history.json', 'redactions.json', 'report.json', 'report.md', 'wizard-trail.json'])
    for (const [name, content] of Object.entries(files)) {
      for (const secret of [...secretValues(t.canaries), 'proxy-pass-99']) for (const form of leakForms(secret)) expect(content, `${name} leaks ${form}`).not.toContain(form)
      if (name.endsWith('.json') || name.endsWith('.har')) expect(() => JSON.parse(content), name).not.toThrow()
    }
    const har = harSchema.parse(JSON.parse(files['exchanges.har']!))
    expect(har.log.entries.length).toBe(leakyHistories(t.canaries)[provider].reduce((n, d) => n + d.transcript.length, 0))
    expect(files['environment.json']).toContain('http://proxy.corp.example:3128')
    expect(files['report.md']).toContain('Clock skew: +1.8 s')
    const manifest = JSON.parse(files['redactions.json']!) as { removals: number; files: Record<string, Array<{ kind: string }>> }
    expect(manifest.removals).toBeGreaterThan(0)
    expect(JSON.stringify(manifest)).not.toMatch(/cnry/)
  })

  it('keeps what support needs: JWT header and claims, ids, times with the time zone', async () => {
    const t = await canaryVault()
    const preview = await previewBundle(sources(t), { accountId: t.accounts.smsgate.id })
    const har = preview.files.find((f) => f.name === 'exchanges.har')!.content
    expect(har).toContain(`${t.canaries.smsgate.TOKEN.keep}.[redacted]`)
    expect(har).toContain(`${t.canaries.smsgate.REFRESH_TOKEN.keep}.[redacted]`)
    expect(har).toContain('scope required: devices:list')
    const md = preview.files.find((f) => f.name === 'report.md')!.content
    expect(md).toContain('2026-05-04 09:57:12 +02:00 (Europe/Amsterdam)')
    expect(md).toContain('HTTP status and message: 403 "scope required: devices:list"')
    expect(md).toContain('Token: scopes messages:send; expires 2026-05-04T09:15:00Z; issuer sms-gate.app; missing devices:list')
  })

  it('report.md lists what each provider’s support asks for', async () => {
    const t = await canaryVault()
    const md = async (p: BuiltInProviderId) => (await previewBundle(sources(t), { accountId: t.accounts[p].id })).files.find((f) => f.name === 'report.md')!.content
    const groupcall = await md('groupcall')
    expect(groupcall).toContain('- Customer ID: 1469')
    expect(groupcall).toContain('- Error messages: errorMsg "Data is not valid, no messages sent"')
    expect(groupcall).toContain('- When: 2026-05-04 09:57:12 +02:00 (Europe/Amsterdam)')
    expect(groupcall).toContain('- New or previously working integration: previously working: last successful check 2026-05-01 08:00:00 +02:00 (Europe/Amsterdam)')
    expect(groupcall).toContain('- Route: PartnerRoute (a partner key is set)')
    const nmbrs = await md('nmbrs')
    expect(nmbrs).toContain('- Time and date of the error: 2026-05-04 09:57:12 +02:00 (Europe/Amsterdam)')
    expect(nmbrs).toContain('- API method: DebtorService.Environment_Get')
    expect(nmbrs).toContain('- Error: 1001: Invalid Authentication')
    expect(nmbrs).toContain('- Username: payroll.ops@acme.example')
    const authmatech = await md('authmatech')
    expect(authmatech).toContain('- HTTP status: 401')
    expect(authmatech).toContain('- messages[].code and message: no code: Unauthorized')
    expect(authmatech).toContain('- Request URL and method: GET https://service.authmatech.com/v1/api/me/products')
    expect(authmatech).toContain('- Request body (key removed): none (GET request without a body)')
    expect(authmatech).toMatch(/- Full response body:\n\n```+\n\{"success":false,"messages":\[\{"type":"FAILURE","code":null,"message":"Unauthorized"/)
    expect(authmatech).toContain('- Time with time zone: 2026-05-04 09:57:12 +02:00 (Europe/Amsterdam)')
    expect(authmatech).toContain('- Client ID: cl_7Kq2Vd')
  })

  it('is complete and honest when no check has run yet', async () => {
    const t = await canaryVault()
    const path = join(await outDir(), 'none.zip')
    const written = await exportBundle({ ...sources(t), diagnoses: undefined, wizardTrail: undefined }, { accountId: t.accounts.groupcall.id, path })
    expect(written.checks).toBe(0)
    const files = unzip(await readFile(path))
    expect(files['report.md']).toContain('No check has run yet for this account')
    expect(files['report.md']).toContain('- Error messages: not available: no check has run yet')
    expect(files['report.md']).toContain('- Customer ID: 1469')
    expect(harSchema.parse(JSON.parse(files['exchanges.har']!)).log.entries).toEqual([])
    expect(JSON.parse(files['diagnosis.json']!)).toMatchObject({ latest: null })
  })

  it('preview: files with highlight ranges, items to leave out, pseudonyms, and export of exactly what was previewed', async () => {
    const t = await canaryVault()
    const request = { accountId: t.accounts.nmbrs.id, mask: ['USERNAME'] }
    const preview = await previewBundle(sources(t), request)
    expect(preview.scan.clean).toBe(true)
    for (const f of preview.files) for (const r of f.redactions) expect(f.content.slice(r.start, r.end)).toMatch(/^\[(?:redacted|masked-1)\]$/)
    expect(JSON.stringify(preview)).not.toContain('payroll.ops@acme.example')
    expect(preview.manifest.pseudonyms).toEqual([{ label: 'USERNAME', pseudonym: '[masked-1]' }])
    expect(preview.items.map((i) => i.id)).toEqual(expect.arrayContaining(['check:0', 'exchange:0.0', 'wizard:0', 'environment:proxy', 'account:USERNAME']))
    for (const secret of secretValues(t.canaries)) expect(JSON.stringify(preview)).not.toContain(secret)

    const path = join(await outDir(), 'nmbrs.zip')
    const exported = await exportBundle(sources(t), { ...request, path, digest: preview.digest, generatedAt: preview.generatedAt })
    expect(exported.digest).toBe(preview.digest)
    const changed = exportBundle(sources(t), { ...request, exclude: ['wizard:0'], path, digest: preview.digest, generatedAt: preview.generatedAt })
    await expect(changed).rejects.toMatchObject({ code: 'bundle.changed' })
  })

  it('leaves out the files and items the user removed', async () => {
    const t = await canaryVault()
    const exclude = ['exchange:0.1', 'wizard:0', 'environment:proxy', 'environment:os', 'history.json']
    const preview = await previewBundle(sources(t), { accountId: t.accounts.smsgate.id, exclude })
    const names = preview.files.map((f) => f.name)
    expect(names).not.toContain('history.json')
    const har = harSchema.parse(JSON.parse(preview.files.find((f) => f.name === 'exchanges.har')!.content))
    expect(har.log.entries.map((e) => e.request.url)).toEqual(['https://api.sms-gate.app/3rdparty/v1/devices'])
    expect(JSON.parse(preview.files.find((f) => f.name === 'wizard-trail.json')!.content)).toEqual([])
    const env = preview.files.find((f) => f.name === 'environment.json')!.content
    expect(env).not.toContain('proxy.corp.example')
    expect(env).not.toContain('"os"')
    expect(preview.manifest.excluded).toEqual([...exclude].sort())
    expect(preview.files.find((f) => f.name === 'report.md')!.content).toContain('Left out by the user before export: environment:os, environment:proxy, exchange:0.1, history.json, wizard:0.')
  })
})

describe('self-scan', () => {
  async function built() {
    const t = await canaryVault()
    const histories = leakyHistories(t.canaries)
    const environment = { appVersion: 't', os: 'x', node: 'n', electron: null, secretStorage: { backend: 'keychain' as const, persistent: true, reason: 'r' }, proxy: [], timeZone: 'UTC', generatedAt: '2026-05-04T08:00:00.000Z' }
    const bundle = buildBundle({ account: t.accounts.authmatech, diagnoses: histories.authmatech, wizardTrail: [], environment }, { knownSecrets: secretValues(t.canaries) })
    return { t, bundle }
  }

  it.each([
    ['a vault secret, raw', (s: string) => s, 'vault-secret (raw)'],
    ['a vault secret in base64 at an odd offset', (s: string) => Buffer.from(`xy${s}`).toString('base64'), 'vault-secret (base64)'],
    ['a vault secret split across lines', (s: string) => `${s.slice(0, 10)}\n    ${s.slice(10)}`, 'vault-secret (raw)'],
  ])('refuses %s, names file and line, and writes nothing', async (_name, plant, rule) => {
    const { t, bundle } = await built()
    const files = bundle.files.map((f) => (f.name === 'history.json' ? { ...f, content: `${f.content}\n${plant(t.canaries.nmbrs.TOKEN)}\n` } : f))
    const line = files.find((f) => f.name === 'history.json')!.content.split('\n').length - (rule.includes('raw') && _name.includes('split') ? 2 : 1)
    const path = join(await outDir(), 'blocked.zip')
    const error = await writeBundle(path, files, secretValues(t.canaries)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BundleScanError)
    const scan = (error as BundleScanError).scan
    expect(scan.hits).toContainEqual(expect.objectContaining({ file: 'history.json', line, rule }))
    expect((error as BundleScanError).message).toContain(`history.json line ${line}`)
    expect(existsSync(path)).toBe(false)
  })

  it('runs secretlint’s recommended rules, and a `secretlint-disable` comment cannot switch them off', async () => {
    const { t, bundle } = await built()
    const token = `ghp_${'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A'}`
    const files = [...bundle.files, { name: 'notes.txt', mediaType: 'text/plain', content: `ok\n// secretlint-disable\n${token}\n`, redactions: [] }]
    const path = join(await outDir(), 'blocked.zip')
    const error = await writeBundle(path, files, secretValues(t.canaries)).catch((e: unknown) => e)
    expect(isAppError(error) && error.code).toBe('bundle.scan-blocked')
    expect((error as BundleScanError).scan.hits).toEqual([{ file: 'notes.txt', line: 3, column: 1, rule: '@secretlint/secretlint-rule-github' }])
    expect(existsSync(path)).toBe(false)
  })

  it('passes the clean bundle and writes it', async () => {
    const { t, bundle } = await built()
    const path = join(await outDir(), 'ok.zip')
    const written = await writeBundle(path, bundle.files, secretValues(t.canaries))
    expect(written.scan).toMatchObject({ clean: true, files: 8, vaultSecrets: 7 })
    expect(Object.keys(unzip(await readFile(path)))).toHaveLength(8)
  })
})
