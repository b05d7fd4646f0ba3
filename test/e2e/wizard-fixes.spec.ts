import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, openAccount } from './pages/app-page'
import { accountId, checkNow } from './pages/health-page'

const NOT_YET_IN_SANDBOX = 'Nmbrs (SOAP v3) · token-not-yet-in-sandbox'
const GROUPCALL = 'Groupcall Messenger · wrong-password'

test('Nmbrs token not yet in Sandbox: one click switches the account to production (its secrets moved by core), re-tests and ends fixed', async ({ app }) => {
  const { page, services } = app
  await dashboardReady(page)
  await openAccount(page, NOT_YET_IN_SANDBOX)
  await checkNow(page)
  await expect(page.getByTestId('diagnosis-summary')).toContainText('new tokens reach Sandbox the day after')
  await expect(page.getByTestId('diagnosis-summary')).not.toContainText('ENVIRONMENT=')

  await page.getByRole('button', { name: 'Troubleshoot' }).click()
  const fix = page.getByTestId('wizard-environment-fix')
  await expect(fix).toContainText('The account is set to sandbox, but Nmbrs (SOAP v3) accepted the same username and token on production.')
  // A fix AuthDesk can make itself is not a yes/no question.
  await expect(page.locator('[aria-current="step"]').getByRole('button', { name: /Yes, I found a problem/ })).toHaveCount(0)
  await fix.getByRole('button', { name: 'Switch to production and re-test' }).click()
  await expect(page.getByTestId('wizard-fixed')).toContainText('works again')

  const id = await accountId(app, NOT_YET_IN_SANDBOX)
  const account = (await services.vault.list()).find((a) => a.id === id)
  expect(account?.environment).toBe('production')
  expect((await services.health.historyOf(id))[0]?.state).toBe('healthy')
  expect((await services.wizard().get(id))?.entries.map((e) => [e.outcome, e.note])).toEqual([
    ['fix-applied', 'Environment switched to production'],
    ['fixed', 're-test: healthy'],
  ])
})

test('the environment switch takes its target from core’s own last check, never from the page', async ({ app }) => {
  const { page, services } = app
  await dashboardReady(page)
  const id = await accountId(app, GROUPCALL)
  const answer = await page.evaluate((accountId) => window.authdesk.accounts.switchEnvironment({ id: accountId }), id)
  expect(answer).toMatchObject({ ok: false, error: { code: 'environment.no-suggestion' } })
  const unknown = await page.evaluate(() => window.authdesk.accounts.switchEnvironment({ id: '00000000-0000-4000-8000-000000000000' }))
  expect(unknown).toMatchObject({ ok: false, error: { code: 'account.not-found' } })
  expect((await services.vault.list()).find((a) => a.id === id)?.environment).toBe('production')
})

test('a re-test that still fails is never shown as fixed', async ({ app }) => {
  const { page, services } = app
  await dashboardReady(page)
  await openAccount(page, GROUPCALL)
  await checkNow(page)
  await page.getByRole('button', { name: 'Troubleshoot' }).click()
  const current = page.locator('[aria-current="step"]')
  const first = page.getByTestId('wizard-step').first()
  await current.getByRole('button', { name: 'Yes, I found a problem' }).click()
  await current.getByRole('button', { name: 'Re-test now' }).click()

  // The provider still refuses: the step is marked as not fixed, and nothing says "Fixed".
  await expect(first).toHaveAttribute('data-mark', 'not-fixed')
  await expect(first).toContainText('Re-tested: still not working')
  await expect(page.getByTestId('wizard-fixed')).toHaveCount(0)
  await expect(page.getByTestId('trail-entry').last()).toContainText('re-test: failing (credentials.invalid)')
  await expect(page.getByTestId('wizard-trail')).not.toContainText(/\bFixed\b/)
  // "Not the problem" gets a neutral mark, not a tick.
  await current.getByRole('button', { name: 'No, this looks right' }).click()
  await expect(page.getByTestId('wizard-step').nth(1)).toHaveAttribute('data-mark', 'answered')
  expect((await services.wizard().get(await accountId(app, GROUPCALL)))?.status).not.toBe('fixed')
})

const NO_API_PREFIX = 'SMSGate · missing-api-prefix'

test('SMSGate private server saved without /api: one click uses the path SMSGate answers at, keeps the secrets, re-tests and ends fixed', async ({ app }) => {
  const { page, services } = app
  await dashboardReady(page)
  const id = await accountId(app, NO_API_PREFIX)
  const before = (await services.vault.list()).find((a) => a.id === id)!
  const corrected = before.baseUrl!.replace('/private/3rdparty/v1', '/private/api/3rdparty/v1')
  await openAccount(page, NO_API_PREFIX)
  await checkNow(page)
  await expect(page.getByTestId('diagnosis-summary')).toContainText(`SMSGate answers at ${corrected}`)

  await page.getByRole('button', { name: 'Troubleshoot' }).click()
  const fix = page.getByTestId('wizard-base-url-fix')
  await expect(fix.getByTestId('wizard-suggested-base-url')).toHaveText(corrected)
  await expect(page.locator('[aria-current="step"]').getByRole('button', { name: /Yes, I found a problem/ })).toHaveCount(0)
  await fix.getByRole('button', { name: `Use ${corrected} and re-test` }).click()
  await expect(page.getByTestId('wizard-fixed')).toContainText('works again')

  const account = (await services.vault.list()).find((a) => a.id === id)
  expect(account).toMatchObject({ baseUrl: corrected, secretsStatus: before.secretsStatus })
  expect(Object.keys(account!.secrets).sort()).toEqual(Object.keys(before.secrets).sort())
  expect((await services.health.historyOf(id))[0]?.state).toBe('healthy')
  expect((await services.wizard().get(id))?.entries.map((e) => [e.outcome, e.note])).toEqual([
    ['fix-applied', `Base URL set to ${corrected}`],
    ['fixed', 're-test: healthy'],
  ])
})
