import type { Page } from '@playwright/test'
import { expect, test } from '../support/harness/fixtures'
import { HOSTILE, startHostileProviders, type HostileProviders } from '../support/harness/hostile-providers'
import { dashboardReady, openAccount } from './pages/app-page'
import { checkAll } from './pages/health-page'

/** Nothing ran, no element came from provider markup, and no element carries an inline handler. */
async function expectInert(page: Page, where: string): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    injected: document.querySelectorAll('img, script:not([src]), iframe, object, embed, svg:not(.icon):not(.logo)').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
  }))
  expect(state, where).toEqual({ pwned: null, injected: 0, handlers: 0 })
}

/** Opens every exchange of the transcript so the raw provider bodies are on screen. */
async function openTranscript(page: Page): Promise<void> {
  const exchanges = page.getByTestId('exchange')
  for (let i = 0; i < (await exchanges.count()); i++) await exchanges.nth(i).locator('summary').click()
}

let hostile: HostileProviders
test.beforeEach(async () => {
  hostile = await startHostileProviders()
})
test.afterEach(async () => {
  await hostile.close()
})

test('HTML and script in every provider text the UI shows (messages, warnings, SOAP faults, codes, products, JWT claims) stay literal text', async ({ app }) => {
  test.setTimeout(90_000)
  const { page, services } = app
  await dashboardReady(page)
  for (const draft of hostile.accounts) await services.vault.create(draft)
  await checkAll(page)
  await page.getByLabel('Search accounts').fill('Hostile')
  await expect(page.getByTestId('account-row')).toHaveCount(hostile.accounts.length)
  await expectInert(page, 'dashboard')

  await openAccount(page, 'Hostile Groupcall warning')
  await expect(page.getByTestId('diagnosis-evidence')).toContainText(`Customer does not allow sending SMS ${HOSTILE.img}`)
  await openTranscript(page)
  // Raw bodies: JSON escapes the quotes, the markup is still there as text.
  await expect(page.getByTestId('transcript')).toContainText('<img src=x onerror=')
  await expectInert(page, 'Groupcall warning')

  await page.getByRole('button', { name: 'All accounts' }).click()
  await openAccount(page, 'Hostile Groupcall error')
  await expect(page.getByTestId('diagnosis-evidence')).toContainText(`Data is not valid, no messages sent ${HOSTILE.script}`)
  await openTranscript(page)
  await expect(page.getByTestId('transcript')).toContainText('<svg onload=')
  await expectInert(page, 'Groupcall error')

  await page.getByRole('button', { name: 'All accounts' }).click()
  await openAccount(page, 'Hostile Nmbrs fault')
  await expect(page.getByTestId('diagnosis-evidence')).toContainText(`1001: Invalid Authentication ${HOSTILE.script}`)
  await expect(page.getByTestId('suggested-domain')).toHaveText(HOSTILE.svg)
  await expect(page.getByTestId('diagnosis-summary')).toContainText(HOSTILE.svg)
  await openTranscript(page)
  await expect(page.getByTestId('history-timeline')).toContainText(HOSTILE.svg)
  await expectInert(page, 'Nmbrs SOAP fault')
  await page.getByRole('button', { name: 'Troubleshoot' }).click()
  await expect(page.getByTestId('wizard-suggested-domain')).toHaveText(HOSTILE.svg)
  await expect(page.getByRole('button', { name: `Use “${HOSTILE.svg}” and re-test` })).toBeVisible()
  await expectInert(page, 'Nmbrs wizard')

  await page.getByRole('button', { name: 'Back to the account' }).click()
  await page.getByRole('button', { name: 'All accounts' }).click()
  await openAccount(page, 'Hostile Authmatech message')
  await expect(page.getByTestId('diagnosis-evidence')).toContainText(`Unauthorized ${HOSTILE.img}`)
  await expect(page.getByTestId('diagnosis-evidence')).toContainText(HOSTILE.iframe)
  await expectInert(page, 'Authmatech message and code')

  await page.getByRole('button', { name: 'All accounts' }).click()
  await openAccount(page, 'Hostile Authmatech products')
  // Product names are read case-insensitively and shown upper-case: still literal text, never markup.
  // The account uses no product, so the check is healthy (with the list as a fact) and has no wizard.
  await expect(page.getByRole('list', { name: 'Enabled products' })).toHaveText(HOSTILE.img.toUpperCase())
  await expectInert(page, 'Authmatech products')

  await page.getByRole('button', { name: 'All accounts' }).click()
  await openAccount(page, 'Hostile SMSGate token')
  await expect(page.getByTestId('token-issuer')).toHaveText(HOSTILE.script)
  await expect(page.getByTestId('token-scopes')).toContainText(HOSTILE.img)
  await expect(page.getByTestId('diagnosis-evidence')).toContainText(`Unauthorized ${HOSTILE.svg}${HOSTILE.script}`)
  await page.getByRole('button', { name: 'Troubleshoot' }).click()
  await expect(page.getByTestId('wizard-token-claims')).toContainText(HOSTILE.script)
  await expect(page.getByTestId('wizard-token-claims')).toContainText(HOSTILE.img)
  await expectInert(page, 'SMSGate claims')

  // The support bundle preview shows the same texts, as text.
  await page.getByRole('button', { name: 'Back to the account' }).click()
  await page.getByRole('button', { name: 'Support bundle' }).click()
  await page.getByRole('button', { name: 'exchanges.har' }).click()
  await expect(page.getByTestId('bundle-content')).toContainText('Unauthorized')
  await expect(page.getByTestId('bundle-content')).toContainText('<svg onload=')
  await expectInert(page, 'bundle preview')
})
