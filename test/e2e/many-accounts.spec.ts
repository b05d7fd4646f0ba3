import { MemorySecretStore } from '../../src/core/vault/secret-store'
import { openApp } from '../support/harness/harness'
import { expect, test } from '../support/harness/fixtures'
import { rows } from './pages/app-page'

const COUNT = 1000

test(`with ${COUNT} accounts the dashboard renders only the rows in view and scrolls to the last one`, async ({ page }) => {
  test.setTimeout(60_000)
  // Session-only storage: this test is about the renderer, not about 1,000 keychain writes.
  const app = await openApp(page, {
    services: { secretStore: new MemorySecretStore({ backend: 'memory', persistent: false, reason: 'Test: in memory.', hint: null, error: null }) },
  })
  try {
    await app.services.workspaces.switchTo('mine')
    const text = Array.from({ length: COUNT }, (_, i) => {
      const name = `ACCT${String(i).padStart(4, '0')}_AUTHMATECH`
      return `${name}_API_KEY=amk_${i.toString(16).padStart(8, '0')}_key\n${name}_CLIENT_ID=client-${i}`
    }).join('\n')
    const preview = await app.services.vault.previewImport({ source: { kind: 'text', text } })
    await app.services.vault.importAccounts({ source: { kind: 'text', text }, digest: preview.digest })

    const started = Date.now()
    await page.reload()
    await expect(rows(page).first()).toContainText('ACCT0000_AUTHMATECH')
    const firstRenderMs = Date.now() - started
    await expect(page.getByText(`${COUNT} accounts in My accounts`)).toBeVisible()
    const mounted = await rows(page).count()
    expect(mounted).toBeGreaterThan(5)
    expect(mounted).toBeLessThan(40)
    await expect(page.getByRole('table', { name: 'Accounts' })).toHaveAttribute('aria-rowcount', String(COUNT + 1))

    await page.locator('.account-table-body').evaluate((body) => body.scrollTo(0, body.scrollHeight))
    await expect(rows(page).filter({ hasText: 'ACCT0999_AUTHMATECH' })).toBeVisible()
    expect(await rows(page).count()).toBeLessThan(40)

    const searchStarted = Date.now()
    await page.getByLabel('Search accounts').fill('ACCT0500')
    await expect(rows(page)).toHaveCount(1)
    test.info().annotations.push({ type: 'measured', description: `first render to rows: ${firstRenderMs} ms (reload included); ${mounted} rows mounted; search over ${COUNT}: ${Date.now() - searchStarted} ms` })
  } finally {
    await app.close()
  }
})
