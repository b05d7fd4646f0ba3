/** Wizard progress per account, so closing the wizard loses nothing; bundles include the trail. */
import { join } from 'node:path'
import type { WizardEntry, WizardOutcome, WizardTrail } from '../../shared/wizard'
import { JsonDocument } from '../json-document'

export const WIZARD_FILE = 'wizard.json'
const MAX_ENTRIES = 200

export class WizardStore {
  private readonly document: JsonDocument<Record<string, WizardTrail>>

  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.document = new JsonDocument(join(dataDir, WIZARD_FILE), () => ({}))
  }

  async get(accountId: string): Promise<WizardTrail | null> {
    const all = await this.document.read()
    return Object.hasOwn(all, accountId) ? all[accountId]! : null
  }

  async record(accountId: string, stepId: string, outcome: WizardOutcome, note: string | null): Promise<WizardTrail> {
    const at = this.now().toISOString()
    const entry: WizardEntry = { stepId, outcome, at, note }
    const trails = await this.document.update((all) => {
      const current = Object.hasOwn(all, accountId) ? all[accountId] : undefined
      const restart = !current || current.status !== 'open'
      const entries = [...(restart ? [] : current.entries), entry].slice(-MAX_ENTRIES)
      all[accountId] = {
        accountId,
        startedAt: restart ? at : current.startedAt,
        updatedAt: at,
        status: outcome === 'fixed' ? 'fixed' : outcome === 'bundle' ? 'escalated' : 'open',
        entries,
      }
    })
    return trails[accountId]!
  }

  async reset(accountIds: ReadonlyArray<string>): Promise<void> {
    await this.document.update((all) => accountIds.forEach((id) => delete all[id]))
  }
}
