import type { Services } from '../services'
import type { Handlers } from './router'

/** Maps every contract channel to a core service call. */
export function createHandlers(services: Services): Handlers {
  return {
    'app:info': () => services.appInfo(),
    'accounts:list': () => services.vault.listAccounts(),
  }
}
