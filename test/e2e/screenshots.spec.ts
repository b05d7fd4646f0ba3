/**
 * `npm run screenshots`: one screenshot of each screen in the light and the dark theme, written
 * to docs/screenshots/<screen>-<theme>.png. Skipped in ordinary test runs.
 */
import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, goTo, openAccount, openEditor, row, switchWorkspace } from './pages/app-page'
import { holdGroupcall, openBackgroundChecks, roundStatus, withScheduler } from './pages/fleet-page'
import { checkAll, checkNow, clearFaults, slowDemo } from './pages/health-page'

const DIR = 'docs/screenshots'

test.skip(process.env.SCREENSHOTS !== '1', 'Screenshots are taken by `npm run screenshots` only (SCREENSHOTS=1).')
test.use({ viewport: { width: 1280, height: 800 } })

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots (${theme})`, async ({ app }) => {
    test.setTimeout(180_000)
    const { page } = app
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
    /** Toasts are dismissed through the app (removing React's nodes by hand would break the page). */
    const dismissToasts = async (): Promise<void> => {
      const toasts = page.getByTestId('toast')
      while ((await toasts.count()) > 0) await toasts.first().getByRole('button', { name: 'Dismiss' }).click()
    }
    /** Long forms are shot in a taller window, from the top. */
    const shot = async (name: string, height = 800): Promise<void> => {
      await page.setViewportSize({ width: 1280, height })
      if ((await page.locator('dialog[open]').count()) === 0) await dismissToasts()
      await page.locator('.main-content').evaluate((content) => content.scrollTo(0, 0))
      await page.screenshot({ path: `${DIR}/${name}-${theme}.png` })
      await page.setViewportSize({ width: 1280, height: 800 })
    }

    await dashboardReady(page)
    await expect(row(page, 'Authmatech · valid')).toBeVisible()
    await shot('dashboard-demo')

    slowDemo(app, 4000)
    await page.getByRole('button', { name: 'Check all' }).click()
    await expect(page.getByTestId('check-all-status')).toHaveText(/^Checking \d+ of \d+/)
    await page.waitForTimeout(300)
    await shot('dashboard-checking')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByTestId('check-all-status')).toHaveText(/^Cancelled/, { timeout: 15_000 })
    clearFaults(app)
    await checkAll(page)
    await shot('dashboard-checked')
    // The narrowest window: each row folds into two lines, nothing scrolls sideways.
    await page.setViewportSize({ width: 900, height: 800 })
    await dismissToasts()
    await page.screenshot({ path: `${DIR}/dashboard-900-${theme}.png` })
    await page.setViewportSize({ width: 1280, height: 800 })

    await openAccount(page, 'Nmbrs (SOAP v3) · token-not-yet-in-sandbox')
    await page.getByRole('button', { name: 'Troubleshoot' }).click()
    await expect(page.getByTestId('wizard-environment-fix')).toBeVisible()
    await shot('wizard-environment', 900)
    await goTo(page, 'Dashboard')

    await openAccount(page, 'Nmbrs (SOAP v3) · domain-wrong')
    await checkNow(page)
    await page.getByTestId('exchange').first().locator('summary').click()
    await shot('account-failing', 1500)

    await page.getByRole('button', { name: 'Troubleshoot' }).click()
    await expect(page.getByTestId('wizard-domain-fix')).toBeVisible()
    await shot('wizard', 900)
    await page.getByRole('button', { name: 'Use “acme” and re-test' }).click()
    await expect(page.getByTestId('wizard-fixed')).toBeVisible()
    await shot('wizard-fixed', 900)

    await goTo(page, 'Dashboard')
    await openAccount(page, 'SMSGate · valid')
    await page.getByLabel('Lifetime in seconds (optional)').fill('3600')
    await page.getByRole('button', { name: 'Issue token' }).click()
    await expect(page.getByTestId('token-status')).toHaveText('Active')
    await checkNow(page)
    await page.getByTestId('token-panel').scrollIntoViewIfNeeded()
    await shot('account-tokens', 1700)

    await goTo(page, 'Dashboard')
    await openAccount(page, 'Authmatech · product-not-enabled')
    await checkNow(page)
    await dismissToasts()
    await page.getByRole('button', { name: 'Rotate key…' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await shot('rotate-key', 900)
    await page.keyboard.press('Escape')

    await goTo(page, 'Dashboard')
    await openAccount(page, 'Groupcall Messenger · sms-not-allowed')
    await checkNow(page)
    await page.getByRole('button', { name: 'Troubleshoot' }).click()
    await page.getByRole('button', { name: 'No, this looks right' }).click()
    await expect(page.getByTestId('wizard-stuck')).toBeVisible()
    await shot('wizard-stuck', 900)
    await page.getByRole('button', { name: 'Create support bundle' }).click()
    await expect(page.getByTestId('bundle-content')).toBeVisible()
    await shot('bundle', 1100)

    await goTo(page, 'Dashboard')
    await openEditor(page, 'SMSGate · token-valid')
    await shot('editor-edit', 1260)

    await goTo(page, 'Security')
    await shot('security', 1500)
    await goTo(page, 'About')
    await shot('about', 900)

    await goTo(page, 'Dashboard')
    await switchWorkspace(page, 'My accounts')
    await expect(page.getByTestId('accounts-empty')).toBeVisible()
    await shot('dashboard-empty')

    await page.getByRole('button', { name: 'Add account' }).first().click()
    await page.getByText('Nmbrs (SOAP v3)', { exact: true }).click()
    await page.getByLabel('Label', { exact: true }).fill('Payroll production')
    await page.getByLabel('Username (login e-mail)', { exact: true }).fill('payroll@example.com')
    await page.getByLabel('API token', { exact: true }).fill(' 4f1c2a9e7b3d ')
    await page.getByLabel('Domain (optional)', { exact: true }).fill('acme')
    await shot('editor-add', 1300)

    await page.getByRole('button', { name: 'All accounts' }).click()
    await page.getByRole('button', { name: 'Import from .env' }).click()
    await page.getByLabel('.env contents', { exact: true }).fill(
      ['PROD_NMBRS_USERNAME=payroll@example.com', 'PROD_NMBRS_TOKEN=4f1c2a9e7b3d5a60', 'SCHOOL_GROUPCALL_CUSTOMER_ID=1469', 'SCHOOL_GROUPCALL_PASSWORD=k3y-for-the-office', 'SMSGATE_USERNAME=gateway', 'SMSGATE_PASSWORD=swordfish-2026', 'AUTHMATECH_API_KEY=ak_live_7f3b', 'AUTHMATECH_CLEINT_ID=x'].join('\n'),
    )
    await page.getByRole('button', { name: 'Preview' }).click()
    await expect(page.getByTestId('import-preview')).toBeVisible()
    await shot('import', 1200)
  })
}

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot of background checks with a round running (${theme})`, async ({ page }) => {
    await withScheduler(page, async (app, clock) => {
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
      await holdGroupcall(app)
      await openBackgroundChecks(page)
      clock.advance(31_000)
      await expect(roundStatus(page)).toHaveText(/^Checking \d+ of \d+$/)
      await page.waitForTimeout(1000)
      await page.setViewportSize({ width: 1280, height: 1250 })
      await page.screenshot({ path: `${DIR}/background-checks-${theme}.png` })
      await page.getByRole('button', { name: 'Cancel round' }).click()
      await expect(roundStatus(page)).toHaveText(/^Last round/, { timeout: 15_000 })
    })
  })
}
