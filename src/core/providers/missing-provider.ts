/**
 * What stands for a provider whose definition is gone (a custom definition removed while
 * accounts still use it): the accounts stay listed with their fields, and a check sends
 * nothing and says how to bring the definition back.
 */
import { READ_ONLY_RETRY } from '../diagnosis/retry'
import type { ProviderModule } from './module'

export function missingProviderModule(id: string): ProviderModule {
  const fix = `add its definition again (authdesk providers add FILE, or the Providers screen)`
  return {
    definition: { id, envName: id.toUpperCase().replace(/-/g, '_'), label: `${id} (definition missing)`, fields: [], environments: [{ id: 'production', label: 'Production', baseUrl: '', hosts: [] }] },
    origin: 'custom',
    check: {
      id,
      retry: READ_ONLY_RETRY,
      maxConcurrent: 1,
      knowledge: {},
      knowledgeSteps: () => [],
      probe: () => Promise.resolve({ cause: 'config.invalid', summary: `The definition of provider "${id}" is missing, so nothing was sent: ${fix}.`, evidence: { step: 'definition' } }),
    },
    budget: { limit: 1, windowMs: 60_000, basis: 'no definition' },
    simulator: () => {
      throw new Error(`provider "${id}" has no definition, so no simulator`)
    },
    capabilities: {},
  }
}
