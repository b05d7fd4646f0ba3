/** Wizard steps by id, from the common set or any provider module. */
import { providerModules } from '../providers/registry'
import { COMMON_KNOWLEDGE } from './knowledge-common'
import type { KnowledgeStep } from './types'

/** A wizard step by id (the ids a Diagnosis lists), from any provider or the common set. */
export function knowledgeStep(id: string): KnowledgeStep | undefined {
  const from = (table: Readonly<Record<string, KnowledgeStep>>): KnowledgeStep | undefined => (Object.hasOwn(table, id) ? table[id] : undefined)
  return from(COMMON_KNOWLEDGE) ?? providerModules().map((m) => from(m.check.knowledge)).find((s) => s !== undefined)
}
