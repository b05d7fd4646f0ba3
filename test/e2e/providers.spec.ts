/**
 * The Providers screen end to end: a custom provider added from a file and from pasted text
 * (a broken definition shows every problem with its line, nothing is added), an account for it
 * made in the editor and checked against the definition's generated simulator (real HTTP), its
 * wizard opened on the definition's own fix, and the provider removed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { loadDefinition } from '../../src/core/custom-providers/load'
import { customProviderModule } from '../../src/core/custom-providers/module'
import { createSimClock } from '../../src/core/simulators/clock'
import { startSimulator, type RunningSimulator } from '../../src/core/simulators/server'
import { baseDefinition, definitionYaml, useOAuth } from '../support/definitions'
import { expect, test } from '../support/harness/fixtures'
import type { Page } from '@playwright/test'
import { dashboardReady, goTo, openAccount, switchWorkspace } from './pages/app-page'
import { fillNewAccount, save, startAdding, type NewAccount } from './pages/editor-page'
import { checkNow } from './pages/health-page'

let sim: RunningSimulator<string>
let oauthSim: RunningSimulator<string>
let folder: string

/** The test definition (its documented host); accounts point at the generated simulator with a confirmed base URL. */
function definitionText(): string {
  return stringify(baseDefinition())
}

/** The same API behind OAuth 2.0 client credentials, as another provider. */
function oauthDefinitionText(): string {
  return definitionYaml((d) => {
    useOAuth(d)
    Object.assign(d, { id: 'acmeauth', name: 'Acme Auth', envToken: 'ACMEAUTH' })
  })
}

async function simulatorFor(text: string): Promise<RunningSimulator<string>> {
  const loaded = loadDefinition(text)
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems))
  return startSimulator(customProviderModule(loaded.definition).simulator(createSimClock()))
}

/** Adds an account in the editor, pointed at the definition's generated simulator (an unlisted host, confirmed). */
async function addAccountOnSimulator(page: Page, account: NewAccount, simulator: RunningSimulator<string>): Promise<void> {
  await goTo(page, 'Dashboard')
  await startAdding(page)
  await fillNewAccount(page, { ...account, fields: { ...account.fields, 'Custom base URL (optional)': simulator.baseUrl } })
  await page.getByTestId('host-confirm').getByRole('checkbox').check()
  await save(page)
  await expect(page.getByTestId('toast').filter({ hasText: `Added “${account.label}”` })).toBeVisible()
}

test.beforeAll(async () => {
  sim = await simulatorFor(definitionText())
  oauthSim = await simulatorFor(oauthDefinitionText())
  folder = await mkdtemp(join(tmpdir(), 'authdesk-e2e-providers-'))
})
test.afterAll(async () => {
  await sim?.close()
  await oauthSim?.close()
  await rm(folder, { recursive: true, force: true })
})

test.beforeEach(async ({ app }) => {
  await dashboardReady(app.page)
  await switchWorkspace(app.page, 'My accounts')
  await goTo(app.page, 'Providers')
})

test('a broken definition shows every problem with its line and field, and nothing is added', async ({ app }) => {
  const { page } = app
  const broken = definitionText().replace('cause: credentials.invalid', 'cause: credentials.wrong').replace('method: GET', 'method: PUT')
  await page.getByTestId('provider-text').fill(broken)
  await page.getByRole('button', { name: 'Check and add' }).click()
  const problems = page.getByTestId('provider-problems').locator('li')
  await expect(problems.filter({ hasText: /line \d+ \(probe\[0\]\.rules\[0\]\.cause\)/ })).toHaveCount(1)
  await expect(problems.filter({ hasText: /line \d+ \(probe\[0\]\.method\)/ })).toHaveCount(1)
  await expect(page.getByTestId('provider-table').getByTestId('provider-row')).toHaveCount(4)
  expect(await app.services.providers.list()).toHaveLength(4)
})

test('adds a provider from a file, checks an account of it on its generated simulator, opens its wizard, then removes it', async ({ app }) => {
  const { page, services } = app
  const file = join(folder, 'acme.yaml')
  await writeFile(file, definitionText())
  await page.getByTestId('provider-file').setInputFiles(file)
  await expect(page.getByTestId('provider-text')).toHaveValue(/id: acme/)
  await page.getByRole('button', { name: 'Check and add' }).click()
  await expect(page.getByTestId('toast').filter({ hasText: 'Added the provider Acme (acme)' })).toBeVisible()
  await expect(page.getByTestId('provider-row').filter({ hasText: 'acme.yaml' })).toContainText('Custom')

  const refused = sim.scenarioCredentials().refused!
  await addAccountOnSimulator(page, { provider: 'Acme', label: 'Acme billing', fields: { Account: refused.ACCOUNT!, 'API key': refused.API_KEY! } }, sim)
  expect((await services.vault.list()).find((a) => a.label === 'Acme billing')).toMatchObject({ provider: 'acme', secretsStatus: 'keychain' })

  await openAccount(page, 'Acme billing')
  await checkNow(page)
  await expect(page.getByTestId('diagnosis-card')).toContainText('Refused.')
  expect(await page.content()).not.toContain(refused.API_KEY!)
  await page.getByRole('button', { name: 'Troubleshoot' }).click()
  await expect(page.locator('[aria-current="step"]')).toContainText('Re-copy the key.')

  await goTo(page, 'Providers')
  await page.getByRole('button', { name: 'Remove Acme' }).click()
  await page.getByRole('button', { name: 'Remove provider' }).click()
  await expect(page.getByTestId('confirm-dialog')).toContainText('1 account(s) use this provider (Acme billing)')
})

test('a custom OAuth provider: AuthDesk issues its token, counts it down, and says it cannot be revoked', async ({ app }) => {
  const { page } = app
  await page.getByTestId('provider-text').fill(oauthDefinitionText())
  await page.getByRole('button', { name: 'Check and add' }).click()
  await expect(page.getByTestId('toast').filter({ hasText: 'Added the provider Acme Auth (acmeauth)' })).toBeVisible()

  const accepted = oauthSim.scenarioCredentials().accepted!
  await addAccountOnSimulator(page, { provider: 'Acme Auth', label: 'Acme app', fields: { 'Client id': accepted.CLIENT_ID!, 'Client secret': accepted.CLIENT_SECRET! } }, oauthSim)

  await openAccount(page, 'Acme app')
  const panel = page.getByTestId('token-panel')
  await expect(panel.getByTestId('token-status')).toHaveText('No managed token')
  await expect(panel).toContainText("Acme Auth sets the token's lifetime itself.")
  await expect(panel.getByLabel('Lifetime in seconds (optional)')).toHaveCount(0)
  await panel.getByRole('button', { name: 'Issue token' }).click()
  await expect(panel.getByTestId('token-status')).toHaveText('Active')
  await expect(panel.getByTestId('token-expires-at').getByTestId('countdown')).toHaveText(/^Token expires in (59m \d\ds|1h 00m)/)
  await expect(panel.getByTestId('token-record')).toHaveCount(1)
  await expect(panel.getByTestId('token-record').locator('code')).toHaveText(/^acmeauth-[0-9a-f]{8}$/)
  await expect(panel.getByTestId('tokens-not-revocable')).toContainText('Acme Auth offers no way to revoke a token')
  await expect(panel.getByRole('button', { name: /^Revoke token/ })).toHaveCount(0)
  const html = await page.content()
  expect(html).not.toContain(accepted.CLIENT_SECRET!)
  expect(html).not.toContain('simtoken-')
})
