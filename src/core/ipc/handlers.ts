import { removeAccount } from '../account-removal'
import { exportForRenderer, previewForRenderer, revealExport } from '../bundle/bundle-ipc'
import { knowledgeStep } from '../diagnosis/providers'
import { listProviders } from '../providers/provider-info'
import type { Services } from '../services'
import type { Handlers } from './router'

/** Maps every contract channel to a core service call (on the active workspace's vault). */
export function createHandlers(services: Services): Handlers {
  const vault = () => services.vault
  return {
    'app:info': () => services.appInfo(),
    'app:security': () => services.securityPosture(),
    'providers:list': () => listProviders(),
    'accounts:list': () => vault().list(),
    'accounts:status': () => vault().status(),
    'accounts:create': (request) => vault().create(request),
    'accounts:update': (request) => vault().update(request),
    'accounts:delete': ({ id }) => removeAccount(services, id),
    'accounts:duplicate': ({ id, label }) => vault().duplicate(id, label),
    'accounts:import-preview': (request) => vault().previewImport(request),
    'accounts:import': (request) => vault().importAccounts(request),
    'accounts:export': ({ format, ids }) => vault().exportAccounts(format, ids),
    'accounts:rotate-key': ({ id, secretKey }) => services.tokens.rotateKey(id, secretKey),
    'health:list': () => services.health.list(),
    'health:check': ({ id }) => services.health.check(id),
    'health:check-all': ({ ids }) => services.health.checkAll(ids),
    'health:cancel': ({ runId }) => services.health.cancel(runId),
    'health:history': ({ id }) => services.health.historyOf(id),
    'tokens:list': ({ accountId }) => services.tokens.list(accountId),
    'tokens:issue': ({ accountId, scopes, ttlSeconds }) => services.tokens.issue(accountId, { scopes, ttlSeconds }),
    'tokens:refresh': ({ accountId }) => services.tokens.refresh(accountId),
    'tokens:revoke': ({ accountId, jti }) => services.tokens.revoke(accountId, jti ?? null),
    'tokens:due': () => services.tokens.due(),
    'fleet:status': () => services.fleet.status(),
    'fleet:configure': (patch) => services.fleet.configure(patch),
    'fleet:cancel': ({ runId }) => services.fleet.cancel(runId),
    'knowledge:steps': ({ ids }) => ids.flatMap((id) => knowledgeStep(id) ?? []),
    'wizard:get': ({ accountId }) => services.wizard().get(accountId),
    'wizard:record': ({ accountId, stepId, outcome, note }) => services.wizard().record(accountId, stepId, outcome, note ?? null),
    'wizard:reset': async ({ accountId }) => {
      await services.wizard().reset([accountId])
      return null
    },
    'bundle:preview': (request) => previewForRenderer(services, request),
    'bundle:export': (request) => exportForRenderer(services, request),
    'bundle:reveal': ({ exportId }) => revealExport(services, exportId),
    'workspace:info': () => services.workspaces.info(),
    'workspace:switch': ({ to }) => services.workspaces.switchTo(to),
  }
}
