/** `authdesk providers` through the built command (npm run build first): lint, test, list, schema and their exit codes. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDefinition } from '../../../src/core/custom-providers/load'
import { scenarioPlans } from '../../../src/core/custom-providers/scenario-plan'
import { createDefinitionSimulator } from '../../../src/core/custom-providers/simulator'
import { createAuthmatechSimulator } from '../../../src/core/providers/authmatech/simulator'
import { startSimulator } from '../../../src/core/simulators/server'
import { runCli } from '../../support/run-cli'
import { definitionYaml, lineContaining } from '../../support/definitions'

const dir = mkdtempSync(join(tmpdir(), 'authdesk-providers-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const env = { ...process.env, AUTHDESK_DATA_DIR: join(dir, 'data') }

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('authdesk providers', () => {
  it('lint refuses a bad definition with file:line, the JSON path and the fix (exit 1)', async () => {
    const text = definitionYaml((d) => (d.probe[0].path = '/v1/keys/{{API_KEY}}'))
    const path = file('secret-in-path.yaml', text)
    const run = await runCli(['providers', 'lint', path], env)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`${path}:${lineContaining(text, '/v1/keys/')}: error at probe[0].path: The secret field API_KEY is placed in the URL path`)
    expect(run.stdout).toContain('fix: Send secrets in a header')
    expect(run.stdout).toContain('nothing saved')
    const json = await runCli(['providers', 'lint', path, '--json'], env)
    expect(JSON.parse(json.stdout)).toMatchObject({ passed: false, files: [{ problems: [{ path: 'probe[0].path', severity: 'error' }] }] })
  })

  it('lint passes a good definition (exit 0) and reports warnings without refusing it', async () => {
    expect((await runCli(['providers', 'lint', 'definitions/github.yaml'], env)).code).toBe(0)
    const query = file('query.yaml', definitionYaml((d) => (d.credential = { type: 'query', params: { key: '{{API_KEY}}' } })))
    const run = await runCli(['providers', 'lint', query], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('warning at credential.type')
  })

  it('test runs every shipped definition’s examples through the classifier and its generated simulator (exit 0)', async () => {
    const run = await runCli(['providers', 'test', 'definitions/github.yaml', 'definitions/stripe.yaml', 'definitions/twilio.yaml', 'definitions/sendgrid.yaml', 'definitions/paypal.yaml', 'definitions/authmatech.yaml', '--json'], env)
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout) as { passed: boolean; files: Array<{ report: { results: Array<{ mode: string; ok: boolean }> } }> }
    expect(out.passed).toBe(true)
    for (const f of out.files) {
      expect(f.report.results.some((r) => r.mode === 'http')).toBe(true)
      expect(f.report.results.every((r) => r.ok)).toBe(true)
    }
  })

  it('test reports an example that does not give its rule’s verdict (exit 1)', async () => {
    // The accepted example lacks `ok: true`, so no rule takes it: unknown instead of ok.
    const path = file('wrong-example.yaml', definitionYaml((d) => (d.probe[0].rules[1].example = { status: 200, json: { ok: false } })))
    const run = await runCli(['providers', 'test', path], env)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('FAIL  classifier accepted: expected ok, got response.malformed from no rule (a default)')
    expect(run.stdout).toMatch(/FAIL {2}http {7}accepted: expected ok, got response.malformed/)
  })

  it('list shows built-ins and the definitions of a directory, flagging invalid and duplicate ones (exit 1)', async () => {
    const providers = join(dir, 'data', 'providers')
    rmSync(providers, { recursive: true, force: true })
    const clean = await runCli(['providers', 'list', '--json'], env)
    expect(clean.code).toBe(0)
    expect(JSON.parse(clean.stdout).providers.map((p: { id: string }) => p.id)).toEqual(['groupcall', 'nmbrs', 'smsgate', 'authmatech'])
    const other = join(dir, 'other')
    rmSync(other, { recursive: true, force: true })
    mkdirSync(other)
    writeFileSync(join(other, 'a.yaml'), definitionYaml())
    writeFileSync(join(other, 'b.yaml'), definitionYaml((d) => (d.name = 'Acme copy')))
    writeFileSync(join(other, 'c.json'), '{"apiVersion": "authdesk.dev/provider/v1"}')
    const run = await runCli(['providers', 'list', '--dir', other], env)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('acme')
    expect(run.stdout).toContain('is also the id of')
    expect(run.stdout).toContain('(invalid)')
  })

  it('schema prints the published JSON Schema; usage errors exit 2', async () => {
    const schema = await runCli(['providers', 'schema'], env)
    expect(JSON.parse(schema.stdout).properties.apiVersion.const).toBe('authdesk.dev/provider/v1')
    expect((await runCli(['providers', 'lint', join(dir, 'missing.yaml')], env)).code).toBe(2)
    expect((await runCli(['providers', 'frobnicate'], env)).code).toBe(2)
    expect((await runCli(['providers', 'test'], env)).code).toBe(2)
  })
})

describe('authdesk providers add and remove', () => {
  it('saves a clean definition into <data-dir>/providers (text unchanged), refuses a bad or clashing one and saves nothing', async () => {
    const dataDir = join(dir, 'add-data')
    const providers = join(dataDir, 'providers')
    const text = `# my comment\n${definitionYaml()}`
    const good = file('acme-def.yaml', text)
    const added = await runCli(['providers', 'add', good, '--data-dir', dataDir], env)
    expect(added.code).toBe(0)
    expect(readFileSync(join(providers, 'acme.yaml'), 'utf8')).toBe(text)
    expect(readdirSync(providers)).toEqual(['acme.yaml'])

    const again = await runCli(['providers', 'add', file('acme-copy.yaml', definitionYaml((d) => (d.name = 'Copy'))), '--data-dir', dataDir], env)
    expect(again.code).toBe(1)
    expect(again.stdout).toContain('is also the id of')
    const bad = await runCli(['providers', 'add', file('bad-host.yaml', definitionYaml((d) => { d.id = 'other'; d.envToken = 'OTHER'; d.environments[0].hosts = ['x.acme.test'] })), '--data-dir', dataDir], env)
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('nothing saved')
    expect(readdirSync(providers)).toEqual(['acme.yaml'])

    const listed = JSON.parse((await runCli(['providers', 'list', '--data-dir', dataDir, '--json'], env)).stdout) as { providers: Array<{ id: string }> }
    expect(listed.providers.map((p) => p.id)).toContain('acme')
    expect((await runCli(['providers', 'remove', 'acme', '--data-dir', dataDir], env)).code).toBe(0)
    expect(readdirSync(providers)).toEqual([])
    expect((await runCli(['providers', 'remove', 'acme', '--data-dir', dataDir], env)).code).toBe(2)
  })
})

describe('authdesk providers check', () => {
  it('checks the accounts the variable convention names with a custom token, against the generated simulator', async () => {
    const loaded = loadDefinition(readFileSync('definitions/github.yaml', 'utf8'))
    if (!loaded.ok) throw new Error('github.yaml must load')
    const sim = await startSimulator(createDefinitionSimulator(loaded.definition, scenarioPlans(loaded.definition)))
    try {
      const creds = sim.scenarioCredentials()
      const envFile = file('github.env', [
        `GITHUB_TOKEN=${creds.authenticated!.TOKEN}`,
        `GITHUB_BASE_URL=${sim.baseUrl}`,
        `PROD_GITHUB_TOKEN=${creds['bad-credentials']!.TOKEN}`,
        `PROD_GITHUB_BASE_URL=${sim.baseUrl}`,
        '',
      ].join('\n'))
      const run = await runCli(['providers', 'check', 'definitions/github.yaml', '--env', envFile, '--json'], env)
      expect(run.code).toBe(1)
      const out = JSON.parse(run.stdout) as { results: Array<{ account: string; state: string; cause: string; rule: string }>; summary: Record<string, number> }
      expect(out.results.map((r) => [r.account, r.state, r.cause, r.rule])).toEqual([
        ['GITHUB', 'healthy', 'ok', 'authenticated'],
        ['PROD_GITHUB', 'failing', 'credentials.invalid', 'bad-credentials'],
      ])
      expect(out.summary).toEqual({ healthy: 1, degraded: 0, failing: 1, unknown: 0 })
      expect(run.stdout).not.toContain(creds.authenticated!.TOKEN!)
      const text = await runCli(['providers', 'check', 'definitions/github.yaml', '--env', envFile], env)
      expect(text.stdout).toMatch(/PROD_GITHUB +failing +credentials\.invalid +GitHub refused the token/)
      expect(text.stdout).toContain('→ Fix: GitHub refused the token')
      expect(text.stdout).toContain('Create a new token')
    } finally {
      await sim.close()
    }
    expect((await runCli(['providers', 'check', 'definitions/github.yaml', '--env', file('none.env', 'OTHER=1\n')], env)).code).toBe(2)
  })

  it('reads an account’s non-secret field from its variables: Authmatech with PRODUCTS=VERIFY off is degraded, without it healthy', async () => {
    const sim = await startSimulator(createAuthmatechSimulator())
    try {
      const { API_KEY, CLIENT_ID } = sim.scenarioCredentials()['product-not-enabled']!
      const account = (prefix: string) => [`${prefix}_API_KEY=${API_KEY}`, `${prefix}_CLIENT_ID=${CLIENT_ID}`, `${prefix}_BASE_URL=${sim.baseUrl}`]
      const envFile = file('authmatech.env', [...account('AUTHMATECHDEF'), 'AUTHMATECHDEF_PRODUCTS=verify', ...account('SHIELD_AUTHMATECHDEF'), ''].join('\n'))
      const run = await runCli(['providers', 'check', 'definitions/authmatech.yaml', '--env', envFile, '--json'], env)
      expect(run.code).toBe(0)
      const out = JSON.parse(run.stdout) as { results: Array<{ account: string; state: string; cause: string; rule: string }> }
      expect(out.results.map((r) => [r.account, r.state, r.cause, r.rule])).toEqual([
        ['AUTHMATECHDEF', 'degraded', 'feature.disabled', 'used-product-disabled'],
        ['SHIELD_AUTHMATECHDEF', 'healthy', 'ok', 'accepted'],
      ])
    } finally {
      await sim.close()
    }
  })
})
