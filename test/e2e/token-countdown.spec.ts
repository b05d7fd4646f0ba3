import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, openAccount, row } from './pages/app-page'

const ACCOUNT = 'SMSGate · valid'

test('a managed token counts down to its refresh time, is refreshed then, and the panel shows the new refresh time', async ({ app }) => {
  test.setTimeout(60_000)
  const { page } = app
  await dashboardReady(page)
  await openAccount(page, ACCOUNT)
  const panel = page.getByTestId('token-panel')
  await expect(panel.getByTestId('token-status')).toHaveText('No managed token')

  // A 20-second token: AuthDesk refreshes it 10 s before it expires (its one timer in core).
  await panel.getByRole('checkbox', { name: 'messages:read' }).check()
  await panel.getByLabel('Lifetime in seconds (optional)').fill('20')
  await panel.getByRole('button', { name: 'Issue token' }).click()
  await expect(panel.getByTestId('token-status')).toHaveText('Active')
  await expect(panel.getByTestId('token-records').getByTestId('token-record')).toHaveCount(1)
  await expect(panel.getByRole('list', { name: 'Token scopes' })).toContainText('messages:read')
  const refresh = panel.getByTestId('token-refresh-at').getByTestId('countdown')
  await expect(refresh).toHaveText(/^Token refresh in \d+s$/)
  const firstRefreshAt = await refresh.getAttribute('datetime')

  // The dashboard counts down to the same moment (the row's deadline is the token refresh).
  await page.getByRole('button', { name: 'All accounts' }).click()
  await page.getByLabel('Search accounts').fill(ACCOUNT)
  const deadline = row(page, ACCOUNT).getByTestId('countdown')
  await expect(deadline).toHaveAttribute('datetime', firstRefreshAt!)
  await expect(row(page, ACCOUNT).getByTestId('row-deadline')).toHaveText(/^Token refresh in \d+s$/)
  await row(page, ACCOUNT).getByRole('button', { name: ACCOUNT, exact: true }).click()

  // The countdown reaches the refresh time; the refresh happens; the panel shows the new pair's times.
  await expect(refresh).toHaveText(/^Token refresh in [0-3]s$/, { timeout: 15_000 })
  await expect(panel.getByTestId('token-last-refresh')).toContainText('Refreshed', { timeout: 15_000 })
  await expect(refresh).not.toHaveAttribute('datetime', firstRefreshAt!)
  await expect(refresh).toHaveText(/^Token refresh in 1[01]m \d\ds$/)
  await expect(panel.getByTestId('token-expires-at').getByTestId('countdown')).toHaveText(/^Token expires in 1[45]m \d\ds$/)
  await expect(panel.getByTestId('token-record')).toHaveCount(2)
  await expect(panel.locator('[data-testid="token-record"][data-status="current"]')).toHaveCount(1)
  await expect(panel.locator('[data-testid="token-record"][data-status="superseded"]')).toHaveCount(1)

  // The dashboard follows (tokens:changed refetches the deadlines).
  await page.getByRole('button', { name: 'All accounts' }).click()
  await expect(row(page, ACCOUNT).getByTestId('row-deadline')).toHaveText(/^Token refresh in 1[01]m \d\ds$/)

  // Revoke the replaced token from the local record.
  await row(page, ACCOUNT).getByRole('button', { name: ACCOUNT, exact: true }).click()
  const superseded = panel.locator('[data-testid="token-record"][data-status="superseded"]')
  await superseded.getByRole('button', { name: /^Revoke token / }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click()
  await expect(panel.locator('[data-testid="token-record"][data-status="revoked"]')).toHaveCount(1)
  await expect(panel.getByTestId('token-status')).toHaveText('Active')
})
