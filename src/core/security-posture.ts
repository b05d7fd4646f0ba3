import { CHANNEL_NAMES, EVENT_NAMES } from '../shared/contract'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import type { NetworkTrust, SecretStorageStatus, SecurityPosture } from '../shared/model'

export interface RuntimeFacts {
  readonly runtime: SecurityPosture['runtime']
  readonly electron: string | null
  /** Reads the window's effective preferences back (main), or null (harness). */
  readonly webPreferences: () => SecurityPosture['webPreferences']
}

/** What the Security screen shows: facts read from the running build, not a description of intent. */
export function describePosture(facts: RuntimeFacts, secretStorage: SecretStorageStatus, network: NetworkTrust): SecurityPosture {
  return {
    runtime: facts.runtime,
    webPreferences: facts.webPreferences(),
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    ipc: {
      channels: CHANNEL_NAMES,
      events: EVENT_NAMES,
      senderPolicy: 'Only the main frame of the app’s own window, served from its own origin; anything else is refused and logged.',
      validation: 'Every request is parsed against its zod schema before a handler runs; errors carry a code and a message, never a stack or a secret.',
    },
    electron: facts.electron,
    secretStorage,
    network,
  }
}
