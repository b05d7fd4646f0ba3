import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, rows, switchWorkspace } from './pages/app-page'

test('first run opens the Demo workspace: its banner, and accounts of all four providers, all unchecked', async ({ app }) => {
  const { page } = app
  await dashboardReady(page)
  await expect(page.getByTestId('demo-banner')).toContainText('Demo workspace — simulated providers, not real accounts')
  const total = (await app.services.vault.list()).length
  expect(total).toBeGreaterThan(40)
  await expect(page.getByText(`${total} accounts in the Demo workspace`)).toBeVisible()
  await expect(page.getByTestId('first-run-intro')).toBeVisible()
  await expect(page.getByTestId('triage-summary')).toHaveCount(0)

  const providerFilter = page.getByLabel('Filter by provider')
  for (const provider of ['Groupcall Messenger', 'Nmbrs (SOAP v3)', 'SMSGate', 'Authmatech']) {
    await providerFilter.selectOption({ label: provider })
    await expect(rows(page).first()).toBeVisible()
    for (const cell of await rows(page).locator('.cell-provider .row-main').allTextContents()) expect(cell).toBe(provider)
  }
  await providerFilter.selectOption({ label: 'All providers' })

  // Every row says its state in words and with an icon, not by colour alone.
  const badge = rows(page).first().locator('[data-state]')
  await expect(badge).toHaveText('Unchecked')
  await expect(badge.locator('svg')).toHaveCount(1)
})

test('search, state filter and sort narrow and order the list, with an empty state that clears them', async ({ app }) => {
  const { page } = app
  await dashboardReady(page)
  const search = page.getByLabel('Search accounts')
  await search.fill('token-expired')
  await expect(rows(page)).toHaveCount(2)
  await expect(rows(page).locator('.row-title')).toHaveText(['SMSGate · token-expired', 'SMSGate · token-expired-refreshable'])

  await page.getByRole('button', { name: 'Account', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: 'Account' })).toHaveAttribute('aria-sort', 'ascending')
  await page.getByRole('button', { name: 'Account', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: 'Account' })).toHaveAttribute('aria-sort', 'descending')
  await expect(rows(page).locator('.row-title')).toHaveText(['SMSGate · token-expired-refreshable', 'SMSGate · token-expired'])

  await search.fill('nothing-is-called-this')
  await expect(page.getByTestId('accounts-no-match')).toBeVisible()
  await page.getByRole('button', { name: 'Clear search and filters' }).click()
  await expect(search).toHaveValue('')

  const valid = (await app.services.vault.list()).find((a) => a.label === 'Authmatech · valid')
  await app.services.health.check(valid?.id ?? '')
  const states = page.getByTestId('triage-summary')
  await states.getByRole('button', { name: '1 healthy' }).click()
  await expect(states.getByRole('button', { name: '1 healthy' })).toHaveAttribute('aria-pressed', 'true')
  await expect(rows(page).locator('.row-title')).toHaveText(['Authmatech · valid'])
  await states.getByRole('button', { name: /unchecked$/ }).click()
  await expect(rows(page).first().locator('[data-state]')).toHaveText('Unchecked')
  await page.getByRole('button', { name: /^Show all/ }).click()
  await expect(rows(page)).not.toHaveCount(0)
})

test('switching to My accounts shows its empty state with what to do next, and back to the Demo', async ({ app }) => {
  const { page } = app
  await dashboardReady(page)
  await switchWorkspace(page, 'My accounts')
  const empty = page.getByTestId('accounts-empty')
  await expect(empty).toContainText('Add an account, import a .env file, or open the Demo workspace')
  await expect(empty.getByRole('button', { name: 'Add account' })).toBeVisible()
  await expect(empty.getByRole('button', { name: 'Import from .env' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Dashboard/ })).toHaveAccessibleName('Dashboard')
  expect(app.services.workspaces.info().active).toBe('mine')

  await empty.getByRole('button', { name: 'Open the Demo workspace' }).click()
  await expect(page.getByTestId('demo-banner')).toBeVisible()
  await expect(rows(page).first()).toBeVisible()

  await page.getByTestId('demo-banner').getByRole('button', { name: 'Go to My accounts' }).click()
  await expect(page.getByTestId('accounts-empty')).toBeVisible()
  await expect(page.getByTestId('demo-banner')).toHaveCount(0)
  await switchWorkspace(page, 'Demo')
  await expect(rows(page).first()).toBeVisible()
})

test('a damaged account file is restored from its backup and the dashboard says so; when both are damaged nothing is overwritten', async ({ app }) => {
  const { page, services } = app
  await dashboardReady(page)
  await switchWorkspace(page, 'My accounts')
  await services.vault.create({ label: 'Payroll NL', provider: 'nmbrs', fields: { USERNAME: 'payroll@example.com', TOKEN: '9b2f4c6d8e1a3b5c7d9e' } })
  await writeFile(join(services.dataDir, 'accounts.json'), '{"format": "cut short')
  await page.reload()
  await expect(page.getByTestId('vault-notice')).toContainText('accounts.json was unreadable')
  await expect(page.getByTestId('vault-notice')).toContainText('restored the copy saved at')
  await expect(rows(page)).toHaveCount(1)

  await writeFile(join(services.dataDir, 'accounts.json'), 'garbage')
  await writeFile(join(services.dataDir, 'accounts.json.bak'), 'garbage')
  await page.reload()
  await expect(page.getByTestId('vault-readonly')).toContainText('Changes cannot be saved')
  await expect(page.getByRole('alert').filter({ hasText: 'The accounts could not be loaded' })).toContainText('Restore accounts.json from a backup')
})
