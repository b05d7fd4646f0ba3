/** Page helpers for checks, the account detail, the wizard and the token panel. */
import { expect, type Page } from '@playwright/test'
import type { Harness } from '../../support/harness/harness'

/** Runs "Check now" on the open account detail and waits for the verdict. */
export async function checkNow(page: Page): Promise<void> {
  const button = page.getByTestId('account-detail').getByRole('button', { name: 'Check now' })
  await button.click()
  await expect(page.getByTestId('account-detail').getByRole('button', { name: 'Check now' })).toBeEnabled()
  await expect(page.getByTestId('diagnosis-summary')).toBeVisible()
}

/** Starts "Check all" on the dashboard and waits until it has finished. */
export async function checkAll(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check all' }).click()
  await expect(page.getByTestId('check-all-status')).toHaveText(/^Checked \d+ accounts?/, { timeout: 30_000 })
}

/** Slows every simulator's answers (per request), so progress and "Checking…" states can be seen. */
export function slowDemo(app: Harness, latencyMs: number, count?: number): void {
  const demo = app.services.workspaces.demoWorkspace
  if (!demo) throw new Error('The Demo workspace is not active')
  for (const sim of Object.values(demo.simulators.byId)) sim.faults.add({ kind: 'latency', latencyMs, ...(count ? { count } : {}) })
}

export function clearFaults(app: Harness): void {
  for (const sim of Object.values(app.services.workspaces.demoWorkspace?.simulators.byId ?? {})) sim.faults.clear()
}

/** The id of a Demo account by its label. */
export async function accountId(app: Harness, label: string): Promise<string> {
  const account = (await app.services.vault.list()).find((a) => a.label === label)
  if (!account) throw new Error(`No account "${label}"`)
  return account.id
}
