import { removeAccount } from '../account-removal'
import { updateAccount } from '../account-update'
import { switchToSuggestedEnvironment } from '../environment-switch'
import { exportForRenderer, previewForRenderer, revealExport } from '../bundle/bundle-ipc'
import { knowledgeStep } from '../diagnosis/knowledge-steps'
import { listProviders } from '../providers/provider-info'
import { AppError } from '../errors'
import type { Services } from '../services'
import type { Handlers } from './router'

/** Maps every contract channel to a core service call (on the active workspace's vault). */
export function createHandlers(services: Services): Handlers {
  const vault = () => services.vault
  /** Account-scoped channels answer only for accounts that exist: an unknown id (or "__proto__") never reaches a store. */
  const known = async (id: string): Promise<void> => {
    if (!(await vault().list()).some((a) => a.id === id))
      throw new AppError('account.not-found', 'No account has this id; it may have been deleted. Reload the list.', { field: 'accountId' })
  }
  const forAccount =
    <R extends { readonly accountId: string }, T>(work: (request: R) => Promise<T> | T) =>
    async (request: R): Promise<T> => {
      await known(request.accountId)
      return work(request)
    }
  return {
    'app:info': () => services.appInfo(),
    'app:security': () => services.securityPosture(),
    'app:choose-ca-file': () => services.chooseCaFile(),
    'app:clear-ca-file': () => services.clearCaFile(),
    'providers:list': () => listProviders(services.workspaces.info().active),
    'providers:catalog': () => services.providers.list(),
    'providers:add': ({ text }) => services.providers.add(text),
    'providers:remove': ({ id }) => services.providers.remove(id),
    'accounts:list': () => vault().list(),
    'accounts:status': () => vault().status(),
    'accounts:create': (request) => vault().create(request),
    'accounts:update': (request) => updateAccount(services, request),
    'accounts:switch-environment': ({ id }) => switchToSuggestedEnvironment(services, id),
    'accounts:delete': ({ id }) => removeAccount(services, id),
    'accounts:duplicate': ({ id, label }) => vault().duplicate(id, label),
    'accounts:import-preview': (request) => vault().previewImport(request),
    'accounts:import': (request) => vault().importAccounts(request),
    'accounts:export': ({ format, ids }) => vault().exportAccounts(format, ids),
    'accounts:rotate-key': ({ id, secretKey }) => services.tokens.rotateKey(id, secretKey),
    'health:list': () => services.health.list(),
    'health:check': ({ id }) => services.health.check(id),
    'health:check-all': async ({ ids }) => {
      for (const id of ids ?? []) await known(id)
      return services.health.checkAll(ids)
    },
    'health:cancel': ({ runId }) => services.health.cancel(runId),
    'health:history': async ({ id }) => {
      await known(id)
      return services.health.historyOf(id)
    },
    'tokens:list': forAccount(({ accountId }) => services.tokens.list(accountId)),
    'tokens:issue': forAccount(({ accountId, scopes, ttlSeconds }) => services.tokens.issue(accountId, { scopes, ttlSeconds })),
    'tokens:refresh': forAccount(({ accountId }) => services.tokens.refresh(accountId)),
    'tokens:revoke': forAccount(({ accountId, jti }) => services.tokens.revoke(accountId, jti ?? null)),
    'tokens:due': () => services.tokens.due(),
    'fleet:status': () => services.fleet.status(),
    'fleet:configure': (patch) => services.fleet.configure(patch),
    'fleet:cancel': ({ runId }) => services.fleet.cancel(runId),
    'knowledge:steps': ({ ids }) => ids.flatMap((id) => knowledgeStep(id) ?? []),
    'wizard:get': forAccount(({ accountId }) => services.wizard().get(accountId)),
    'wizard:record': forAccount(({ accountId, stepId, outcome, note }) => services.wizard().record(accountId, stepId, outcome, note ?? null)),
    'wizard:reset': forAccount(async ({ accountId }) => {
      await services.wizard().reset([accountId])
      return null
    }),
    'bundle:preview': forAccount((request) => previewForRenderer(services, request)),
    'bundle:export': forAccount((request) => exportForRenderer(services, request)),
    'bundle:reveal': ({ exportId }) => revealExport(services, exportId),
    'workspace:info': () => services.workspaces.info(),
    'workspace:switch': ({ to }) => services.workspaces.switchTo(to),
  }
}
