import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHANNEL_NAMES, EVENT_NAMES } from '../../src/shared/contract'
import { makeInterceptionCa } from '../support/recording-proxy'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { MemorySecretStore } from '../../src/core/vault/secret-store'
import { openApp } from '../support/harness/harness'
import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, goTo, switchWorkspace } from './pages/app-page'

test('the Security screen shows the running build’s CSP, IPC policy, storage and (in the harness) no Electron window', async ({ app }) => {
  const { page } = app
  await goTo(page, 'Security')
  await expect(page.getByTestId('security-summary')).toContainText('Not running inside Electron (test harness)')
  await expect(page.getByTestId('web-preferences-harness')).toContainText('Not running inside Electron (test harness)')

  const directives = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/))
  const csp = page.getByTestId('csp-table')
  await expect(csp.locator('tbody tr')).toHaveCount(directives.length)
  for (const [name, ...sources] of directives) await expect(csp.locator('tr', { has: page.getByText(name ?? '', { exact: true }) })).toContainText(sources.join(' '))

  await expect(page.getByTestId('ipc-sender-policy')).toContainText('Only the main frame of the app’s own window')
  await expect(page.getByTestId('ipc-channels').locator('code')).toHaveText([...CHANNEL_NAMES])
  await expect(page.getByTestId('security-summary')).toContainText(`${CHANNEL_NAMES.length} channels · ${EVENT_NAMES.length} events`)
  await expect(page.getByTestId('security-summary')).toContainText('OS keychain')
})

test('without a keychain, every screen says so with the reason and how to fix it', async ({ page }) => {
  const app = await openApp(page, {
    services: {
      secretStore: new MemorySecretStore({
        backend: 'memory',
        persistent: false,
        reason: 'The OS keychain could not be used, so secrets are kept in memory for this session only.',
        hint: 'No D-Bus session bus was found. Start AuthDesk from a desktop session, or run it inside `dbus-run-session`.',
        error: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
      }),
    },
  })
  try {
    await dashboardReady(page)
    const banner = page.getByTestId('keychain-banner')
    await expect(banner).toContainText('Keychain unavailable: secrets are kept for this session only')
    await expect(banner).toContainText('How to fix it: No D-Bus session bus was found')
    await expect(banner).toContainText('Cannot autolaunch D-Bus without X11 $DISPLAY')
    await switchWorkspace(page, 'My accounts')
    await goTo(page, 'Security')
    await expect(banner).toBeVisible()
    await expect(page.getByTestId('security-summary')).toContainText('Memory, this session only')
    await goTo(page, 'About')
    await expect(banner).toBeVisible()
  } finally {
    await app.close()
  }
})

test('the Security screen shows network trust; the extra CA file comes from main’s Open dialog and is saved only when it holds a certificate', async ({ app }) => {
  const { page } = app
  const dir = mkdtempSync(join(tmpdir(), 'authdesk-ca-e2e-'))
  try {
    const { caPem } = makeInterceptionCa(['proxy.example'])
    const caFile = join(dir, 'company-ca.pem')
    writeFileSync(caFile, caPem)
    await goTo(page, 'Security')
    await expect(page.getByTestId('network-trust')).toContainText('Always verified before a credential is sent')
    await expect(page.getByTestId('network-trust')).toContainText('Addresses on this computer never use a proxy')
    // The page has no way to name a path: no text box, and the old path-taking channel is gone.
    await expect(page.getByRole('textbox')).toHaveCount(0)
    expect(await page.evaluate(() => 'setCaFile' in window.authdesk.app)).toBe(false)

    const choose = page.getByRole('button', { name: 'Choose CA file…' })
    app.caFileDialog.answer = null
    await choose.click()
    await expect.poll(() => app.caFileDialog.shown).toBe(1)
    await expect(page.getByTestId('ca-file-saved')).toHaveText('None chosen.')

    app.caFileDialog.answer = join(dir, 'missing.pem')
    await choose.click()
    await expect(page.locator('[data-field="caFile"]').getByTestId('field-error')).toContainText('cannot read')
    expect(existsSync(join(app.dataDir, 'network.json'))).toBe(false)

    app.caFileDialog.answer = caFile
    await choose.click()
    await expect(page.getByTestId('ca-file-pending')).toContainText(`Saved: ${caFile} is trusted from the next start.`)
    await expect(page.getByTestId('ca-file-saved')).toHaveText(caFile)
    expect(JSON.parse(readFileSync(join(app.dataDir, 'network.json'), 'utf8'))).toEqual({ caFile })

    await page.getByRole('button', { name: 'Remove' }).click()
    await expect(page.getByTestId('ca-file-saved')).toHaveText('None chosen.')
    expect(JSON.parse(readFileSync(join(app.dataDir, 'network.json'), 'utf8'))).toEqual({ caFile: null })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
