/** Page helpers for the e2e specs: navigation and the workspace switch, by role and label. */
import { expect, type Page } from '@playwright/test'

export async function goTo(page: Page, screen: 'Dashboard' | 'Background checks' | 'Providers' | 'Security' | 'About'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click()
  await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible()
}

export async function switchWorkspace(page: Page, to: 'My accounts' | 'Demo'): Promise<void> {
  await page.getByTestId('workspace-switcher').getByText(to, { exact: true }).click()
  await expect(page.getByRole('radio', { name: new RegExp(`^${to}`) })).toBeChecked()
  if (to === 'Demo') await expect(page.getByTestId('demo-banner')).toBeVisible()
  else await expect(page.getByTestId('demo-banner')).toHaveCount(0)
}

export function rows(page: Page) {
  return page.getByTestId('account-row')
}

export function row(page: Page, label: string) {
  return rows(page).filter({ has: page.getByRole('button', { name: label, exact: true }) })
}

/** Opens an account's detail screen from the dashboard by its label (the row's title button). */
export async function openAccount(page: Page, label: string): Promise<void> {
  await page.getByLabel('Search accounts').fill(label)
  await row(page, label).getByRole('button', { name: label, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible()
  await expect(page.getByTestId('account-detail')).toBeVisible()
}

/** Opens an account's editor from its row menu on the dashboard (saving returns to the dashboard). */
export async function openEditor(page: Page, label: string): Promise<void> {
  await page.getByLabel('Search accounts').fill(label)
  await row(page, label).getByRole('button', { name: `Actions for ${label}` }).click()
  await page.getByRole('menuitem', { name: 'Edit' }).click()
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible()
  await expect(page.getByLabel('Label', { exact: true })).toBeVisible()
}

/** Waits until the dashboard shows accounts (or its empty state). */
export async function dashboardReady(page: Page): Promise<void> {
  await expect(page.getByTestId('account-table').or(page.getByTestId('accounts-empty'))).toBeVisible()
}
