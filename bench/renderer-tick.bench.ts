/**
 * Renderer benchmark with 1,000 accounts, each with a countdown under an hour (so every
 * visible one redraws each second): first render, and the cost of the app's one ticking
 * clock. Prints the figures; the goal is a tick under 4 ms of scripting.
 */
import type { CDPSession, Page } from '@playwright/test'
import { test } from '@playwright/test'
import { MemorySecretStore } from '../src/core/vault/secret-store'
import { openApp } from '../test/support/harness/harness'
import { installTickProbe } from './renderer-tick-probe'

const COUNT = 1000
const SAMPLE_SECONDS = 15
/** Rotation due 30 minutes after an account is added: every countdown shows seconds. */
const ROTATION_POLICY_DAYS = 30 / (24 * 60)

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  return Object.fromEntries(list.map((m) => [m.name, m.value]))
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN
const ms = (value: number): string => `${value.toFixed(2)} ms`

async function measureTicks(page: Page, cdp: CDPSession, label: string): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __tickProbe: { ticks: unknown[] } }).__tickProbe.ticks.length = 0))
  const before = await metrics(cdp)
  await page.waitForTimeout(SAMPLE_SECONDS * 1000)
  const after = await metrics(cdp)
  const ticks = await page.evaluate(() => (window as unknown as { __tickProbe: { ticks: { ms: number; mutations: number }[] } }).__tickProbe.ticks)
  const times = ticks.map((t) => t.ms).sort((a, b) => a - b)
  const scriptPerTick = ((after.ScriptDuration! - before.ScriptDuration!) * 1000) / Math.max(1, ticks.length)
  const taskPerTick = ((after.TaskDuration! - before.TaskDuration!) * 1000) / Math.max(1, ticks.length)
  const mounted = await page.getByTestId('account-row').count()
  const countdowns = await page.locator('[data-testid="account-row"] [data-testid="countdown"]').count()
  console.log(`\n${label}`)
  console.log(`  rows mounted: ${mounted}, countdowns mounted: ${countdowns} (of ${COUNT} accounts)`)
  console.log(`  ticks sampled: ${ticks.length} over ${SAMPLE_SECONDS} s; DOM changes per tick: median ${percentile(ticks.map((t) => t.mutations).sort((a, b) => a - b), 0.5)}`)
  console.log(`  tick → React commit (performance.now): median ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}, max ${ms(times.at(-1) ?? NaN)}`)
  console.log(`  DevTools Performance.getMetrics per tick: scripting ${ms(scriptPerTick)}, all main-thread tasks ${ms(taskPerTick)} (layout, style and paint included)`)
}

test(`renderer with ${COUNT} accounts: first render and the per-second tick`, async ({ page }) => {
  const app = await openApp(page, {
    services: {
      secretStore: new MemorySecretStore({ backend: 'memory', persistent: false, reason: 'Benchmark: in memory.', hint: null, error: null }),
      tokens: { rotationPolicyDays: ROTATION_POLICY_DAYS },
    },
  })
  try {
    await app.services.workspaces.switchTo('mine')
    const text = Array.from({ length: COUNT }, (_, i) => {
      const name = `ACCT${String(i).padStart(4, '0')}_AUTHMATECH`
      return `${name}_API_KEY=amk_${i.toString(16).padStart(8, '0')}_key\n${name}_CLIENT_ID=client-${i}`
    }).join('\n')
    const preview = await app.services.vault.previewImport({ source: { kind: 'text', text } })
    await app.services.vault.importAccounts({ source: { kind: 'text', text }, digest: preview.digest })

    await page.addInitScript(installTickProbe)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    for (const [rate, name] of [
      [1, 'this machine'],
      [4, 'CPU throttled 4× (a slow laptop)'],
    ] as const) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate })
      const started = Date.now()
      await page.reload()
      await page.getByTestId('account-row').first().waitFor()
      await page.locator('[data-testid="account-row"] [data-testid="countdown"]').first().waitFor()
      const wall = Date.now() - started
      const firstRowAt = await page.evaluate(() => (window as unknown as { __tickProbe: { firstRowAt: number | null } }).__tickProbe.firstRowAt)
      console.log(`\n=== ${name} ===`)
      console.log(`first render: first row in the DOM ${ms(firstRowAt ?? NaN)} after navigation start; reload to first countdown (wall) ${wall} ms`)
      await page.waitForTimeout(2000)
      await measureTicks(page, cdp, `idle dashboard, top of the list (${name})`)
      await page.locator('.account-table-body').evaluate((body) => body.scrollTo(0, body.scrollHeight / 2))
      await page.waitForTimeout(1000)
      await measureTicks(page, cdp, `after scrolling to the middle (${name})`)
    }
  } finally {
    await app.close()
  }
})
