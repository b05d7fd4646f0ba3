import { expect, test } from '../support/harness/fixtures'
import { expectAccessible } from './pages/axe'
import { dashboardReady, goTo, openEditor, row, switchWorkspace } from './pages/app-page'
import { fillNewAccount, save, startAdding } from './pages/editor-page'

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violation on the shell, dashboard, editor, import, background checks, providers, security and about screens (${colorScheme} theme)`, async ({ app }) => {
    test.setTimeout(90_000) // axe takes a few seconds per screen
    const { page } = app
    await page.emulateMedia({ colorScheme })
    await dashboardReady(page)
    await expectAccessible(page, 'dashboard (Demo)')

    await row(page, 'Authmatech · valid').getByRole('button', { name: 'Actions for Authmatech · valid' }).click()
    await expect(page.getByRole('menu')).toBeVisible()
    await expectAccessible(page, 'row menu')
    await page.keyboard.press('Escape')

    await openEditor(page, 'SMSGate · token-valid')
    await expectAccessible(page, 'editor (edit)')
    await page.getByRole('button', { name: 'Delete…' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await expectAccessible(page, 'delete confirmation')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)

    await goTo(page, 'Background checks')
    await expect(page.getByTestId('fleet-not-running')).toBeVisible()
    await expectAccessible(page, 'background checks (not running here)')
    await page.getByLabel('Re-check interval', { exact: true }).fill('0')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByTestId('field-error')).toBeVisible()
    await expectAccessible(page, 'background checks (invalid interval)')

    await goTo(page, 'Providers')
    await expectAccessible(page, 'providers')
    await page.getByTestId('provider-text').fill('apiVersion: authdesk.dev/provider/v1\nid: Acme\n')
    await page.getByRole('button', { name: 'Check and add' }).click()
    await expect(page.getByTestId('provider-problems')).toBeVisible()
    await expectAccessible(page, 'providers (a definition with problems)')

    await goTo(page, 'Security')
    await expectAccessible(page, 'security')
    await goTo(page, 'About')
    await expectAccessible(page, 'about')

    await goTo(page, 'Dashboard')
    await switchWorkspace(page, 'My accounts')
    await expect(page.getByTestId('accounts-empty')).toBeVisible()
    await expectAccessible(page, 'dashboard (empty)')

    await startAdding(page)
    await fillNewAccount(page, { provider: 'Groupcall Messenger', label: 'School office SMS', fields: { 'Customer ID': '24-17', 'API key (Password)': ' "quoted" ', 'Custom base URL (optional)': 'https://sms-relay.example.org' } })
    await save(page)
    await expect(page.getByTestId('field-error').first()).toBeVisible()
    await expectAccessible(page, 'editor (add, with warnings and an error)')

    await page.getByRole('button', { name: 'All accounts' }).click()
    await page.getByRole('button', { name: 'Import from .env' }).click()
    await page.getByLabel('.env contents', { exact: true }).fill('PROD_NMBRS_USERNAME=payroll@example.com\nPROD_NMBRS_TOKEN=4f1c2a9e7b3d5a60\nAUTHMATECH_API_KEY=amk_live_7f3b9c1e')
    await page.getByRole('button', { name: 'Preview' }).click()
    await expect(page.getByTestId('import-preview')).toBeVisible()
    await expectAccessible(page, 'import (preview)')
  })
}
