import { createAuthmatechSimulator } from '../providers/authmatech/simulator'
import { createGroupcallSimulator } from '../providers/groupcall/simulator'
import { createNmbrsSimulator } from '../providers/nmbrs/simulator'
import { createSmsGateSimulator } from '../providers/smsgate/simulator'
import type { ProviderId } from '../../shared/model'
import type { SimClock } from './clock'
import type { ProviderSimulator } from './types'

/** One fresh simulator per provider; the order is the order `--port N` assigns ports in. */
export const SIMULATOR_FACTORIES: Readonly<Record<ProviderId, (clock: SimClock) => ProviderSimulator>> = {
  groupcall: () => createGroupcallSimulator(),
  nmbrs: () => createNmbrsSimulator(),
  smsgate: (clock) => createSmsGateSimulator({ now: clock.now }),
  authmatech: () => createAuthmatechSimulator(),
}
