import type { ProviderModule } from '../module'
import { lintSmsGate } from './lint'
import { smsGateTokens } from './token-lifecycle'
import { definition } from './definition'
import { smsGateSteps, SMSGATE_KNOWLEDGE } from './knowledge'
import { probeSmsGate, SMSGATE_RETRY } from './probe'
import { createSmsGateSimulator } from './simulator'
import { supportFacts } from './support-facts'

const MINUTE = 60_000

export const smsGateModule: ProviderModule = {
  definition,
  check: { id: definition.id, retry: SMSGATE_RETRY, maxConcurrent: 4, lint: lintSmsGate, probe: probeSmsGate, knowledgeSteps: smsGateSteps, knowledge: SMSGATE_KNOWLEDGE },
  budget: { limit: 600, windowMs: MINUTE, basis: 'not documented (the cloud proxy limits are unknown)' },
  simulator: (clock) => createSmsGateSimulator({ now: clock.now }),
  capabilities: { tokens: smsGateTokens },
  supportFacts,
  origin: 'builtin',
}
