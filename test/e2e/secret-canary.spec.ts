import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, openEditor, row, switchWorkspace } from './pages/app-page'
import { expectNowhere } from './pages/canary'
import { field, fillNewAccount, save, startAdding } from './pages/editor-page'

const CANARY_CREATE = 'CANARY-create-7d1f3a9be2c44b6e9f08'
const CANARY_REPLACE = 'CANARY-replace-0b5e21c9d7a34f6e8812'
const CANARY_IMPORT = 'CANARY-import-5c3a9e7f1d2b4a6c8e90'

test('a secret typed into the editor or an import never reaches the DOM, web storage, an IPC answer or the log', async ({ app }) => {
  const { page, services } = app
  await dashboardReady(page)
  await switchWorkspace(page, 'My accounts')

  await startAdding(page)
  await fillNewAccount(page, { provider: 'Authmatech', label: 'Canary account', fields: { 'API key': CANARY_CREATE, 'Client ID': 'not valid id' } })
  await save(page)
  await expect(field(page, 'CLIENT_ID').getByTestId('field-error')).toBeVisible()
  // Typed and kept after an error, but only in the input's live value: never in the markup.
  await expect(page.getByLabel('API key', { exact: true })).toHaveValue(CANARY_CREATE)
  await expectNowhere(app, page, CANARY_CREATE)
  await page.getByLabel('Client ID', { exact: true }).fill('client-4821')
  await save(page)
  await expect(row(page, 'Canary account')).toBeVisible()
  await expectNowhere(app, page, CANARY_CREATE)

  await openEditor(page, 'Canary account')
  await field(page, 'API_KEY').getByRole('button', { name: 'Replace API key' }).click()
  await page.getByLabel('API key', { exact: true }).fill(CANARY_REPLACE)
  await save(page)
  await expect(row(page, 'Canary account').getByTestId('credential-summary')).toContainText('••••8812')
  await expectNowhere(app, page, CANARY_REPLACE)

  await page.getByRole('button', { name: 'Import .env' }).click()
  await page.getByLabel('.env contents', { exact: true }).fill(`CANARY_AUTHMATECH_API_KEY=${CANARY_IMPORT}\nCANARY_AUTHMATECH_CLIENT_ID=client-7`)
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByTestId('import-candidate')).toContainText('••••8e90')
  await page.getByRole('button', { name: 'Import 1 account' }).click()
  await expect(page.getByTestId('import-result')).toBeVisible()
  await expectNowhere(app, page, CANARY_IMPORT)

  // The secrets did reach the keychain, so the canaries were real.
  const stored = await services.vault.list()
  const secrets = await Promise.all(stored.map((a) => services.vault.readSecrets(a.id, 'canary test')))
  expect(secrets.map((s) => s.secrets.API_KEY).sort()).toEqual([CANARY_IMPORT, CANARY_REPLACE])
})
