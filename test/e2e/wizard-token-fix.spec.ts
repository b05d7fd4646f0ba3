import type { Page } from '@playwright/test'
import { providerDefinition } from '../../src/core/providers/registry'
import { SEED_USERS } from '../../src/core/providers/smsgate/simulator-scenarios'
import { openApp, type Harness } from '../support/harness/harness'
import { expect, test } from '../support/harness/fixtures'
import { expectAccessible } from './pages/axe'
import { dashboardReady, openAccount } from './pages/app-page'
import { expectNowhere } from './pages/canary'
import { accountId, checkNow } from './pages/health-page'

/** What the Demo's SMSGate token accounts declare they need. */
const SCOPES = ['devices:list', 'messages:send']
const TOKEN_ONLY = 'SMSGate · token-missing-scope'

/**
 * The Demo's token-only `token-missing-scope` account (its token lacks devices:list), plus the
 * username and password of the simulator user that token belongs to: AuthDesk can issue here.
 */
async function missingScopeWithPassword(app: Harness, label: string): Promise<{ readonly id: string; readonly secrets: ReadonlyArray<string> }> {
  const credentials = app.services.workspaces.demoWorkspace!.simulators.byId.smsgate.scenarioCredentials()['token-missing-scope']!
  const password = SEED_USERS.find((u) => u.username === 'TOKSCP')!.password
  const account = await app.services.vault.create({
    label,
    provider: 'smsgate',
    baseUrl: credentials.BASE_URL!,
    confirmUnlistedHost: true,
    fields: { TOKEN: credentials.TOKEN!, USERNAME: 'TOKSCP', PASSWORD: password },
    scopes: SCOPES,
  })
  return { id: account.id, secrets: [credentials.TOKEN!, password] }
}

async function openWizard(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Troubleshoot' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Troubleshoot “${label}”` })).toBeFocused()
}

/** Every token value AuthDesk holds for the account: the managed pair and what the user entered. */
async function tokenValues(app: Harness, id: string, entered: ReadonlyArray<string>): Promise<ReadonlyArray<string>> {
  const pair = await app.services.tokens.pair(id)
  return [pair.accessToken, ...(pair.refreshToken ? [pair.refreshToken] : []), ...entered]
}

test('a token lacking a scope is fixed from the wizard: the scopes shown, a failed issue shown in the step, then a new token, a healthy re-test, and no token in the page', async ({ app }) => {
  test.setTimeout(60_000)
  const { page, services } = app
  const label = 'Gateway missing a scope'
  await dashboardReady(page)
  const { id, secrets } = await missingScopeWithPassword(app, label)
  await openAccount(page, label)
  await checkNow(page)
  await expect(page.getByTestId('diagnosis-card')).toContainText('Token lacks a required scope')

  await openWizard(page, label)
  const current = page.locator('[aria-current="step"]')
  await expect(current).toContainText('Add the missing scope')
  const fix = page.getByTestId('wizard-token-issue')
  // Least privilege: the account's declared scopes (devices:list is the one the token lacked), nothing else.
  await expect(fix.getByRole('list', { name: 'Scopes the new token will have' }).getByRole('listitem')).toHaveText(SCOPES)
  await expect(current.getByText('Was this the problem?')).toHaveCount(0)
  await expectAccessible(page, 'wizard (issue a new token)')

  // SMSGate is down: the step says so, nothing is issued and nothing is recorded as applied.
  const smsgate = services.workspaces.demoWorkspace!.simulators.byId.smsgate
  smsgate.faults.add({ kind: 'maintenance', account: 'TOKSCP' })
  await fix.getByRole('button', { name: 'Issue a new token' }).click()
  const error = current.getByTestId('wizard-fix-error')
  await expect(error).toContainText('No token was issued')
  await expect(error).toContainText('server.unavailable')
  await expect(error).toHaveAttribute('role', 'alert')
  await expectAccessible(page, 'wizard (token fix failed)')
  expect((await services.tokens.list(id)).records).toEqual([])
  expect((await services.wizard().get(id))?.entries ?? []).toEqual([])
  smsgate.faults.clear()

  // SMSGate answers with its clock 5 minutes behind: the new token's warning is shown.
  smsgate.faults.add({ kind: 'clock-skew', account: 'TOKSCP', skewSeconds: -300, count: 1 })
  await fix.getByRole('button', { name: 'Issue a new token' }).click()
  await expect(page.getByTestId('wizard-fixed')).toContainText('works again')
  await expect(error).toHaveCount(0)
  await expect(page.getByTestId('wizard-token-warnings')).toContainText(/clock differs from SMSGate's by (29\d|30\d) s/)

  // Core issued one token with exactly those scopes and re-tested with it.
  const state = await services.tokens.list(id)
  expect(state).toMatchObject({ status: 'active', canIssue: true, scopes: SCOPES })
  expect(state.records.map((r) => [r.jti, r.origin, r.scopes])).toEqual([[state.jti, 'issued', SCOPES]])
  const trail = await services.wizard().get(id)
  expect(trail?.status).toBe('fixed')
  expect(trail?.entries.map((e) => [e.stepId, e.outcome, e.note])).toEqual([
    ['smsgate.add-scope', 'fix-applied', `Issued token ${state.jti} with scopes devices:list, messages:send`],
    ['smsgate.add-scope', 'fixed', 're-test: healthy'],
  ])
  await expect(page.getByTestId('trail-entry').first()).toContainText(`Issued token ${state.jti}`)
  await expect(page.getByTestId('wizard-diagnosis')).not.toContainText('lacks')
  await expectAccessible(page, 'wizard (fixed by a new token, with its warning)')

  // The renderer never held a token: not the new pair, not the pasted token, not the password.
  for (const secret of await tokenValues(app, id, secrets)) await expectNowhere(app, page, secret)

  await page.getByRole('button', { name: 'Back to the account' }).last().click()
  await expect(page.getByTestId('diagnosis-card')).toContainText('Accepted by the provider')
  await expect(page.getByTestId('token-status')).toHaveText('Active')
})

test('a token-only account: the wizard explains why it cannot issue a token here and asks the question instead', async ({ app }) => {
  const { page, services } = app
  await dashboardReady(page)
  await openAccount(page, TOKEN_ONLY)
  await checkNow(page)
  await expect(page.getByTestId('diagnosis-card')).toContainText('Token lacks a required scope')
  await openWizard(page, TOKEN_ONLY)
  const current = page.locator('[aria-current="step"]')
  await expect(current).toContainText('Add the missing scope')
  await expect(page.getByTestId('wizard-token-issue-unavailable')).toContainText(
    'it has no USERNAME and PASSWORD, only a pasted token. Enter USERNAME and PASSWORD in the account, or paste a new token issued elsewhere',
  )
  await expect(page.getByRole('button', { name: 'Issue a new token' })).toHaveCount(0)
  await expect(page.getByTestId('wizard-token-claims')).toContainText('devices:list')
  await expect(current.getByText('Was this the problem?')).toBeVisible()
  await current.getByRole('button', { name: 'Yes, I found a problem' }).click()
  await expect(current.getByRole('button', { name: 'Re-test now' })).toBeVisible()
  const id = await accountId(app, TOKEN_ONLY)
  expect((await services.tokens.list(id)).records).toEqual([])
  expect((await services.wizard().get(id))?.entries.map((e) => e.outcome)).toEqual(['yes'])
})

test('an expiring managed token that AuthDesk can renew is refreshed from the wizard, then re-tested healthy', async ({ page }) => {
  test.setTimeout(60_000)
  // No background refresh: the failed refresh below stays recorded until the wizard's button.
  const app = await openApp(page, { services: { tokens: { schedule: false } } })
  try {
    const { services } = app
    const label = 'SMSGate · valid'
    await dashboardReady(page)
    const id = await accountId(app, label)
    const declared = (await services.vault.list()).find((a) => a.id === id)!.scopes
    // A two-minute token whose refresh failed once (SMSGate was down): the check finds it expiring, with nothing renewing it.
    const issued = await services.tokens.issue(id, { ttlSeconds: 120 })
    const smsgate = services.workspaces.demoWorkspace!.simulators.byId.smsgate
    smsgate.faults.add({ kind: 'maintenance', account: 'VALID1' })
    await expect(services.tokens.refresh(id)).rejects.toThrow()
    smsgate.faults.clear()
    // An account that declares no scopes gets AuthDesk's least-privilege defaults on the tokens it issues.
    expect(issued.scopes).toEqual(declared.length > 0 ? declared : providerDefinition('smsgate').scopes!.defaults)
    expect(await services.tokens.list(id)).toMatchObject({ jti: issued.jti, status: 'failing', refreshable: true })

    await openAccount(page, label)
    await checkNow(page)
    await expect(page.getByTestId('diagnosis-card')).toContainText('Token expires soon')
    await openWizard(page, label)
    const current = page.locator('[aria-current="step"]')
    await expect(current).toContainText('Refresh the token')
    const fix = page.getByTestId('wizard-token-refresh')
    await expect(fix).toContainText(issued.jti!)
    await expectAccessible(page, 'wizard (refresh the token)')
    await fix.getByRole('button', { name: 'Refresh the token now' }).click()
    await expect(page.getByTestId('wizard-fixed')).toContainText('works again')

    const state = await services.tokens.list(id)
    expect(state.jti).not.toBe(issued.jti)
    expect(state).toMatchObject({ status: 'active', failure: null, lastRefresh: { outcome: 'refreshed' }, scopes: issued.scopes })
    const trail = await services.wizard().get(id)
    expect(trail?.entries.map((e) => [e.stepId, e.outcome, e.note])).toEqual([
      ['smsgate.refresh', 'fix-applied', `Refreshed the token: now ${state.jti} with scopes ${issued.scopes.join(', ')}`],
      ['smsgate.refresh', 'fixed', 're-test: healthy'],
    ])
    for (const secret of await tokenValues(app, id, [])) await expectNowhere(app, page, secret)
  } finally {
    await app.close()
  }
})
