/**
 * A custom provider's accounts live in the vault like built-ins': `providers add` installs the
 * definition, `accounts add --env` takes its variables, `check --vault` checks them through the
 * diagnosis engine against the definition's generated simulator (real keychain, real HTTP).
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDefinition } from '../../../src/core/custom-providers/load'
import { customProviderModule } from '../../../src/core/custom-providers/module'
import { createSimClock } from '../../../src/core/simulators/clock'
import { startSimulator, type RunningSimulator } from '../../../src/core/simulators/server'
import { definitionYaml, useOAuth } from '../../support/definitions'
import { runCli } from '../../support/run-cli'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'

const oauthYaml = definitionYaml(useOAuth)

describe.skipIf(!haveKeyring)('custom provider accounts in the vault (needs the test keyring: scripts/keyring-run.sh)', () => {
  let root: string
  let sim: RunningSimulator<string>
  let env: NodeJS.ProcessEnv
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'authdesk-custom-accounts-'))
    env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }
    const loaded = loadDefinition(readFileSync('definitions/github.yaml', 'utf8'))
    if (!loaded.ok) throw new Error('github.yaml does not load')
    sim = await startSimulator(customProviderModule(loaded.definition).simulator(createSimClock()))
  })
  afterAll(async () => {
    await sim?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('adds, lists and checks accounts of a definition added with providers add', async () => {
    const dataDir = join(root, 'vault')
    const added = await runCli(['providers', 'add', 'definitions/github.yaml', '--data-dir', dataDir], env)
    expect(added.code, added.stderr).toBe(0)
    const scenarios = sim.scenarioCredentials()
    const names = ['authenticated', 'bad-credentials'].filter((n) => Object.hasOwn(scenarios, n))
    expect(names).toHaveLength(2)
    const lines = names.flatMap((name) => Object.entries(scenarios[name]!).map(([field, value]) => `${name.toUpperCase().replace(/-/g, '_')}_GITHUB_${field}=${value}`))
    const envFile = join(root, 'github.env')
    await writeFile(envFile, lines.join('\n'))

    const imported = await runCli(['accounts', 'add', '--env', envFile, '--data-dir', dataDir], env)
    expect(imported.code, imported.stderr).toBe(0)
    const listed = await runCli(['accounts', 'list', '--data-dir', dataDir, '--json'], env)
    const accounts = (JSON.parse(listed.stdout) as { accounts: Array<{ label: string; provider: string }> }).accounts
    expect(accounts.map((a) => a.provider)).toEqual(['github', 'github'])

    const checked = await runCli(['check', '--vault', '--data-dir', dataDir, '--json'], env)
    const results = (JSON.parse(checked.stdout) as { results: Array<{ account: string; state: string; cause: string }> }).results
    const byAccount = new Map(results.map((r) => [r.account.toUpperCase(), r]))
    expect(byAccount.get('AUTHENTICATED_GITHUB')).toMatchObject({ state: 'healthy', cause: 'ok' })
    expect(byAccount.get('BAD_CREDENTIALS_GITHUB')).toMatchObject({ state: 'failing', cause: 'credentials.invalid' })
    expect(checked.stdout).not.toContain(scenarios.authenticated!.TOKEN)

    const refused = await runCli(['providers', 'remove', 'github', '--data-dir', dataDir], env)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/2 account\(s\) use github.*--force/s)
    const forced = await runCli(['providers', 'remove', 'github', '--force', '--data-dir', dataDir], env)
    expect(forced.code, forced.stderr).toBe(0)
    const listedAfter = await runCli(['accounts', 'list', '--data-dir', dataDir, '--json'], env)
    expect(listedAfter.code, listedAfter.stderr).toBe(0)
    const orphaned = await runCli(['check', '--vault', '--data-dir', dataDir, '--json'], env)
    const after = (JSON.parse(orphaned.stdout) as { results: Array<{ state: string; cause: string; summary: string }> }).results
    expect(after).toHaveLength(2)
    for (const r of after) expect(r).toMatchObject({ state: 'failing', cause: 'config.invalid', summary: expect.stringMatching(/definition of provider "github" is missing/) })
  })

  it('refuses an account for a provider nobody defined, naming the fix', async () => {
    const dataDir = join(root, 'other')
    const envFile = join(root, 'unknown.env')
    await writeFile(envFile, 'X_GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n')
    const imported = await runCli(['accounts', 'add', '--env', envFile, '--data-dir', dataDir], env)
    expect(imported.code).not.toBe(0)
    expect(imported.stderr).toMatch(/authdesk providers add FILE/)
  })

  it('issues and lists the token of a custom OAuth provider, and refuses revoke and --ttl with the reason', async () => {
    const dataDir = join(root, 'oauth')
    const file = join(root, 'acme-oauth.yaml')
    await writeFile(file, oauthYaml)
    const loaded = loadDefinition(oauthYaml)
    if (!loaded.ok) throw new Error('the OAuth definition does not load')
    const oauthSim = await startSimulator(customProviderModule(loaded.definition).simulator(createSimClock()))
    try {
      expect((await runCli(['providers', 'add', file, '--data-dir', dataDir], env)).code).toBe(0)
      const accepted = oauthSim.scenarioCredentials().accepted!
      const envFile = join(root, 'acme.env')
      await writeFile(envFile, Object.entries(accepted).map(([field, value]) => `APP_ACME_${field}=${value}`).join('\n'))
      const added = await runCli(['accounts', 'add', '--env', envFile, '--data-dir', dataDir], env)
      expect(added.code, added.stderr).toBe(0)

      const issued = await runCli(['tokens', 'issue', '--account', 'APP_ACME', '--ttl', '600', '--json', '--data-dir', dataDir], env)
      expect(issued.code, issued.stderr).toBe(0)
      const result = JSON.parse(issued.stdout) as { state: { jti: string; status: string; scopes: string[]; warnings: string[] } }
      expect(result.state).toMatchObject({ status: 'active', scopes: ['read'] })
      expect(result.state.warnings).toContain('Acme sets a token\'s lifetime itself: the 600 s asked were not sent.')
      expect(issued.stdout).not.toMatch(/simtoken-/)
      expect(issued.stdout).not.toContain(accepted.CLIENT_SECRET!)

      const listed = await runCli(['tokens', 'list', '--account', 'APP_ACME', '--data-dir', dataDir], env)
      expect(listed.code, listed.stderr).toBe(0)
      expect(listed.stdout).toContain(result.state.jti)

      const revoked = await runCli(['tokens', 'revoke', '--account', 'APP_ACME', '--jti', result.state.jti, '--data-dir', dataDir], env)
      expect(revoked.code, revoked.stderr).toBe(1)
      expect(revoked.stderr).toMatch(/Acme offers no way to revoke a token: it stays valid until \S+Z/)
    } finally {
      await runCli(['accounts', 'remove', 'APP_ACME', '--force', '--data-dir', dataDir], env)
      await oauthSim.close()
    }
  })
})
