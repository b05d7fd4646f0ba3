import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, row, switchWorkspace } from './pages/app-page'

const ENV = [
  '# accounts for the office',
  'PROD_NMBRS_USERNAME=payroll@example.com',
  'PROD_NMBRS_TOKEN=4f1c2a9e7b3d5a60',
  'SCHOOL_GROUPCALL_CUSTOMER_ID=1469',
  'SCHOOL_GROUPCALL_PASSWORD=k3y-for-the-office',
  'AUTHMATECH_API_KEY=amk_live_7f3b9c1e',
  'AUTHMATECH_CLEINT_ID=client-4821',
].join('\n')

test.beforeEach(async ({ app }) => {
  await dashboardReady(app.page)
  await switchWorkspace(app.page, 'My accounts')
  await app.page.getByTestId('accounts-empty').getByRole('button', { name: 'Import from .env' }).click()
})

test('import from .env: preview shows what would happen with masked secrets, then imports exactly that', async ({ app }) => {
  const { page, services } = app
  const text = page.getByLabel('.env contents', { exact: true })
  await text.fill(ENV)
  await page.getByRole('button', { name: 'Preview' }).click()
  const candidates = page.getByTestId('import-candidate')
  await expect(candidates).toHaveCount(3)
  await expect(candidates.filter({ hasText: 'PROD_NMBRS' })).toHaveAttribute('data-action', 'create')
  await expect(candidates.filter({ hasText: 'PROD_NMBRS' })).toContainText('TOKEN ••••5a60')
  await expect(candidates.filter({ hasText: 'AUTHMATECH' })).toHaveAttribute('data-action', 'invalid')
  await expect(candidates.filter({ hasText: 'AUTHMATECH' })).toContainText('CLIENT_ID (Client ID) is required')
  await expect(page.getByText('AUTHMATECH_CLEINT_ID')).toBeVisible()
  await expect(page.getByTestId('import-preview')).not.toContainText('4f1c2a9e7b3d5a60')
  // The invalid account does not hold the others back.
  const importButton = page.getByRole('button', { name: /^Import \d+ accounts?$/ })
  await expect(importButton).toHaveText('Import 2 accounts')
  await expect(page.getByTestId('import-invalid')).toContainText('1 account has problems and will not be imported; the other 2 will.')

  await text.fill(ENV.replace('CLEINT', 'CLIENT'))
  await expect(page.getByText('The text or options changed since this preview')).toBeVisible()
  await page.getByRole('button', { name: 'Preview again' }).click()
  await expect(candidates.filter({ hasText: 'AUTHMATECH' })).toHaveAttribute('data-action', 'create')
  await expect(importButton).toHaveText('Import 3 accounts')
  await importButton.click()
  await expect(page.getByTestId('import-result')).toContainText('Import finished: 3 created')
  await expect(text).toHaveValue('')
  expect((await services.vault.list()).map((a) => a.label).sort()).toEqual(['AUTHMATECH', 'PROD_NMBRS', 'SCHOOL_GROUPCALL'])

  await page.getByRole('button', { name: 'Go to accounts' }).click()
  await expect(row(page, 'PROD_NMBRS').getByTestId('credential-summary')).toHaveText('TOKEN ••••5a60 · USERNAME payroll@example.com')
})

test('importing again skips existing accounts unless “replace” is chosen; unlisted hosts need confirmation', async ({ app }) => {
  const { page, services } = app
  await services.vault.create({ label: 'PROD_NMBRS', provider: 'nmbrs', fields: { USERNAME: 'old@example.com', TOKEN: 'old-token-123456789' } })
  const text = page.getByLabel('.env contents', { exact: true })
  await text.fill(['PROD_NMBRS_USERNAME=payroll@example.com', 'PROD_NMBRS_TOKEN=4f1c2a9e7b3d5a60', 'PROXY_SMSGATE_USERNAME=GW7KQ2', 'PROXY_SMSGATE_PASSWORD=p4ss-Gw-2026-x9', 'PROXY_SMSGATE_BASE_URL=https://sms.example.org/api/3rdparty/v1'].join('\n'))
  await page.getByRole('button', { name: 'Preview' }).click()
  const candidates = page.getByTestId('import-candidate')
  await expect(candidates.filter({ hasText: 'PROD_NMBRS' })).toHaveAttribute('data-action', 'skip')

  await page.getByText('Replace accounts that have the same name').click()
  await page.getByRole('button', { name: 'Preview again' }).click()
  await expect(candidates.filter({ hasText: 'PROD_NMBRS' })).toHaveAttribute('data-action', 'replace')
  const importButton = page.getByRole('button', { name: 'Import 2 accounts' })
  await expect(importButton).toBeDisabled()
  await page.getByRole('checkbox', { name: /Send these accounts’ credentials to hosts that are not their provider’s: sms\.example\.org/ }).check()
  await importButton.click()
  await expect(page.getByTestId('import-result')).toContainText('1 created, 1 replaced')
  const stored = await services.vault.list()
  expect(stored.find((a) => a.label === 'PROD_NMBRS')?.fields.USERNAME).toBe('payroll@example.com')
  expect(stored.find((a) => a.label === 'PROXY_SMSGATE')?.baseUrlConfirmedAt).not.toBeNull()
})

test('an unreadable import is explained where it was pasted', async ({ app }) => {
  const { page } = app
  await page.getByLabel('.env contents', { exact: true }).fill('JUST_SOME_VARIABLE=1\nANOTHER=2')
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByTestId('import-error')).toContainText('The file describes no account: variables must be named like SMSGATE_USERNAME')
})

test('a file with one invalid account imports the others, lists it with its reason, and checks the imported ones on request', async ({ app }) => {
  const { page, services } = app
  await page.getByRole('button', { name: 'All accounts' }).click()
  await switchWorkspace(page, 'Demo')
  const source = (await services.vault.list()).find((a) => a.label === 'Groupcall Messenger · valid')
  if (!source?.baseUrl) throw new Error('The Demo has no "Groupcall Messenger · valid" with a simulator base URL')
  const { secrets } = await services.vault.readSecrets(source.id, 'test')
  await page.getByRole('button', { name: 'Import .env' }).click()
  await page.getByLabel('.env contents', { exact: true }).fill(
    [
      `OFFICE_GROUPCALL_CUSTOMER_ID=${source.fields.CUSTOMER_ID}`,
      `OFFICE_GROUPCALL_PASSWORD=${secrets.PASSWORD}`,
      `OFFICE_GROUPCALL_BASE_URL=${source.baseUrl}`,
      'BROKEN_GROUPCALL_CUSTOMER_ID=14-69',
      'BROKEN_GROUPCALL_PASSWORD=k3y-for-the-office',
    ].join('\n'),
  )
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByTestId('import-invalid')).toContainText('1 account has problems and will not be imported; the other 1 will.')
  await page.getByRole('checkbox', { name: /Send these accounts’ credentials to hosts that are not their provider’s/ }).check()
  await page.getByRole('button', { name: 'Import 1 account' }).click()

  const result = page.getByTestId('import-result')
  await expect(result).toContainText('Import finished: 1 created, 1 not imported.')
  await expect(page.getByTestId('import-rejections')).toContainText('BROKEN_GROUPCALL was not imported: BROKEN_GROUPCALL_CUSTOMER_ID')
  await expect(page.getByTestId('import-rejections')).toContainText('digits')
  expect((await services.vault.list()).filter((a) => a.label.startsWith('BROKEN'))).toEqual([])

  await result.getByRole('button', { name: 'Check it now' }).click()
  await expect(page.getByTestId('check-all-status')).toHaveText('Checked 1 account', { timeout: 15_000 })
  const imported = row(page, 'OFFICE_GROUPCALL')
  await expect(imported).toBeInViewport()
  await expect(imported).toHaveClass(/is-highlighted/)
  await expect(imported.locator('[data-state="healthy"]')).toBeVisible()
})
