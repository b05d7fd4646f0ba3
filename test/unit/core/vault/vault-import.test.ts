import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { itemName, parseItem } from '../../../../src/core/vault/secret-item'
import { NMBRS, openTestVault, tempDir } from './fake-store'

const ENV = `# two accounts and a typo
PROD_NMBRS_USERNAME=ops@example.com
PROD_NMBRS_TOKEN=nmbrs-token-0123456789
PROD_NMBRS_ENVIRONMENT=sandbox
SMSGATE_USERNAME=ABCDEF
SMSGATE_PASSWORD=smsgate-password-99
SMSGATE_SCOPES=messages:send,devices:list
SMSGATE_PASWORD=typo-value
`
const text = (t: string) => ({ kind: 'text' as const, text: t })

describe('import from .env', () => {
  it('previews what will be created, secrets masked, without saving anything', async () => {
    const { vault } = await openTestVault()
    const preview = await vault.previewImport({ source: text(ENV) })
    expect(preview.accounts.map((a) => [a.name, a.action, a.environment]).sort()).toEqual([
      ['PROD_NMBRS', 'create', 'sandbox'],
      ['SMSGATE', 'create', 'production'],
    ])
    const sms = preview.accounts.find((a) => a.name === 'SMSGATE')!
    expect(sms).toMatchObject({ fields: { USERNAME: 'ABCDEF' }, scopes: ['messages:send', 'devices:list'], secrets: { PASSWORD: { set: true, maskedTail: '••••d-99' } } })
    expect(preview.ignored).toEqual([{ variable: 'SMSGATE_PASWORD', reason: expect.any(String) }])
    expect(JSON.stringify(preview)).not.toMatch(/nmbrs-token|smsgate-password|typo-value/)
    expect(await vault.list()).toEqual([])
  })

  it('imports exactly the previewed file, or refuses when it changed', async () => {
    const { vault, store } = await openTestVault()
    const dir = await tempDir()
    const path = join(dir, 'accounts.env')
    await writeFile(path, ENV)
    const preview = await vault.previewImport({ source: { kind: 'file', path } })
    await writeFile(path, ENV.replace('ops@', 'other@'))
    await expect(vault.importAccounts({ source: { kind: 'file', path }, digest: preview.digest })).rejects.toMatchObject({ code: 'import.changed' })
    await writeFile(path, ENV)
    const result = await vault.importAccounts({ source: { kind: 'file', path }, digest: preview.digest })
    expect(result.created.map((a) => a.label).sort()).toEqual(['PROD_NMBRS', 'SMSGATE'])
    const nmbrs = result.created.find((a) => a.label === 'PROD_NMBRS')!
    expect(parseItem(store.items.get(itemName(nmbrs.id))!)!.secrets).toEqual({ TOKEN: 'nmbrs-token-0123456789' })
  })

  it('all or nothing: one invalid account means nothing is imported, and the error names the variable', async () => {
    const { vault } = await openTestVault()
    const bad = `${ENV}GROUPCALL_CUSTOMER_ID=abc\nGROUPCALL_PASSWORD=key-1\n`
    const preview = await vault.previewImport({ source: text(bad) })
    expect(preview.accounts.find((a) => a.name === 'GROUPCALL')).toMatchObject({
      action: 'invalid',
      problems: [{ field: 'GROUPCALL_CUSTOMER_ID', message: expect.stringContaining('digits') }],
    })
    await expect(vault.importAccounts({ source: text(bad), digest: preview.digest })).rejects.toMatchObject({
      code: 'import.invalid',
      field: 'GROUPCALL_CUSTOMER_ID',
    })
    expect(await vault.list()).toEqual([])
  })

  it('with skipInvalid, imports the valid accounts and reports the others with their problems', async () => {
    const { vault } = await openTestVault()
    const bad = `${ENV}GROUPCALL_CUSTOMER_ID=abc\nGROUPCALL_PASSWORD=key-1\n`
    const preview = await vault.previewImport({ source: text(bad) })
    const result = await vault.importAccounts({ source: text(bad), digest: preview.digest, skipInvalid: true })
    expect(result.created.map((a) => a.label).sort()).toEqual(['PROD_NMBRS', 'SMSGATE'])
    expect(result.invalid).toEqual([{ name: 'GROUPCALL', problems: [{ field: 'GROUPCALL_CUSTOMER_ID', message: expect.stringContaining('digits') }] }])
    expect((await vault.list()).map((a) => a.label).sort()).toEqual(['PROD_NMBRS', 'SMSGATE'])
    // Only invalid accounts: nothing to import, and the error says why.
    const onlyBad = 'GROUPCALL_CUSTOMER_ID=abc\nGROUPCALL_PASSWORD=key-1\n'
    const second = await vault.previewImport({ source: text(onlyBad) })
    await expect(vault.importAccounts({ source: text(onlyBad), digest: second.digest, skipInvalid: true })).rejects.toMatchObject({ code: 'import.invalid' })
  })

  it('a base URL outside the provider’s hosts needs an explicit confirmation, which is recorded', async () => {
    const { vault } = await openTestVault()
    const env = 'SMSGATE_TOKEN=a.b.c\nSMSGATE_BASE_URL=https://sms.example.org/api/3rdparty/v1\n'
    const preview = await vault.previewImport({ source: text(env) })
    expect(preview.accounts[0]!.baseUrlUnlisted).toBe(true)
    await expect(vault.importAccounts({ source: text(env), digest: preview.digest })).rejects.toMatchObject({ code: 'account.host-unconfirmed' })
    const result = await vault.importAccounts({ source: text(env), digest: preview.digest, confirmUnlistedHosts: true })
    expect(result.created[0]!.baseUrlConfirmedAt).not.toBeNull()
  })

  it('skips accounts whose name exists, or replaces them when asked (keeping the id; issued tokens do not follow a new environment)', async () => {
    const { vault, store } = await openTestVault()
    const existing = await vault.create({ ...NMBRS, label: 'PROD_NMBRS' })
    await vault.saveTokens(existing.id, { access: 'tok-access-1' })
    const skipped = await vault.importAccounts({ source: text(ENV) })
    expect(skipped.skipped).toEqual(['PROD_NMBRS'])
    const replaced = await vault.importAccounts({ source: text(ENV), replaceExisting: true, only: ['PROD'] })
    expect(replaced.replaced).toEqual([expect.objectContaining({ id: existing.id, environment: 'sandbox' })])
    expect(replaced.replaced[0]!.lastRotatedAt).not.toBe(existing.lastRotatedAt)
    expect(parseItem(store.items.get(itemName(existing.id))!)).toMatchObject({ secrets: { TOKEN: 'nmbrs-token-0123456789' }, environment: 'sandbox', tokens: {} })
  })

  it('says when the file describes no account, or cannot be read', async () => {
    const { vault } = await openTestVault()
    await expect(vault.previewImport({ source: text('PATH=/bin\n') })).rejects.toMatchObject({ code: 'import.empty' })
    await expect(vault.previewImport({ source: text(ENV), only: ['NOPE'] })).rejects.toMatchObject({ code: 'import.empty' })
    await expect(vault.previewImport({ source: { kind: 'file', path: '/nonexistent/x.env' } })).rejects.toMatchObject({ code: 'import.unreadable' })
  })
})

describe('export', () => {
  it('JSON and .env hold no secret; the .env template imports again once its secrets are filled in', async () => {
    const { vault } = await openTestVault()
    await vault.importAccounts({ source: text(ENV) })
    await vault.create({ label: 'Ops Groupcall', provider: 'groupcall', environment: 'test', fields: { CUSTOMER_ID: '1469', PASSWORD: 'gc-key-12345' } })
    const json = await vault.exportAccounts('json')
    const env = await vault.exportAccounts('env')
    for (const out of [json, env]) expect(out.content).not.toMatch(/nmbrs-token|smsgate-password|gc-key/)
    expect(JSON.parse(json.content).accounts).toContainEqual(expect.objectContaining({ label: 'PROD_NMBRS', secretFields: ['TOKEN'] }))
    expect(env.content).toContain('PROD_NMBRS_TOKEN=\n')
    expect(env.content).toContain('OPS_GROUPCALL_ENVIRONMENT=test')

    const filled = env.content
      .replace('PROD_NMBRS_TOKEN=', 'PROD_NMBRS_TOKEN=t-1')
      .replace('SMSGATE_PASSWORD=', 'SMSGATE_PASSWORD=p-1')
      .replace('OPS_GROUPCALL_PASSWORD=', 'OPS_GROUPCALL_PASSWORD=k-1')
    const other = await openTestVault()
    const result = await other.vault.importAccounts({ source: text(filled) })
    expect(result.created.map((a) => [a.label, a.environment]).sort()).toEqual([
      ['OPS_GROUPCALL', 'test'],
      ['PROD_NMBRS', 'sandbox'],
      ['SMSGATE', 'production'],
    ])
  })

  it('exports only the chosen accounts', async () => {
    const { vault } = await openTestVault()
    const a = await vault.create(NMBRS)
    await vault.create({ ...NMBRS, label: 'B' })
    const out = JSON.parse((await vault.exportAccounts('json', [a.id])).content)
    expect(out.accounts.map((x: { label: string }) => x.label)).toEqual(['Prod Nmbrs'])
    await expect(vault.exportAccounts('json', ['missing'])).rejects.toMatchObject({ code: 'account.not-found' })
  })
})
