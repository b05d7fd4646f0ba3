import { expect, type Page } from '@playwright/test'
import type { Harness } from '../../support/harness/harness'

/** Everywhere a secret must never appear once typed: the DOM, web storage, IPC answers and events, the core log. */
export async function expectNowhere(app: Harness, page: Page, secret: string): Promise<void> {
  expect(await page.content()).not.toContain(secret)
  const storage = await page.evaluate(() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie]))
  expect(storage).not.toContain(secret)
  expect(JSON.stringify(app.ipcAnswers)).not.toContain(secret)
  expect(app.logLines.join('\n')).not.toContain(secret)
}
