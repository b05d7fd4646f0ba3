import { expect, test } from '../support/harness/fixtures'
import { expectAccessible } from './pages/axe'
import { dashboardReady, goTo, openAccount } from './pages/app-page'
import { checkNow, clearFaults, slowDemo } from './pages/health-page'

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violation on the health screens: check-all, account detail, tokens, wizard, bundle (${colorScheme} theme)`, async ({ app }) => {
    test.setTimeout(150_000)
    const { page } = app
    await page.emulateMedia({ colorScheme })
    await dashboardReady(page)

    slowDemo(app, 3000)
    await page.getByRole('button', { name: 'Check all' }).click()
    await expect(page.getByTestId('check-all-status')).toHaveText(/^Checking/)
    await expectAccessible(page, 'dashboard (check all running)')
    clearFaults(app)
    await expect(page.getByTestId('check-all-status')).toHaveText(/^Checked/, { timeout: 30_000 })
    await expectAccessible(page, 'dashboard (checked)')

    await openAccount(page, 'Nmbrs (SOAP v3) · token-not-yet-in-sandbox')
    await page.getByTestId('exchange').first().locator('summary').click()
    await expectAccessible(page, 'account detail (failing, inferred, transcript open)')

    await goTo(page, 'Dashboard')
    await openAccount(page, 'SMSGate · valid')
    await page.getByTestId('token-panel').getByRole('button', { name: 'Issue token' }).click()
    await expect(page.getByTestId('token-status')).toHaveText('Active')
    await checkNow(page)
    await expectAccessible(page, 'account detail (SMSGate token panel)')
    await page.getByRole('button', { name: /^Revoke token / }).first().click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await expectAccessible(page, 'revoke confirmation')
    await page.keyboard.press('Escape')

    await goTo(page, 'Dashboard')
    await openAccount(page, 'Authmatech · product-not-enabled')
    await page.getByRole('button', { name: 'Rotate key…' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await expectAccessible(page, 'rotate key dialog')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Troubleshoot' }).click()
    await expect(page.getByTestId('wizard-products')).toBeVisible()
    await expectAccessible(page, 'wizard (products)')

    await goTo(page, 'Dashboard')
    await openAccount(page, 'SMSGate · token-missing-scope')
    await page.getByRole('button', { name: 'Troubleshoot' }).click()
    await expect(page.getByTestId('wizard-token-issue-unavailable')).toBeVisible()
    await expectAccessible(page, 'wizard (a token fix not possible here)')

    await goTo(page, 'Dashboard')
    await openAccount(page, 'Nmbrs (SOAP v3) · domain-wrong')
    await page.getByRole('button', { name: 'Troubleshoot' }).click()
    await expect(page.getByTestId('wizard-domain-fix')).toBeVisible()
    await expectAccessible(page, 'wizard (domain fix)')
    await page.getByRole('button', { name: 'Use “acme” and re-test' }).click()
    await expect(page.getByTestId('wizard-fixed')).toBeVisible()
    await expectAccessible(page, 'wizard (fixed, with trail)')

    await goTo(page, 'Dashboard')
    await openAccount(page, 'Groupcall Messenger · sms-not-allowed')
    await page.getByRole('button', { name: 'Troubleshoot' }).click()
    await page.getByRole('button', { name: 'No, this looks right' }).click()
    await expect(page.getByTestId('wizard-stuck')).toBeVisible()
    await expectAccessible(page, 'wizard (still failing)')
    await page.getByRole('button', { name: 'Create support bundle' }).click()
    await expect(page.getByTestId('bundle-content')).toBeVisible()
    await expectAccessible(page, 'support bundle')
  })
}
