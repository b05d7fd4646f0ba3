import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WIZARD_FILE, WizardStore } from '../../../../src/core/wizard/wizard-store'

async function store() {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-wizard-'))
  let t = Date.parse('2026-11-22T10:00:00Z')
  return { dir, wizard: new WizardStore(dir, () => new Date((t += 1000))) }
}

describe('wizard progress', () => {
  it('survives closing the wizard: a new store on the same folder sees the trail', async () => {
    const { dir, wizard } = await store()
    await wizard.record('a1', 'nmbrs.check-username', 'yes', null)
    await wizard.record('a1', 'nmbrs.domain-from-environment-get', 'fix-applied', 'DOMAIN set to acme')
    const reopened = await new WizardStore(dir).get('a1')
    expect(reopened).toMatchObject({ status: 'open', entries: [{ stepId: 'nmbrs.check-username' }, { note: 'DOMAIN set to acme' }] })
    expect(JSON.parse(await readFile(join(dir, WIZARD_FILE), 'utf8')).a1.entries).toHaveLength(2)
  })

  it('ends as fixed or escalated, and the next step starts a new trail', async () => {
    const { wizard } = await store()
    await wizard.record('a1', 'nmbrs.check-token', 'done', null)
    expect((await wizard.record('a1', 'retest', 'fixed', 're-test: healthy')).status).toBe('fixed')
    const next = await wizard.record('a1', 'nmbrs.check-token', 'done', null)
    expect(next.entries).toHaveLength(1)
    expect((await wizard.record('a1', 'bundle', 'bundle', null)).status).toBe('escalated')
  })

  it('keeps accounts apart and forgets a reset account', async () => {
    const { wizard } = await store()
    await wizard.record('a1', 's', 'done', null)
    await wizard.record('a2', 's', 'no', null)
    await wizard.reset(['a1'])
    expect(await wizard.get('a1')).toBeNull()
    expect((await wizard.get('a2'))?.entries[0]?.outcome).toBe('no')
  })
})
