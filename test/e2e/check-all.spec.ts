import type { Page } from '@playwright/test'
import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, row } from './pages/app-page'
import { accountId, checkAll, clearFaults, slowDemo } from './pages/health-page'

const unchecked = (page: Page) => page.getByTestId('triage-summary').getByRole('button', { name: /unchecked$/ })

test('"Check all" shows its progress and can be cancelled; a full run gives every account a state, cause and time', async ({ app }) => {
  test.setTimeout(60_000)
  const { page } = app
  await dashboardReady(page)
  await expect(page.getByTestId('first-run-intro')).toBeVisible()

  const total = (await app.services.vault.list()).length
  expect(total).toBeGreaterThan(40)
  slowDemo(app, 1500)
  await page.getByRole('button', { name: 'Check all' }).click()
  const status = page.getByTestId('check-all-status')
  await expect(status).toHaveText(new RegExp(`^Checking \\d+ of ${total}$`))
  await expect(page.getByRole('progressbar', { name: 'Check all progress' })).toHaveAttribute('max', String(total))
  await expect(page.getByRole('button', { name: 'Check all' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(status).toHaveText(new RegExp(`^Cancelled after \\d+ of ${total}`), { timeout: 20_000 })
  const done = Number((await status.innerText()).match(/after (\d+)/)?.[1])
  expect(done).toBeLessThan(total)
  await expect(unchecked(page)).toHaveText(`${total - done} unchecked`)

  clearFaults(app)
  await page.getByRole('button', { name: 'Dismiss the check-all result' }).click()
  await expect(status).toHaveCount(0)
  await checkAll(page)
  await expect(page.getByRole('progressbar', { name: 'Check all progress' })).toHaveAttribute('value', String(total))
  await expect(unchecked(page)).toHaveCount(0)
  await page.getByLabel('Search accounts').fill('domain-wrong')
  const nmbrs = row(page, 'Nmbrs (SOAP v3) · domain-wrong')
  await expect(nmbrs.locator('[data-state="failing"]')).toHaveText('Failing')
  await expect(nmbrs.getByTestId('row-reason')).toHaveText("The domain 'acme-bv' was refused; this token's domain is 'acme'.")
  await expect(nmbrs.locator('.cell-details')).toHaveAttribute('title', "Wrong domain: The domain 'acme-bv' was refused; this token's domain is 'acme'.")
  await expect(nmbrs.locator('.cell-checked')).toHaveText('just now')

  // The state filter and search work on the new states and causes.
  await page.getByLabel('Search accounts').fill('')
  await page.getByTestId('triage-summary').getByRole('button', { name: /failing$/ }).click()
  await expect(page.getByTestId('account-row').locator('[data-state]').first()).toHaveText('Failing')
  await page.getByLabel('Search accounts').fill('wrong domain')
  await expect(page.getByTestId('account-row')).toHaveCount(2)
})

test('"Check now" on a row shows the check running, and a check started elsewhere updates the row live', async ({ app }) => {
  const { page, services } = app
  await dashboardReady(page)
  // Searched for, since a row that turns healthy moves down the triage order, out of view.
  await page.getByLabel('Search accounts').fill('Authmatech · valid')
  const authmatech = row(page, 'Authmatech · valid')
  slowDemo(app, 1500, 1)
  await authmatech.getByRole('button', { name: 'Actions for Authmatech · valid' }).click()
  await page.getByRole('menuitem', { name: 'Check now' }).click()
  await expect(authmatech.getByTestId('row-checking')).toHaveText('Checking…')
  await expect(authmatech.locator('[data-state="healthy"]')).toHaveText('Healthy', { timeout: 10_000 })
  await expect(authmatech.locator('.cell-details')).toHaveAttribute('title', /^Accepted by the provider: /)

  // health:changed from a check the core ran on its own (e.g. the background scheduler).
  await page.getByLabel('Search accounts').fill('SMSGate · wrong-password')
  const smsgate = row(page, 'SMSGate · wrong-password')
  await expect(smsgate.locator('[data-state="unchecked"]')).toBeVisible()
  await services.health.check(await accountId(app, 'SMSGate · wrong-password'))
  await expect(smsgate.locator('[data-state="failing"]')).toBeVisible()
  await expect(smsgate.locator('.cell-details')).toHaveAttribute('title', /^Credentials rejected: /)
})
