import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, openAccount } from './pages/app-page'
import { accountId, checkNow } from './pages/health-page'

const NMBRS = 'Nmbrs (SOAP v3) · domain-wrong'
const GROUPCALL = 'Groupcall Messenger · wrong-password'

test('a failing Nmbrs account is fixed through the wizard: the suggested domain, a re-test, and the trail after reopening', async ({ app }) => {
  const { page, services } = app
  await dashboardReady(page)
  await openAccount(page, NMBRS)
  await expect(page.getByTestId('diagnosis-card')).toContainText('Not checked yet')
  await checkNow(page)
  await expect(page.getByTestId('diagnosis-card')).toContainText('Wrong domain')
  await expect(page.getByTestId('suggested-domain')).toHaveText('acme')

  await page.getByRole('button', { name: 'Troubleshoot' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Troubleshoot “${NMBRS}”` })).toBeFocused()
  const current = page.locator('[aria-current="step"]')
  await expect(current).toContainText('Use the domain Nmbrs reports')
  await expect(page.getByTestId('wizard-domain-fix')).toContainText('this token’s domain is acme; the account has acme-bv')
  await page.getByRole('button', { name: 'Use “acme” and re-test' }).click()
  await expect(page.getByTestId('wizard-fixed')).toContainText('works again')
  await expect(page.getByTestId('wizard-diagnosis')).toContainText("domain 'acme'")

  // Core holds the fix and the trail.
  const id = await accountId(app, NMBRS)
  expect((await services.vault.list()).find((a) => a.id === id)?.fields.DOMAIN).toBe('acme')
  const trail = await services.wizard().get(id)
  expect(trail?.status).toBe('fixed')
  expect(trail?.entries.map((e) => [e.stepId, e.outcome, e.note])).toEqual([
    ['nmbrs.domain-from-environment-get', 'fix-applied', 'DOMAIN set to acme'],
    ['nmbrs.domain-from-environment-get', 'fixed', 're-test: healthy'],
  ])

  await page.getByRole('button', { name: 'Back to the account' }).last().click()
  await expect(page.getByTestId('diagnosis-card')).toContainText('Accepted by the provider')
  await expect(page.getByTestId('last-worked')).toContainText('Last worked')
  await expect(page.getByTestId('history-entry')).toHaveCount(2)
  await expect(page.getByTestId('history-entry').first()).toContainText('changed')

  // A fresh renderer (closing the window) loses nothing: the wizard shows how it was fixed.
  await page.reload()
  await dashboardReady(page)
  await openAccount(page, NMBRS)
  await page.getByRole('button', { name: 'Troubleshoot' }).click()
  await expect(page.getByTestId('wizard-fixed')).toBeVisible()
  await expect(page.getByTestId('trail-entry')).toHaveCount(2)
  await expect(page.getByTestId('trail-entry').first()).toContainText('Use the domain Nmbrs reports')
  await expect(page.getByTestId('trail-entry').first()).toContainText('DOMAIN set to acme')
  await expect(page.getByTestId('trail-entry').last()).toContainText('re-test: healthy')
})

test('question steps branch on yes/no, survive closing the wizard, and end in a support bundle that includes the answers', async ({ app }) => {
  test.setTimeout(60_000)
  const { page, services } = app
  await dashboardReady(page)
  await openAccount(page, GROUPCALL)
  await checkNow(page)
  await page.getByRole('button', { name: 'Troubleshoot' }).click()
  const current = page.locator('[aria-current="step"]')
  await expect(current).toContainText('Re-copy CustomerId and API key')
  await current.getByRole('button', { name: 'No, this looks right' }).click()
  await expect(current).toContainText('Production or test?')
  await current.getByRole('button', { name: 'Skip' }).click()
  await expect(current).toContainText('Contact Groupcall support')

  // Close the wizard, reload the renderer, reopen: it resumes at the third step.
  await page.getByRole('button', { name: 'Back to the account' }).click()
  await page.reload()
  await dashboardReady(page)
  await openAccount(page, GROUPCALL)
  await page.getByRole('button', { name: 'Troubleshoot' }).click()
  await expect(current).toContainText('Contact Groupcall support')
  await expect(page.getByTestId('wizard-step').nth(0)).toContainText('Not the problem')
  await expect(page.getByTestId('wizard-step').nth(1)).toContainText('Skipped')
  await expect(page.getByTestId('trail-entry')).toHaveCount(2)

  // "Yes" asks for the fix, then a re-test; the provider still refuses, so the wizard ends stuck.
  await current.getByRole('button', { name: 'Yes, I found a problem' }).click()
  await expect(current.getByRole('button', { name: 'Edit account' })).toBeVisible()
  await current.getByRole('button', { name: 'Re-test now' }).click()
  await expect(page.getByTestId('trail-entry').last()).toContainText('re-test: failing (credentials.invalid)')

  await expect(page.getByTestId('wizard-stuck')).toContainText('Still not working')
  await page.getByRole('button', { name: 'Create support bundle' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Support bundle' })).toBeVisible()
  await expect(page.getByTestId('bundle-scan')).toContainText('no secret found')
  await expect(page.getByText('Includes your 5 troubleshooting answers.')).toBeVisible()
  await page.getByRole('button', { name: 'wizard-trail.json' }).click()
  await expect(page.getByTestId('bundle-content')).toContainText('groupcall.recopy-credentials')
  await page.getByRole('button', { name: 'Export bundle' }).click()
  await expect(page.getByTestId('bundle-exported')).toContainText('.zip')
  const trail = await services.wizard().get(await accountId(app, GROUPCALL))
  expect(trail?.status).toBe('escalated')
})
