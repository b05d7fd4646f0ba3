import type { ProviderModule } from '../module'
import { definition } from './definition'
import { nmbrsSteps, NMBRS_KNOWLEDGE } from './knowledge'
import { probeNmbrs, NMBRS_RETRY } from './probe'
import { createNmbrsSimulator } from './simulator'
import { supportFacts } from './support-facts'

const MINUTE = 60_000

export const nmbrsModule: ProviderModule = {
  definition,
  check: { id: definition.id, retry: NMBRS_RETRY, maxConcurrent: 4, probe: probeNmbrs, knowledgeSteps: nmbrsSteps, knowledge: NMBRS_KNOWLEDGE },
  budget: { limit: 600, windowMs: MINUTE, basis: 'not documented (SOAP "fair use")' },
  simulator: () => createNmbrsSimulator(),
  capabilities: {},
  supportFacts,
  origin: 'builtin',
}
