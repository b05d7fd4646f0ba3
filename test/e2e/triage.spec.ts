import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, row, rows } from './pages/app-page'
import { checkAll } from './pages/health-page'

const STATE_RANK = ['failing', 'degraded', 'unknown', 'unchecked', 'healthy']

test('after "Check all" the dashboard leads with what needs a person: the summary, failing and unknown first, shared causes grouped', async ({ app }) => {
  test.setTimeout(60_000)
  const { page, services } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await dashboardReady(page)
  // Before the first check: what AuthDesk does, and "Check all" as the primary action.
  await expect(page.getByTestId('first-run-intro')).toContainText('AuthDesk checks that each API credential still works')
  await expect(page.getByRole('button', { name: 'Check all' })).toHaveClass(/btn-primary/)
  await expect(page.getByRole('button', { name: 'Add account' })).not.toHaveClass(/btn-primary/)

  await checkAll(page)
  const health = await services.health.list()
  const count = (state: string) => health.filter((h) => h.latest?.state === state).length
  const failing = count('failing')
  expect(failing).toBeGreaterThan(10)
  const summary = page.getByTestId('triage-summary')
  const expected = ['failing', 'degraded', 'unknown', 'healthy'].filter((s) => count(s) > 0).map((s) => `${count(s)} ${s}`)
  expect(expected[0]).toBe(`${failing} failing`)
  await expect(summary).toHaveText(expected.join(' · '))
  await expect(page.getByTestId('first-run-intro')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Add account' })).toHaveClass(/btn-primary/)
  await expect(page.getByTestId('nav-failing-count')).toHaveText(`${failing} failing`)

  // Most urgent first: the states of the rows in view never go back up the ranking.
  const states = await rows(page).locator('[data-state]').evaluateAll((badges) => badges.map((b) => b.getAttribute('data-state') ?? ''))
  expect(states.length).toBeGreaterThanOrEqual(15)
  const ranks = states.map((s) => STATE_RANK.indexOf(s))
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  expect(states[0]).toBe('failing')

  // A cause shared by several accounts gets one heading with the count; each row keeps its own full reason.
  const rejected = health.filter((h) => h.latest?.state === 'failing' && h.latest.cause === 'credentials.invalid').length
  expect(rejected).toBeGreaterThanOrEqual(3)
  await expect(page.locator('[data-testid="cause-group"][data-cause="credentials.invalid"]')).toHaveText(`${rejected} × Credentials rejected`)
  const domainWrong = row(page, 'Nmbrs (SOAP v3) · domain-wrong')
  await page.getByLabel('Search accounts').fill('domain-wrong')
  await expect(domainWrong.getByTestId('row-reason')).toHaveText("The domain 'acme-bv' was refused; this token's domain is 'acme'.")
  await page.getByLabel('Search accounts').fill('')

  // The summary filters on click, and again shows all.
  await summary.getByRole('button', { name: /unknown/ }).click()
  await expect(summary.getByRole('button', { name: /unknown/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(rows(page)).toHaveCount(count('unknown'))
  for (const state of await rows(page).locator('[data-state]').allTextContents()) expect(state).toBe('Unknown')
  await page.getByRole('button', { name: /^Show all/ }).click()
  await expect(summary.getByRole('button', { name: /unknown/ })).toHaveAttribute('aria-pressed', 'false')

  // At 1280 × 800 at least 15 accounts are in view under the Demo banner.
  const table = await page.getByTestId('account-table').locator('[role="rowgroup"]').nth(1).boundingBox()
  const inView = await rows(page).evaluateAll(
    (all, bottom) => all.filter((r) => { const box = r.getBoundingClientRect(); return box.height > 0 && box.bottom <= bottom }).length,
    (table?.y ?? 0) + (table?.height ?? 0),
  )
  expect(inView).toBeGreaterThanOrEqual(15)
})

test('Troubleshoot from a failing row opens the wizard for that account', async ({ app }) => {
  const { page, services } = app
  await dashboardReady(page)
  const label = 'Nmbrs (SOAP v3) · domain-wrong'
  const id = (await services.vault.list()).find((a) => a.label === label)?.id ?? ''
  await services.health.check(id)
  await page.getByLabel('Search accounts').fill('domain-wrong')
  const failing = row(page, label)
  await expect(failing.locator('[data-state="failing"]')).toBeVisible()
  // Healthy and unchecked rows have nothing to troubleshoot.
  await expect(row(page, 'Nmbrs (SOAP v3) · valid-sandbox').getByRole('button', { name: /^Troubleshoot/ })).toHaveCount(0)
  await failing.getByRole('button', { name: `Troubleshoot ${label}` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Troubleshoot')
  await expect(page.getByTestId('wizard-domain-fix')).toBeVisible()

  // The row menu offers it too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Dashboard/ }).click()
  await page.getByLabel('Search accounts').fill('domain-wrong')
  await failing.getByRole('button', { name: `Actions for ${label}` }).click()
  await page.getByRole('menuitem', { name: 'Troubleshoot' }).click()
  await expect(page.getByTestId('wizard-domain-fix')).toBeVisible()
})

test('a cut-off label has a tooltip and the Account column can be widened, by the keyboard too', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await dashboardReady(page)
  const label = 'Authmatech · balance-exhausted'
  const cell = row(page, label).locator('.cell-account')
  await expect(cell).toHaveAttribute('title', new RegExp(`^${label}\n`))
  const before = (await cell.boundingBox())!.width
  const resizer = page.getByRole('separator', { name: 'Account column width' })
  await resizer.focus()
  // A screen reader hears how wide in words, never a pixel count.
  await expect(resizer).toHaveAttribute('aria-valuetext', /^(narrow|medium|wide)/)
  await expect(resizer).not.toHaveAttribute('aria-valuetext', /px/)
  for (let i = 0; i < 4; i++) await resizer.press('ArrowRight')
  await expect.poll(async () => (await cell.boundingBox())!.width).toBeGreaterThan(before + 60)
  await resizer.press('End')
  await expect(resizer).toHaveAttribute('aria-valuetext', 'widest')
  await expect(resizer).toHaveAttribute('aria-valuenow', '100')
  const title = row(page, label).locator('.row-title')
  expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
})

test('search and filters belong to their workspace', async ({ app }) => {
  const { page } = app
  await dashboardReady(page)
  await page.getByLabel('Search accounts').fill('smsgate')
  await page.getByTestId('workspace-switcher').getByText('My accounts', { exact: true }).click()
  await expect(page.getByTestId('accounts-empty')).toBeVisible()
  await page.getByTestId('workspace-switcher').getByText('Demo', { exact: true }).click()
  await expect(page.getByLabel('Search accounts')).toHaveValue('smsgate')
})
