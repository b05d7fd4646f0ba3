import { expect, test } from '../support/harness/fixtures'

test('opens the app and shows the build and secret-storage facts from app:info', async ({ app }) => {
  const { page, services } = app
  await expect(page.getByRole('heading', { name: 'AuthDesk', level: 1 })).toBeVisible()
  await expect(page.getByTestId('app-version')).toHaveText('AuthDesk 0.0.0-e2e')
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
  expect(shape).toEqual({
    domains: ['accounts', 'app', 'events', 'providers', 'workspace'],
    functions: [
      'accounts.create',
      'accounts.delete',
      'accounts.duplicate',
      'accounts.export',
      'accounts.import',
      'accounts.importPreview',
      'accounts.list',
      'accounts.status',
      'accounts.update',
      'app.info',
      'app.security',
      'events.onAccountsChanged',
      'events.onWorkspaceChanged',
      'providers.list',
      'workspace.info',
      'workspace.switch',
    ],
    frozen: true,
    hasRequire: false,
    hasProcess: false,
    hasIpcRenderer: false,
  })
})

test('invalid payloads from the page get a typed error naming the problem', async ({ app }) => {
  const reply = await app.page.evaluate(() => {
    const api = (window as unknown as { authdesk: { app: { info(p?: unknown): Promise<unknown> } } }).authdesk
    return api.app.info({ sneaky: true })
  })
  expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } })
})
