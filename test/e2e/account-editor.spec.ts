import { expect, test } from '../support/harness/fixtures'
import { dashboardReady, openEditor, row, switchWorkspace } from './pages/app-page'
import { field, fillNewAccount, save, startAdding, storedSecret, type NewAccount } from './pages/editor-page'

const ACCOUNTS: ReadonlyArray<NewAccount & { readonly secret: string; readonly tail: string }> = [
  { provider: 'Groupcall Messenger', label: 'School office SMS', fields: { 'Customer ID': '2417', 'API key (Password)': 'gc-4e1f9a7c2b8d6e30' }, secret: 'gc-4e1f9a7c2b8d6e30', tail: '••••6e30' },
  {
    provider: 'Nmbrs (SOAP v3)',
    label: 'Payroll NL',
    environment: 'Sandbox',
    fields: { 'Username (login e-mail)': 'payroll@example.com', 'API token': '9b2f4c6d8e1a3b5c7d9e', 'Domain (optional)': 'acme' },
    secret: '9b2f4c6d8e1a3b5c7d9e',
    tail: '••••7d9e',
  },
  { provider: 'SMSGate', label: 'Gateway phone', fields: { 'Username (optional)': 'GW7KQ2', 'Password (optional)': 'p4ss-Gw-2026-x9' }, secret: 'p4ss-Gw-2026-x9', tail: '••••x9' },
  { provider: 'Authmatech', label: 'Number verification', fields: { 'API key': 'amk_3f9c1e7b5d2a4c6e8f0b', 'Client ID': 'client-4821' }, secret: 'amk_3f9c1e7b5d2a4c6e8f0b', tail: '••••8f0b' },
]

const jwt = (name: string): string => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify({ sub: name, exp: 1900000000 })).toString('base64url')}.c2lnbmF0dXJl${name}`

test.beforeEach(async ({ app }) => {
  await dashboardReady(app.page)
  await switchWorkspace(app.page, 'My accounts')
})

test('adds an account for each provider; the list shows them with masked secrets only', async ({ app }) => {
  const { page } = app
  for (const account of ACCOUNTS) {
    await startAdding(page)
    await fillNewAccount(page, account)
    await save(page)
    await expect(page.getByTestId('toast').filter({ hasText: `Added “${account.label}”` })).toBeVisible()
    const added = row(page, account.label)
    await expect(added.locator('.cell-provider .row-main')).toHaveText(account.provider)
    await expect(added.getByTestId('credential-summary')).toContainText(account.tail)
  }
  const html = await page.content()
  for (const account of ACCOUNTS) expect(html).not.toContain(account.secret)
  const stored = await app.services.vault.list()
  expect(stored.map((a) => [a.label, a.provider, a.secretsStatus]).sort()).toEqual([
    ['Gateway phone', 'smsgate', 'keychain'],
    ['Number verification', 'authmatech', 'keychain'],
    ['Payroll NL', 'nmbrs', 'keychain'],
    ['School office SMS', 'groupcall', 'keychain'],
  ])
  expect(stored.find((a) => a.label === 'Payroll NL')).toMatchObject({ environment: 'sandbox', fields: { USERNAME: 'payroll@example.com', DOMAIN: 'acme' } })
})

test('edits secrets write-only: replace one, clear one, keep one; fingerprints and tails follow', async ({ app }) => {
  const { page, services } = app
  await services.vault.create({
    label: 'Gateway with tokens',
    provider: 'smsgate',
    fields: { USERNAME: 'GW7KQ2', PASSWORD: 'first-password-2026', TOKEN: jwt('access'), REFRESH_TOKEN: jwt('refresh') },
  })
  await openEditor(page, 'Gateway with tokens')
  const before = { password: await storedSecret(page, 'PASSWORD'), token: await storedSecret(page, 'TOKEN') }
  await expect(before.password.tail).toBe('••••2026')

  await field(page, 'PASSWORD').getByRole('button', { name: 'Replace Password' }).click()
  await page.getByLabel('Password (optional)', { exact: true }).fill('second-password-2027')
  await field(page, 'REFRESH_TOKEN').getByRole('button', { name: 'Clear Refresh token (JWT)' }).click()
  await expect(field(page, 'REFRESH_TOKEN')).toContainText('Will be cleared when you save')
  await save(page)
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved “Gateway with tokens”' })).toBeVisible()

  await openEditor(page, 'Gateway with tokens')
  const after = { password: await storedSecret(page, 'PASSWORD'), token: await storedSecret(page, 'TOKEN') }
  expect(after.password.tail).toBe('••••2027')
  expect(after.password.fingerprint).not.toBe(before.password.fingerprint)
  expect(after.token).toEqual(before.token)
  await expect(field(page, 'REFRESH_TOKEN')).toContainText('Not set')
  const stored = (await services.vault.list()).find((a) => a.label === 'Gateway with tokens')
  expect(Object.keys(stored?.secrets ?? {}).sort()).toEqual(['PASSWORD', 'TOKEN'])
  expect(stored?.lastRotatedAt).not.toBeNull()
})

test('duplicates from the row menu, and deletes only after confirmation', async ({ app }) => {
  const { page, services } = app
  await services.vault.create({ label: 'Payroll NL', provider: 'nmbrs', fields: { USERNAME: 'payroll@example.com', TOKEN: '9b2f4c6d8e1a3b5c7d9e' } })
  await expect(row(page, 'Payroll NL')).toBeVisible()

  await row(page, 'Payroll NL').getByRole('button', { name: 'Actions for Payroll NL' }).click()
  await page.getByRole('menuitem', { name: 'Duplicate' }).click()
  await expect(row(page, 'Payroll NL (copy)')).toBeVisible()
  await expect(row(page, 'Payroll NL (copy)').getByTestId('credential-summary')).toHaveText(await row(page, 'Payroll NL').getByTestId('credential-summary').innerText())
  const [original, copy] = ['Payroll NL', 'Payroll NL (copy)'].map((label) => services.vault.list().then((all) => all.find((a) => a.label === label)))
  expect((await copy)?.secrets.TOKEN?.fingerprint).toBe((await original)?.secrets.TOKEN?.fingerprint)

  await row(page, 'Payroll NL (copy)').getByRole('button', { name: 'Actions for Payroll NL (copy)' }).click()
  await page.getByRole('menuitem', { name: 'Delete…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete “Payroll NL (copy)”?' })
  await expect(dialog).toContainText('This cannot be undone')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(row(page, 'Payroll NL (copy)')).toBeVisible()

  await row(page, 'Payroll NL (copy)').getByRole('button', { name: 'Actions for Payroll NL (copy)' }).click()
  await page.getByRole('menuitem', { name: 'Delete…' }).click()
  await dialog.getByRole('button', { name: 'Delete account' }).click()
  await expect(row(page, 'Payroll NL (copy)')).toHaveCount(0)
  expect((await services.vault.list()).map((a) => a.label)).toEqual(['Payroll NL'])

  await openEditor(page, 'Payroll NL')
  await page.getByRole('button', { name: 'Delete…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete account' }).click()
  await expect(page.getByTestId('accounts-empty')).toBeVisible()
})

test('a server error is shown next to the field it names, and nothing typed is lost', async ({ app }) => {
  const { page } = app
  await startAdding(page)
  await fillNewAccount(page, { provider: 'Groupcall Messenger', label: 'School office SMS', fields: { 'Customer ID': '24-17', 'API key (Password)': 'gc-4e1f9a7c2b8d6e30' } })
  await save(page)
  const customerId = field(page, 'CUSTOMER_ID')
  await expect(customerId.getByTestId('field-error')).toContainText('CUSTOMER_ID (Customer ID) must contain digits only')
  await expect(page.getByLabel('Customer ID', { exact: true })).toBeFocused()
  await expect(page.getByLabel('Label', { exact: true })).toHaveValue('School office SMS')
  await expect(page.getByLabel('API key (Password)', { exact: true })).toHaveValue('gc-4e1f9a7c2b8d6e30')
  await expect(page.getByTestId('field-error')).toHaveCount(1)

  await page.getByLabel('Customer ID', { exact: true }).fill('2417')
  await save(page)
  await expect(row(page, 'School office SMS')).toBeVisible()

  await startAdding(page)
  await fillNewAccount(page, { provider: 'Authmatech', label: 'school office sms', fields: { 'API key': 'amk_3f9c1e7b5d2a4c6e8f0b', 'Client ID': 'client-4821' } })
  await save(page)
  await expect(field(page, 'API_KEY').getByTestId('field-error')).toHaveCount(0)
  await expect(page.locator('[data-field="label"]').getByTestId('field-error')).toContainText('Label is already used')
  await expect(page.getByLabel('API key', { exact: true })).toHaveValue('amk_3f9c1e7b5d2a4c6e8f0b')
})

test('every problem of a save is shown at once, each at its field, and nothing typed is lost', async ({ app }) => {
  const { page } = app
  await startAdding(page)
  await fillNewAccount(page, { provider: 'Groupcall Messenger', label: '', fields: { 'Customer ID': '24-17', 'API key (Password)': ' "gc-4e1f9a7c2b8d6e30" ' } })
  await save(page)
  await expect(page.locator('[data-field="label"]').getByTestId('field-error')).toContainText('Label is required')
  await expect(field(page, 'CUSTOMER_ID').getByTestId('field-error')).toContainText('must contain digits only')
  await expect(field(page, 'PASSWORD').getByTestId('field-error')).toContainText('must not start or end with a space')
  await expect(page.getByTestId('field-error')).toHaveCount(3)
  await expect(page.getByTestId('form-error')).toContainText('3 problems to fix: each is shown at its field.')
  await expect(page.getByTestId('form-error')).not.toContainText('more problem')
  await expect(page.getByLabel('Label', { exact: true })).toBeFocused()
  await expect(page.getByLabel('API key (Password)', { exact: true })).toHaveValue(' "gc-4e1f9a7c2b8d6e30" ')
})

test('a base URL outside the provider’s hosts needs an explicit confirmation before it is saved', async ({ app }) => {
  const { page, services } = app
  await startAdding(page)
  await fillNewAccount(page, {
    provider: 'Nmbrs (SOAP v3)',
    label: 'Payroll via proxy',
    fields: { 'Username (login e-mail)': 'payroll@example.com', 'API token': '9b2f4c6d8e1a3b5c7d9e', 'Custom base URL (optional)': 'https://payroll-proxy.example.net/soap/v3' },
  })
  const confirm = page.getByTestId('host-confirm')
  await expect(confirm).toContainText('payroll-proxy.example.net is not a Nmbrs (SOAP v3) host')
  await save(page)
  // Said once, in the confirmation box, not again at the field.
  await expect(page.locator('[data-field="baseUrl"]').getByTestId('field-error')).toHaveCount(0)
  await expect(confirm.getByTestId('field-error')).toContainText('Tick this to save the base URL')
  const checkbox = confirm.getByRole('checkbox', { name: 'I trust payroll-proxy.example.net with this account’s credentials' })
  await expect(checkbox).toBeFocused()
  await checkbox.check()
  await save(page)
  await expect(row(page, 'Payroll via proxy')).toBeVisible()
  const saved = (await services.vault.list()).find((a) => a.label === 'Payroll via proxy')
  expect(saved).toMatchObject({ baseUrl: 'https://payroll-proxy.example.net/soap/v3' })
  expect(saved?.baseUrlConfirmedAt).not.toBeNull()
})

test('hygiene warnings appear as the user types and go away when the value is fixed', async ({ app }) => {
  const { page } = app
  await startAdding(page)
  await page.getByRole('group', { name: 'Provider' }).getByText('Nmbrs (SOAP v3)', { exact: true }).click()
  const warnings = (name: string) => field(page, name).getByTestId('hygiene-warnings')
  const token = page.getByLabel('API token', { exact: true })
  const cases: ReadonlyArray<[string, string]> = [
    [' 9b2f4c6d8e1a3b5c7d9e', 'Starts or ends with a space'],
    ['"9b2f4c6d8e1a3b5c7d9e"', 'wrapped in quotes'],
    ['9b2f4c6d\u200b8e1a3b5c', 'invisible character'],
    [jwt('pasted'), 'Looks like a JWT, but API token does not take one'],
    ['payroll@example.com', 'Looks like an e-mail address, but API token does not take one. The e-mail goes in Username (login e-mail)'],
    ['NMBRS_TOKEN=9b2f4c6d8e1a3b5c7d9e', 'whole .env line'],
    ['Bearer 9b2f4c6d8e1a3b5c7d9e', 'Starts with "Bearer "'],
  ]
  for (const [value, warning] of cases) {
    await token.fill(value)
    await expect(warnings('TOKEN')).toContainText(warning)
  }
  await token.fill('9b2f4c6d8e1a3b5c7d9e')
  await expect(warnings('TOKEN')).toHaveCount(0)

  const username = page.getByLabel('Username (login e-mail)', { exact: true })
  await username.pressSequentially('payroll')
  await expect(warnings('USERNAME')).toContainText('Expected an e-mail address')
  await username.pressSequentially('@example.com')
  await expect(warnings('USERNAME')).toHaveCount(0)
  await expect(page.getByTestId('field-error')).toHaveCount(0)
})

test('changing the environment says the secrets are needed again, and saving without them leaves "Secrets needed"', async ({ app }) => {
  const { page, services } = app
  await services.vault.create({ label: 'Payroll to move', provider: 'nmbrs', fields: { USERNAME: 'payroll@example.com', TOKEN: '9b2f4c6d8e1a3b5c7d9e' } })
  await openEditor(page, 'Payroll to move')
  await expect(page.getByTestId('repoint-note')).toHaveCount(0)
  await page.getByLabel('Environment', { exact: true }).selectOption({ label: 'Sandbox' })
  await expect(page.getByTestId('repoint-note')).toContainText('A new address needs the secrets again')
  await save(page)
  await expect(row(page, 'Payroll to move')).toContainText('Secrets needed: address changed')
  const saved = (await services.vault.list()).find((a) => a.label === 'Payroll to move')
  expect(saved).toMatchObject({ environment: 'sandbox', secretsStatus: 'none', secrets: {} })
})

test('a new path on the same server (the base URL’s /api segment) keeps the secrets and the host’s confirmation; another host does not', async ({ app }) => {
  const { page, services } = app
  const wrong = 'https://sms.example.org/gateway/3rdparty/v1'
  const account = await services.vault.create({ label: 'Office gateway', provider: 'smsgate', baseUrl: wrong, confirmUnlistedHost: true, fields: { USERNAME: 'GW7KQ2', PASSWORD: 'p4ss-Gw-2026-x9' } })
  await openEditor(page, 'Office gateway')
  const baseUrl = page.getByLabel('Custom base URL (optional)', { exact: true })
  await baseUrl.fill('https://sms.example.org/gateway/api/3rdparty/v1')
  await expect(page.getByTestId('repoint-note')).toHaveCount(0)
  await expect(page.getByTestId('host-confirm')).toHaveCount(0)
  await baseUrl.fill('https://sms.example.net/gateway/api/3rdparty/v1')
  await expect(page.getByTestId('repoint-note')).toContainText('A new address needs the secrets again')
  await expect(page.getByTestId('host-confirm')).toBeVisible()
  await baseUrl.fill('https://sms.example.org/gateway/api/3rdparty/v1')
  await save(page)
  await expect(row(page, 'Office gateway')).not.toContainText('Secrets needed')
  const saved = (await services.vault.list()).find((a) => a.id === account.id)
  expect(saved).toMatchObject({ baseUrl: 'https://sms.example.org/gateway/api/3rdparty/v1', baseUrlConfirmedAt: account.baseUrlConfirmedAt })
  expect(Object.keys(saved!.secrets)).toEqual(['PASSWORD'])
  expect(await services.vault.readSecrets(account.id, 'test')).toMatchObject({ secrets: { PASSWORD: 'p4ss-Gw-2026-x9' }, address: { baseUrl: 'https://sms.example.org/gateway/api/3rdparty/v1' } })
})
