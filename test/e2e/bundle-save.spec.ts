import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, openAccount } from './pages/app-page'
import { checkNow } from './pages/health-page'

test('a bundle is saved where the Save dialog says (main picks it, never the page), with "Show in folder"; a cancelled dialog saves nothing', async ({ app }) => {
  const { page, saveDialog } = app
  await dashboardReady(page)
  await openAccount(page, 'Nmbrs (SOAP v3) · domain-wrong')
  await checkNow(page)
  await page.getByRole('button', { name: 'Support bundle' }).click()
  await expect(page.getByTestId('bundle-scan')).toContainText('no secret found')

  saveDialog.answer = 'cancel'
  await page.getByRole('button', { name: 'Export bundle' }).click()
  await expect(page.getByTestId('bundle-not-saved')).toContainText('Not saved: the Save dialog was closed')
  await expect(page.getByTestId('bundle-exported')).toHaveCount(0)
  expect(saveDialog.asked).toEqual([expect.stringMatching(/^authdesk-Nmbrs-SOAP-v3-domain-wrong-.*\.zip$/)])

  saveDialog.answer = 'save'
  await page.getByRole('button', { name: 'Export bundle' }).click()
  await expect.poll(() => saveDialog.asked.length).toBe(2)
  const saved = join(app.dataDir, 'saved', saveDialog.asked[1]!)
  await expect(page.getByTestId('bundle-exported')).toContainText(saved)
  expect((await stat(saved)).size).toBeGreaterThan(0)
  await page.getByRole('button', { name: 'Show in folder' }).click()
  await expect.poll(() => saveDialog.revealed).toEqual([saved])
})
