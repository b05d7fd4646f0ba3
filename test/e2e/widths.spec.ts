import type { Page } from '@playwright/test'
import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, goTo, openAccount, openEditor } from './pages/app-page'
import { checkAll, checkNow } from './pages/health-page'

const WIDTHS = [900, 1024, 1280, 1440] as const

/** Neither the window nor the content area scrolls sideways: everything is reachable without it. */
async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const content = document.querySelector('.main-content')
    const root = document.documentElement
    return {
      page: root.scrollWidth - root.clientWidth,
      content: content ? content.scrollWidth - content.clientWidth : 0,
    }
  })
  expect(overflow, `${screen} at ${page.viewportSize()?.width} px`).toEqual({ page: 0, content: 0 })
}

async function atEveryWidth(page: Page, screen: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 })
    await expectNoSidewaysScroll(page, screen)
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no screen scrolls sideways at 900, 1024, 1280 or 1440 px (${colorScheme} theme)`, async ({ app }) => {
    test.setTimeout(120_000)
    const { page } = app
    await page.emulateMedia({ colorScheme })
    await dashboardReady(page)
    await atEveryWidth(page, 'dashboard (unchecked)')
    await checkAll(page)
    await atEveryWidth(page, 'dashboard (checked)')
    // Narrow windows fold each row into two lines: the reason and the deadline stay in view.
    await page.setViewportSize({ width: 900, height: 800 })
    const first = page.getByTestId('account-row').first()
    const table = await page.getByTestId('account-table').boundingBox()
    const rowBox = await first.boundingBox()
    for (const cell of ['row-reason', 'row-deadline']) {
      const box = await first.getByTestId(cell).boundingBox()
      expect(box && table && box.x + box.width <= table.x + table.width + 0.5, `${cell} inside the table`).toBe(true)
      expect(box && rowBox && box.y + box.height <= rowBox.y + rowBox.height + 0.5, `${cell} inside its row`).toBe(true)
    }
    await expect(first.getByRole('button', { name: /^Actions for/ })).toBeInViewport()
    await page.setViewportSize({ width: 1280, height: 800 })

    await openAccount(page, 'Nmbrs (SOAP v3) · domain-wrong')
    await checkNow(page)
    await atEveryWidth(page, 'account detail')
    await page.getByRole('button', { name: 'Troubleshoot' }).click()
    await expect(page.getByTestId('wizard-domain-fix')).toBeVisible()
    await atEveryWidth(page, 'wizard')

    await goTo(page, 'Dashboard')
    await openAccount(page, 'SMSGate · token-valid')
    await expect(page.getByTestId('token-panel')).toBeVisible()
    await atEveryWidth(page, 'account detail with tokens')

    await goTo(page, 'Dashboard')
    await openEditor(page, 'SMSGate · token-valid')
    await atEveryWidth(page, 'editor')

    await goTo(page, 'Dashboard')
    await page.getByRole('button', { name: 'Import .env' }).click()
    await page.getByLabel('.env contents', { exact: true }).fill('PROD_NMBRS_USERNAME=payroll@example.com\nPROD_NMBRS_TOKEN=4f1c2a9e7b3d5a60\nAUTHMATECH_API_KEY=amk_live_7f3b9c1e')
    await page.getByRole('button', { name: 'Preview' }).click()
    await expect(page.getByTestId('import-preview')).toBeVisible()
    await atEveryWidth(page, 'import preview')

    for (const screen of ['Background checks', 'Security', 'About'] as const) {
      await goTo(page, screen)
      await atEveryWidth(page, screen)
    }
  })
}
