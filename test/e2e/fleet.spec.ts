import { AppError } from '../../src/core/errors'
import { expect, test } from '../support/harness/fixtures'
import { expectAccessible } from './pages/axe'
import { tabStops } from './pages/focus'
import { holdGroupcall, intervalInput, intervalUnit, openBackgroundChecks, providerRow, roundStatus, saveInterval, spyOnConfigure, withScheduler } from './pages/fleet-page'

test('without the scheduler, the screen says background checks are not running here, and keeps the settings', async ({ app }) => {
  const { page } = app
  await openBackgroundChecks(page)
  await expect(page.getByTestId('fleet-not-running')).toContainText('Background checks are not running here')
  await expect(page.getByTestId('fleet-state')).toHaveText('Not running here')
  await expect(page.getByTestId('fleet-next-check')).toHaveText('None planned')
  await expect(page.getByTestId('fleet-paused')).toHaveCount(0)
  await expect(intervalInput(page)).toHaveValue('6')
  await expect(intervalUnit(page)).toHaveValue('hours')
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled()
})

test('a changed interval is sent alone, confirmed, and shown again after a reload', async ({ page }) => {
  await withScheduler(page, async (app) => {
    const calls = spyOnConfigure(app)
    await openBackgroundChecks(page)
    await expect(page.getByTestId('fleet-state')).toHaveText('On')
    await expect(page.getByTestId('fleet-not-running')).toHaveCount(0)
    await expect(page.getByTestId('fleet-interval')).toHaveText('Every 6 hours')

    await saveInterval(page, '90', 'minutes')
    await expect(page.getByTestId('toast')).toContainText('Background-check settings saved.')
    await expect(page.getByTestId('fleet-interval')).toHaveText('Every 90 minutes')
    expect(calls).toEqual([{ intervalMinutes: 90 }])
    await page.getByLabel('Desktop notifications').uncheck()
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled()
    expect(calls).toEqual([{ intervalMinutes: 90 }, { notifications: false }])
    expect((await app.services.fleet.status()).settings).toEqual({ enabled: true, intervalMinutes: 90, notifications: false })

    await page.reload()
    await openBackgroundChecks(page)
    await expect(intervalInput(page)).toHaveValue('90')
    await expect(intervalUnit(page)).toHaveValue('minutes')
    await expect(page.getByLabel('Desktop notifications')).not.toBeChecked()
    await expect(page.getByLabel('Run background checks')).toBeChecked()

    // Hours: the unit converts what is typed; 12 hours are stored as minutes and shown in hours.
    await intervalUnit(page).selectOption('hours')
    await expect(intervalInput(page)).toHaveValue('1.5')
    await saveInterval(page, '12', 'hours')
    await expect(page.getByTestId('fleet-interval')).toHaveText('Every 12 hours')
    expect(calls.at(-1)).toEqual({ intervalMinutes: 720 })
    await page.reload()
    await openBackgroundChecks(page)
    await expect(intervalInput(page)).toHaveValue('12')
    await expect(intervalUnit(page)).toHaveValue('hours')
    expect((await app.services.fleet.status()).settings.intervalMinutes).toBe(720)
  })
})

test('an invalid interval is refused at the field with its range, keeps what was typed and sends nothing; a core error is shown', async ({ app }) => {
  const { page, services } = app
  const calls = spyOnConfigure(app)
  await openBackgroundChecks(page)
  const error = page.locator('[data-field="intervalMinutes"]').getByTestId('field-error')

  await saveInterval(page, '10', 'minutes')
  await expect(error).toHaveText('Re-check interval: enter a whole number of minutes from 15 to 10,080 (15 minutes to 7 days).')
  await expect(intervalInput(page)).toHaveValue('10')
  await expect(intervalInput(page)).toHaveAttribute('aria-invalid', 'true')
  await expect(intervalInput(page)).toBeFocused()

  await saveInterval(page, '1.5', 'hours')
  await expect(error).toHaveText('Re-check interval: enter a whole number of hours from 1 to 168 (15 minutes to 7 days).')
  await expect(intervalInput(page)).toHaveValue('1.5')
  await intervalInput(page).fill('169')
  await page.keyboard.press('Enter')
  await expect(error).toContainText('from 1 to 168')
  await intervalInput(page).fill('every day')
  await expect(error).toContainText('whole number of hours')
  expect(calls).toEqual([])
  expect((await services.fleet.status()).settings.intervalMinutes).toBe(360)

  // Valid again: the error goes as soon as the value is right; an error from core is shown above the form.
  services.fleet.configure = () => Promise.reject(new AppError('fleet.settings-unwritable', 'The settings file could not be written (disk full).'))
  await intervalInput(page).fill('24')
  await expect(error).toHaveCount(0)
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'The settings were not saved' })).toHaveText('The settings were not saved: The settings file could not be written (disk full).')
  await expect(intervalInput(page)).toHaveValue('24')
  await expect(page.getByTestId('fleet-interval')).toHaveText('Every 6 hours')
})

test('a round started by the scheduler shows its progress, what started it and a provider holding back, and can be cancelled', async ({ page }) => {
  test.setTimeout(60_000)
  await withScheduler(page, async (app, clock) => {
    // Groupcall's accounts wait for its hour, so the round stays open until cancelled.
    const groupcall = await holdGroupcall(app)
    await openBackgroundChecks(page)
    const held = providerRow(page, 'Groupcall Messenger')
    await expect(held.getByTestId('held-until')).toContainText('Held by the provider until')
    await expect(held.getByTestId('load-waiting')).toHaveText(String(groupcall - 1))
    await expect(providerRow(page, 'Authmatech').getByTestId('held-until')).toHaveCount(0)
    await expect(roundStatus(page)).toHaveText('No round is running. The next one starts when accounts come due.')
    await expect(page.getByTestId('fleet-next-check')).toHaveText('Due now')

    // The first round comes 30 s after the start (overdue accounts, once each).
    clock.advance(31_000)
    await expect(roundStatus(page)).toHaveText(/^Checking \d+ of \d+$/)
    await expect(page.getByTestId('fleet-state')).toHaveText('Checking now')
    // The round says why it is not moving: Groupcall asked AuthDesk to wait.
    await expect(page.getByTestId('fleet-round-held')).toContainText(`Waiting for Groupcall Messenger: ${groupcall - 1} accounts are held by Groupcall Messenger until`)
    await expect(page.getByTestId('fleet-round-trigger')).toHaveText(
      'Catching up: AuthDesk started, the computer woke up or the keychain was unlocked, so the accounts that came due meanwhile are checked once each.',
    )
    const round = (await app.services.fleet.status()).round!
    expect(round.trigger).toBe('resume')
    await expect(page.getByRole('progressbar', { name: 'Background round progress' })).toHaveAttribute('max', String(round.total))
    // The running state only exists with the scheduler started, so its axe check is here (accessibility.spec.ts covers the rest).
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await expectAccessible(page, `background checks (round running, a provider holding back, ${colorScheme} theme)`)
    }

    await page.getByRole('button', { name: 'Cancel round' }).press('Enter')
    await expect(roundStatus(page)).toHaveText(/^Last round: Cancelled after \d+ of \d+/, { timeout: 15_000 })
    await expect(roundStatus(page)).toBeFocused()
    await expect(page.getByTestId('toast')).toContainText(`Round cancelled: ${groupcall - 1} accounts not started yet are skipped`)
    const [, done, total] = (await roundStatus(page).innerText()).match(/after (\d+) of (\d+)/)!.map(Number)
    expect(total).toBe(round.total)
    expect(done).toBe(total! - (groupcall - 1))
    expect((await app.services.fleet.status()).round).toBeNull()
    await expect(page.getByRole('button', { name: 'Cancel round' })).toHaveCount(0)
    await expect(held.getByTestId('load-waiting')).toHaveText('0')
    await expect(page.getByTestId('fleet-next-check').getByTestId('countdown')).toHaveText(/^Next background check in \d/)
  })
})

test('the screen follows the scheduler live: a pause with its reason, and settings changed elsewhere', async ({ page }) => {
  await withScheduler(page, async (app) => {
    await openBackgroundChecks(page)
    await expect(page.getByTestId('fleet-paused')).toHaveCount(0)
    app.services.fleet.suspend()
    await expect(page.getByTestId('fleet-paused')).toContainText('Paused while the computer sleeps')
    await expect(page.getByTestId('fleet-paused')).toContainText('The computer is asleep: background checks continue after it wakes.')
    await expect(page.getByTestId('fleet-state')).toHaveText('Paused')
    app.services.fleet.resume()
    await expect(page.getByTestId('fleet-paused')).toHaveCount(0)

    // Typed but not saved: the interval stays as typed while another window turns checks off.
    await intervalInput(page).fill('8')
    await app.services.fleet.configure({ enabled: false })
    await expect(page.getByTestId('fleet-state')).toHaveText('Off')
    await expect(page.getByLabel('Run background checks')).not.toBeChecked()
    await expect(intervalInput(page)).toHaveValue('8')
    await expect(page.getByTestId('fleet-next-check')).toHaveText('None planned')
  })
})

test('the settings work from the keyboard alone, each control with a visible focus ring', async ({ app }) => {
  const { page, services } = app
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Background checks' }).press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Background checks' })).toBeFocused()
  const stops = await tabStops(page, 5)
  expect(stops.map((s) => s.name)).toEqual([
    'input:checkbox Run background checks',
    'input:text Re-check interval',
    'select Interval unit',
    'input:checkbox Desktop notifications',
    expect.stringMatching(/^body|^a Skip to content/),
  ])
  expect(stops.slice(0, 4).filter((s) => !s.visible)).toEqual([])

  // Minutes from the unit list (6 hours become 360 minutes), then 45, saved with Enter.
  await intervalUnit(page).focus()
  await page.keyboard.press('ArrowUp')
  await expect(intervalInput(page)).toHaveValue('360')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('45')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('fleet-interval')).toHaveText('Every 45 minutes')
  expect((await services.fleet.status()).settings.intervalMinutes).toBe(45)
  await intervalInput(page).press('Shift+Tab')
  await page.keyboard.press('Space')
  await expect(page.getByLabel('Run background checks')).not.toBeChecked()
  await expect(page.getByRole('button', { name: 'Discard changes' })).toBeVisible()
  await page.getByRole('button', { name: 'Discard changes' }).press('Enter')
  await expect(page.getByLabel('Run background checks')).toBeChecked()
  await expect(page.getByLabel('Run background checks')).toBeFocused()
})
