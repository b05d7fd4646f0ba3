import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, openAccount, row } from './pages/app-page'
import { fillNewAccount, save, startAdding } from './pages/editor-page'
import { checkNow } from './pages/health-page'

const GROUPCALL = 'Groupcall Messenger · wrong-password'

test('a check toast looks like its outcome, and an edit that can change the answer offers a re-test until one runs', async ({ app }) => {
  const { page } = app
  await dashboardReady(page)
  await openAccount(page, GROUPCALL)
  await checkNow(page)
  const toast = page.getByTestId('toast').filter({ hasText: `Checked “${GROUPCALL}”: failing.` })
  await expect(toast).toHaveClass(/toast-danger/)

  // Renaming does not change what a check answers…
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  await page.getByLabel('Notes (optional)').fill('Owned by the school office')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByTestId('account-detail')).toBeVisible()
  await expect(page.getByTestId('changed-since-check')).toHaveCount(0)

  // …a new API key does: the detail says so and offers the re-test.
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  await page.getByRole('button', { name: 'Replace API key (Password)' }).click()
  await page.getByLabel('API key (Password)', { exact: true }).fill('gc-5a6b7c8d9e0f1a2b')
  await page.getByRole('button', { name: 'Save changes' }).click()
  const changed = page.getByTestId('changed-since-check')
  await expect(changed).toContainText('Changed since the last check — re-test')
  await changed.getByRole('button', { name: 'Re-test now' }).click()
  await expect(changed).toHaveCount(0)
})

test('a new account is scrolled to and highlighted on the dashboard', async ({ app }) => {
  const { page } = app
  await dashboardReady(page)
  await startAdding(page)
  await fillNewAccount(page, { provider: 'Groupcall Messenger', label: 'Zulu school office', fields: { 'Customer ID': '2417', 'API key (Password)': 'gc-4e1f9a7c2b8d6e30' } })
  await save(page)
  const added = row(page, 'Zulu school office')
  await expect(added).toBeInViewport()
  await expect(added).toHaveClass(/is-highlighted/)
})
