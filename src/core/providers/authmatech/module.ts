import type { ProviderModule } from '../module'
import { authmatechKeyRotation } from './rotate-key'
import { definition } from './definition'
import { authmatechSteps, AUTHMATECH_KNOWLEDGE } from './knowledge'
import { probeAuthmatech, AUTHMATECH_RETRY } from './probe'
import { createAuthmatechSimulator } from './simulator'
import { supportFacts } from './support-facts'

const MINUTE = 60_000

export const authmatechModule: ProviderModule = {
  definition,
  check: { id: definition.id, retry: AUTHMATECH_RETRY, maxConcurrent: 8, probe: probeAuthmatech, knowledgeSteps: authmatechSteps, knowledge: AUTHMATECH_KNOWLEDGE },
  budget: {
    limit: 1000,
    windowMs: MINUTE,
    perClient: { header: 'x-client-id', field: 'CLIENT_ID' },
    basis: 'documented: 1,000 requests per minute per client (429 "Rate limit exceeded.")',
  },
  simulator: () => createAuthmatechSimulator(),
  capabilities: { keyRotation: authmatechKeyRotation },
  supportFacts,
  origin: 'builtin',
}
