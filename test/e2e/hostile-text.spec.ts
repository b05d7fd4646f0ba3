import type { Page } from '@playwright/test'
import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, openEditor, row, switchWorkspace } from './pages/app-page'

const LABEL = `<img src=x onerror="window.__pwned='label'">`
const NOTES = `<script>window.__pwned='notes'</script><b onmouseover="window.__pwned='b'">bold</b>`
const USERNAME = `<svg/onload=window.__pwned=1>`
const EMAIL = `<img/src=x/onerror=window.__pwned=2>@example.com`

/** Nothing ran, and no element carries an inline handler or came from the injected markup. */
async function expectInert(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    injected: document.querySelectorAll('img, script:not([src]), b, iframe, object').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
  }))
  expect(state).toEqual({ pwned: null, injected: 0, handlers: 0 })
}

test('HTML and script in every account text the UI displays render as literal text and never run', async ({ app }) => {
  const { page, services } = app
  await dashboardReady(page)
  await switchWorkspace(page, 'My accounts')
  await services.vault.create({ label: LABEL, provider: 'smsgate', fields: { USERNAME, PASSWORD: 'p4ss-Gw-2026-x9' }, notes: NOTES })
  await services.vault.create({ label: `${LABEL} nmbrs`, provider: 'nmbrs', fields: { USERNAME: EMAIL, TOKEN: '9b2f4c6d8e1a3b5c7d9e' }, notes: NOTES })

  await expect(row(page, LABEL).locator('.row-title')).toHaveText(LABEL)
  await expect(row(page, LABEL).getByTestId('credential-summary')).toContainText(`USERNAME ${USERNAME}`)
  await expect(row(page, `${LABEL} nmbrs`).getByTestId('credential-summary')).toContainText(`USERNAME ${EMAIL}`)
  await page.getByLabel('Search accounts').fill('<script>')
  await expect(page.getByTestId('accounts-no-match')).toBeVisible()
  await page.getByLabel('Search accounts').fill('')
  await expectInert(page)

  await row(page, LABEL).getByRole('button', { name: `Actions for ${LABEL}` }).click()
  await expect(page.getByRole('menu', { name: `Actions for ${LABEL}` })).toBeVisible()
  await page.getByRole('menuitem', { name: 'Duplicate' }).click()
  await expect(page.getByTestId('toast').filter({ hasText: `Duplicated as “${LABEL} (copy)”` })).toBeVisible()
  await row(page, `${LABEL} (copy)`).getByRole('button', { name: `Actions for ${LABEL} (copy)` }).click()
  await page.getByRole('menuitem', { name: 'Delete…' }).click()
  await expect(page.getByRole('dialog')).toContainText(`Delete “${LABEL} (copy)”?`)
  await expectInert(page)
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()

  await openEditor(page, LABEL)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LABEL)
  await expect(page.getByLabel('Label', { exact: true })).toHaveValue(LABEL)
  await expect(page.getByLabel('Notes (optional)', { exact: true })).toHaveValue(NOTES)
  await expect(page.getByLabel('Username (optional)', { exact: true })).toHaveValue(USERNAME)
  await page.mouse.move(400, 300)
  await expectInert(page)
})
