/** Page helpers for the account editor: provider choice, fields by label, secrets by field name. */
import { expect, type Page } from '@playwright/test'

export interface NewAccount {
  /** The provider's label as the editor lists it (a built-in's, or a custom provider's name). */
  readonly provider: string
  readonly label: string
  /** Field values by the field's visible label (e.g. `API token`, `Domain (optional)`). */
  readonly fields: Readonly<Record<string, string>>
  readonly environment?: string
}

export async function startAdding(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add account' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Add account' })).toBeVisible()
}

export async function fillNewAccount(page: Page, account: NewAccount): Promise<void> {
  await page.getByRole('group', { name: 'Provider' }).getByText(account.provider, { exact: true }).click()
  await expect(page.getByRole('radio', { name: new RegExp(`^${account.provider.replace(/[()]/g, '\\$&')}`) })).toBeChecked()
  await page.getByLabel('Label', { exact: true }).fill(account.label)
  if (account.environment) await page.getByLabel('Environment', { exact: true }).selectOption({ label: account.environment })
  for (const [label, value] of Object.entries(account.fields)) await page.getByLabel(label, { exact: true }).fill(value)
}

export async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Add account|Save changes)$/ }).last().click()
}

/** The editor's block for one provider field (by convention name, e.g. `PASSWORD`). */
export function field(page: Page, name: string) {
  return page.locator(`[data-field="fields.${name}"]`)
}

export async function storedSecret(page: Page, name: string): Promise<{ tail: string; fingerprint: string }> {
  const block = field(page, name)
  return { tail: await block.getByTestId('secret-tail').innerText(), fingerprint: await block.getByTestId('secret-fingerprint').innerText() }
}
