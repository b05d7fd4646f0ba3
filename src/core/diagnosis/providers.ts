/**
 * Provider id → its probe, classifiers (inside the probe), wizard knowledge and retry policy.
 * Kept apart from providers/registry.ts for now; a later refactor may merge the two.
 */
import type { ProviderId } from '../../shared/model'
import { authmatechSteps, AUTHMATECH_KNOWLEDGE } from '../providers/authmatech/knowledge'
import { AUTHMATECH_RETRY, probeAuthmatech } from '../providers/authmatech/probe'
import { groupcallSteps, GROUPCALL_KNOWLEDGE } from '../providers/groupcall/knowledge'
import { GROUPCALL_RETRY, probeGroupcall } from '../providers/groupcall/probe'
import { nmbrsSteps, NMBRS_KNOWLEDGE } from '../providers/nmbrs/knowledge'
import { NMBRS_RETRY, probeNmbrs } from '../providers/nmbrs/probe'
import { smsGateSteps, SMSGATE_KNOWLEDGE } from '../providers/smsgate/knowledge'
import { lintSmsGate } from '../providers/smsgate/lint'
import { probeSmsGate, SMSGATE_RETRY } from '../providers/smsgate/probe'
import { COMMON_KNOWLEDGE } from './knowledge-common'
import type { KnowledgeStep, ProviderCheck } from './types'

export const PROVIDER_CHECKS: { readonly [P in ProviderId]: ProviderCheck } = {
  groupcall: { id: 'groupcall', retry: GROUPCALL_RETRY, maxConcurrent: 2, probe: probeGroupcall, knowledgeSteps: groupcallSteps, knowledge: GROUPCALL_KNOWLEDGE },
  nmbrs: { id: 'nmbrs', retry: NMBRS_RETRY, maxConcurrent: 4, probe: probeNmbrs, knowledgeSteps: nmbrsSteps, knowledge: NMBRS_KNOWLEDGE },
  smsgate: { id: 'smsgate', retry: SMSGATE_RETRY, maxConcurrent: 4, lint: lintSmsGate, probe: probeSmsGate, knowledgeSteps: smsGateSteps, knowledge: SMSGATE_KNOWLEDGE },
  authmatech: { id: 'authmatech', retry: AUTHMATECH_RETRY, maxConcurrent: 8, probe: probeAuthmatech, knowledgeSteps: authmatechSteps, knowledge: AUTHMATECH_KNOWLEDGE },
}

/** A wizard step by id (the ids a Diagnosis lists), from any provider or the common set. */
export function knowledgeStep(id: string): KnowledgeStep | undefined {
  const from = (table: Readonly<Record<string, KnowledgeStep>>): KnowledgeStep | undefined => (Object.hasOwn(table, id) ? table[id] : undefined)
  return from(COMMON_KNOWLEDGE) ?? Object.values(PROVIDER_CHECKS).map((c) => from(c.knowledge)).find((s) => s !== undefined)
}
