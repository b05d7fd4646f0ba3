import { AUTHMATECH_SIM_CLIENTS } from '../../src/core/providers/authmatech/simulator-scenarios'
import { GROUPCALL_SIM_ACCOUNTS } from '../../src/core/providers/groupcall/simulator-scenarios'
import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, openAccount } from './pages/app-page'
import { expectNowhere } from './pages/canary'
import { checkNow } from './pages/health-page'

test('the detail shows the diagnosis with its evidence, the inferred note, the clock, history, rotation due date and a redacted transcript', async ({ app }) => {
  const { page } = app
  await dashboardReady(page)
  await openAccount(page, 'Nmbrs (SOAP v3) · token-not-yet-in-sandbox')
  await expect(page.getByTestId('rotation-due').getByTestId('countdown')).toHaveText(/^Rotation due in 89d|^Rotation due in 90d/)
  await expect(page.getByTestId('history-timeline')).toContainText('No check has run yet.')
  await checkNow(page)
  const card = page.getByTestId('diagnosis-card')
  await expect(card).toContainText('Credentials rejected')
  await expect(card).toContainText('credentials.invalid')
  await expect(card).toContainText('reach Sandbox the day after')
  await expect(page.getByTestId('diagnosis-inferred')).toContainText('Inferred, not read off the wire: Environment_Get (production) accepted the same Username and Token')
  const evidence = page.getByTestId('diagnosis-evidence')
  await expect(evidence).toContainText('Environment_Get')
  await expect(evidence).toContainText('1001: Invalid Authentication')
  await expect(page.getByTestId('clock-skew')).toContainText('clock')
  await expect(page.getByTestId('suggested-domain')).toHaveText('acme-test')
  await expect(page.getByTestId('last-worked')).toContainText('Has not worked in any check on record.')
  await expect(page.getByTestId('exchange')).toHaveCount(2)

  // The transcript is core's redacted one: Groupcall's password never reaches the page.
  await page.getByRole('button', { name: 'All accounts' }).click()
  await openAccount(page, 'Groupcall Messenger · valid')
  await checkNow(page)
  await page.getByTestId('exchange').first().locator('summary').click()
  await expect(page.getByLabel('Request 1')).toContainText('"Password":"[redacted]"')
  expect(await page.content()).not.toContain(GROUPCALL_SIM_ACCOUNTS[0]!.password)

  // The editor is reachable from the detail and returns to it.
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  await expect(page.getByLabel('Label', { exact: true })).toHaveValue('Groupcall Messenger · valid')
  await page.getByRole('button', { name: 'Back to the account' }).click()
  await expect(page.getByTestId('account-detail')).toBeVisible()
})

test('Authmatech "Rotate key" sends the client secret once from an uncontrolled input; it reaches neither the page, IPC answers nor the log', async ({ app }) => {
  const { page, services } = app
  const secret = AUTHMATECH_SIM_CLIENTS.valid.secretKey
  await dashboardReady(page)
  await openAccount(page, 'Authmatech · valid')
  const before = (await services.vault.list()).find((a) => a.label === 'Authmatech · valid')!
  await page.getByRole('button', { name: 'Rotate key…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rotate the API key of “Authmatech · valid”' })
  await dialog.getByLabel('Client secret').fill(secret)
  await expect(dialog.getByLabel('Client secret')).toHaveAttribute('type', 'password')
  await dialog.getByRole('button', { name: 'Rotate key' }).click()
  await expect(dialog.getByTestId('rotate-result')).toContainText('Key rotated')
  await expectNowhere(app, page, secret)
  await dialog.getByRole('button', { name: 'Close' }).click()

  const after = (await services.vault.list()).find((a) => a.id === before.id)!
  expect(after.secrets.API_KEY?.fingerprint).not.toBe(before.secrets.API_KEY?.fingerprint)
  await checkNow(page)
  await expect(page.getByTestId('diagnosis-card')).toContainText('Accepted by the provider')
  await expectNowhere(app, page, secret)
})
