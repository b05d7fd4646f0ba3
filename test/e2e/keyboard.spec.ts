import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, row, switchWorkspace } from './pages/app-page'
import { focused, tabStops } from './pages/focus'

test('Tab reaches every control of the shell and the dashboard, each with a visible focus ring', async ({ app }) => {
  const { page } = app
  await dashboardReady(page)
  const stops = await tabStops(page, 24)
  const names = stops.map((s) => s.name)
  for (const expected of [
    /^a Skip to content/,
    /^input:radio Demo/,
    /^button Dashboard/,
    /^button Background checks/,
    /^button Security/,
    /^button About/,
    /^button Go to My accounts/,
    /^button Check all/,
    /^button Import \.env/,
    /^button Add account/,
    /^input:search Search accounts/,
    /^select Filter by provider/,
    /^button Account/,
    /^button Provider/,
    /^button State/,
    /^button Checked/,
    /^button Authmatech · balance-exhausted/,
    /^button Actions for Authmatech · balance-exhausted/,
  ])
    expect(names, `a Tab stop matching ${expected}`).toContainEqual(expect.stringMatching(expected))
  expect(stops.filter((s) => !s.visible).map((s) => s.name)).toEqual([])
})

test('everything works from the keyboard alone: menu, dialog, editor and workspace switch', async ({ app }) => {
  const { page } = app
  await dashboardReady(page)
  const menuButton = row(page, 'Authmatech · valid').getByRole('button', { name: 'Actions for Authmatech · valid' })
  await menuButton.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menuitem', { name: 'Check now' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused()
  await page.keyboard.press('End')
  await expect(page.getByRole('menuitem', { name: 'Delete…' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)
  await expect(menuButton).toBeFocused()

  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Delete “Authmatech · valid”?' })
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  expect((await focused(page)).visible).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(menuButton).toBeFocused()

  // Open the account with Enter on its title; the screen's heading takes focus. Edit is the next Tab stop.
  await row(page, 'Authmatech · valid').getByRole('button', { name: 'Authmatech · valid', exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Authmatech · valid' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Authmatech · valid' })).toBeFocused()
  const label = page.getByLabel('Label', { exact: true })
  await label.focus()
  await page.keyboard.press('End')
  await page.keyboard.type(' (renamed)')
  await page.keyboard.press('Enter')
  // Saving returns to the account it was opened from.
  await expect(page.getByRole('heading', { level: 1, name: 'Authmatech · valid (renamed)' })).toBeVisible()
  await page.getByRole('button', { name: 'All accounts' }).press('Enter')
  await expect(row(page, 'Authmatech · valid (renamed)')).toBeVisible()

  // The workspace switch is a radio group: arrow keys move the choice.
  await page.getByRole('radio', { name: /^Demo/ }).focus()
  await page.keyboard.press('ArrowUp')
  await expect(page.getByTestId('accounts-empty')).toBeVisible()
  await expect(page.getByRole('radio', { name: /^My accounts/ })).toBeFocused()
  await switchWorkspace(page, 'Demo')
})

test('the account detail, the wizard and the bundle are reachable and usable from the keyboard, with visible focus', async ({ app }) => {
  const { page, services } = app
  await dashboardReady(page)
  const id = (await services.vault.list()).find((a) => a.label === 'Nmbrs (SOAP v3) · domain-wrong')!.id
  await services.health.check(id)
  await page.getByLabel('Search accounts').fill('domain-wrong')
  // The check's result has arrived (health:changed) before the detail is opened.
  await expect(row(page, 'Nmbrs (SOAP v3) · domain-wrong').locator('[data-state="failing"]')).toBeVisible()
  await row(page, 'Nmbrs (SOAP v3) · domain-wrong').getByRole('button', { name: 'Nmbrs (SOAP v3) · domain-wrong', exact: true }).press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Nmbrs (SOAP v3) · domain-wrong' })).toBeFocused()

  const stops = await tabStops(page, 12)
  for (const expected of [/^button Edit/, /^button Support bundle/, /^button Troubleshoot/, /^button Check now/, /^summary POST /])
    expect(stops.map((s) => s.name), `a Tab stop matching ${expected}`).toContainEqual(expect.stringMatching(expected))
  // Past the last control focus leaves the page (body) and comes back to the top.
  expect(stops.filter((s) => !s.visible && s.name !== 'body').map((s) => s.name)).toEqual([])

  // Open the first exchange with the keyboard; its text blocks take focus to scroll.
  await page.getByTestId('exchange').first().locator('summary').focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  expect((await focused(page)).name).toMatch(/^pre Request 1/)
  expect((await focused(page)).visible).toBe(true)

  await page.getByRole('button', { name: 'Troubleshoot' }).press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Troubleshoot “Nmbrs (SOAP v3) · domain-wrong”' })).toBeFocused()
  const wizardStops = await tabStops(page, 4)
  expect(wizardStops.map((s) => s.name)).toContainEqual(expect.stringMatching(/^button Use “acme” and re-test/))
  expect(wizardStops.filter((s) => !s.visible && s.name !== 'body')).toEqual([])
  await page.getByRole('button', { name: 'Use “acme” and re-test' }).press('Enter')
  await expect(page.getByTestId('wizard-fixed')).toBeVisible()
  await page.getByRole('button', { name: 'Back to the account' }).last().press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Nmbrs (SOAP v3) · domain-wrong' })).toBeFocused()

  await page.getByRole('button', { name: 'Support bundle' }).press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Support bundle' })).toBeFocused()
  await page.getByRole('button', { name: 'diagnosis.json' }).press('Enter')
  await expect(page.getByRole('button', { name: 'diagnosis.json' })).toHaveAttribute('aria-current', 'true')
  await page.getByRole('checkbox', { name: 'USERNAME', exact: true }).press('Space')
  await expect(page.getByRole('checkbox', { name: 'USERNAME', exact: true })).not.toBeChecked()
})
