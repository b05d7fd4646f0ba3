import type { ProviderModule } from '../module'
import { backgroundCheckRefusal } from './check-request'
import { definition } from './definition'
import { groupcallSteps, GROUPCALL_KNOWLEDGE } from './knowledge'
import { probeGroupcall, GROUPCALL_RETRY } from './probe'
import { createGroupcallSimulator } from './simulator'
import { supportFacts } from './support-facts'

const MINUTE = 60_000

export const groupcallModule: ProviderModule = {
  definition,
  check: { id: definition.id, retry: GROUPCALL_RETRY, maxConcurrent: 2, probe: probeGroupcall, knowledgeSteps: groupcallSteps, knowledge: GROUPCALL_KNOWLEDGE },
  budget: { limit: 300, windowMs: MINUTE, basis: 'not documented; its probe is a real send request, so the lowest ceiling' },
  simulator: () => createGroupcallSimulator(),
  capabilities: { backgroundCheckRefusal },
  supportFacts,
  origin: 'builtin',
}
