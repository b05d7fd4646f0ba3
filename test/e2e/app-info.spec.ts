import { CHANNEL_NAMES, EVENT_NAMES } from '../../src/shared/contract'
import { camelCase, eventMethodName } from '../../src/shared/create-api'
import { expect, test } from '../support/harness/fixtures'
import { goTo } from './pages/app-page'

test('opens the app and shows the build and secret-storage facts from app:info', async ({ app }) => {
  const { page, services } = app
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await expect(page.getByTestId('app-version')).toHaveText('AuthDesk 0.0.0-e2e')
  await goTo(page, 'About')
  await expect(page.getByTestId('about-version')).toHaveText('AuthDesk 0.0.0-e2e')
  const backend = services.secretStore.status.backend
  await expect(page.getByTestId('secret-backend')).toHaveText(backend === 'keychain' ? 'OS keychain' : 'Memory (this session only)')
  await expect(page.getByTestId('secret-reason')).toContainText(services.secretStore.status.reason)
})

test('the renderer reaches core only through window.authdesk, which has named functions only', async ({ app }) => {
  const shape = await app.page.evaluate(() => {
    const api = (window as unknown as { authdesk: Record<string, Record<string, unknown>> }).authdesk
    return {
      domains: Object.keys(api).sort(),
      functions: Object.entries(api).flatMap(([domain, group]) => Object.keys(group).map((name) => `${domain}.${name}`)).sort(),
      frozen: Object.isFrozen(api),
      hasRequire: 'require' in window,
      hasProcess: 'process' in window,
      hasIpcRenderer: 'ipcRenderer' in window,
    }
  })
  // Exactly one named function per contract channel and event, nothing else.
  const expected = [...CHANNEL_NAMES.map((c) => c.replace(':', '.')), ...EVENT_NAMES.map((e) => `events.${eventMethodName(e)}`)].map((name) => camelCase(name)).sort()
  expect(shape).toEqual({
    domains: [...new Set(expected.map((name) => name.split('.')[0]))].sort(),
    functions: expected,
    frozen: true,
    hasRequire: false,
    hasProcess: false,
    hasIpcRenderer: false,
  })
  expect(shape.functions).toEqual(expect.arrayContaining(['accounts.list', 'accounts.importPreview', 'providers.list', 'events.onAccountsChanged']))
  expect(shape.functions).toEqual(expect.arrayContaining(['events.onFleetChanged', 'events.onFleetNotify', 'events.onFleetProgress', 'fleet.cancel', 'fleet.configure', 'fleet.status']))
  expect(shape.functions.filter((name) => /\.(invoke|send|on|sendSync)$/i.test(name))).toEqual([])
})

test('invalid payloads from the page get a typed error naming the problem', async ({ app }) => {
  const reply = await app.page.evaluate(() => {
    const api = (window as unknown as { authdesk: { app: { info(p?: unknown): Promise<unknown> } } }).authdesk
    return api.app.info({ sneaky: true })
  })
  expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } })
})
