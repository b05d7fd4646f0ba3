/** Page helpers for the Background checks screen, and a spy on the scheduler's settings calls. */
import { expect, type Page } from '@playwright/test'
import type { FleetSettingsPatch } from '../../../src/shared/fleet'
import { openApp, type Harness } from '../../support/harness/harness'
import { goTo } from './app-page'
import { ShiftedClock } from './shifted-clock'

/** The harness with the scheduler started, as in the desktop app, on a clock the test can move. */
export async function withScheduler(page: Page, run: (app: Harness, clock: ShiftedClock) => Promise<void>): Promise<void> {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const clock = new ShiftedClock()
  const app = await openApp(page, { services: { fleet: { start: true, clock } } })
  try {
    await run(app, clock)
  } finally {
    await app.close()
  }
  expect(errors, 'uncaught errors in the page').toEqual([])
}

/**
 * Groupcall answers 429 "retry in an hour" to one check, so no background check is sent to it
 * for that hour (a check started before the hold would wait it out). Returns how many
 * Groupcall accounts the Demo has.
 */
export async function holdGroupcall(app: Harness): Promise<number> {
  app.services.workspaces.demoWorkspace!.simulators.byId.groupcall.faults.add({ kind: 'rate-limit', retryAfterSeconds: 3600 })
  const groupcall = (await app.services.vault.list()).filter((a) => a.provider === 'groupcall')
  expect((await app.services.health.check(groupcall[0]!.id)).cause).toBe('rate_limited')
  return groupcall.length
}

export async function openBackgroundChecks(page: Page): Promise<void> {
  await goTo(page, 'Background checks')
  await expect(page.getByTestId('fleet-summary')).toBeVisible()
}

export const intervalInput = (page: Page) => page.getByLabel('Re-check interval', { exact: true })
export const intervalUnit = (page: Page) => page.getByLabel('Interval unit')
export const roundStatus = (page: Page) => page.getByTestId('fleet-round-status')
export const providerRow = (page: Page, label: string) => page.getByTestId('provider-load').filter({ has: page.getByRole('rowheader', { name: label }) })

/** Types an interval (unit first: changing the unit converts what is typed) and saves. */
export async function saveInterval(page: Page, value: string, unit: 'minutes' | 'hours'): Promise<void> {
  await intervalUnit(page).selectOption(unit)
  await intervalInput(page).fill(value)
  await page.getByRole('button', { name: 'Save settings' }).click()
}

/** Records every `fleet:configure` request that reaches core (the harness keeps answers only). */
export function spyOnConfigure(app: Harness): FleetSettingsPatch[] {
  const calls: FleetSettingsPatch[] = []
  const configure = app.services.fleet.configure.bind(app.services.fleet)
  app.services.fleet.configure = (patch) => {
    calls.push(patch)
    return configure(patch)
  }
  return calls
}
