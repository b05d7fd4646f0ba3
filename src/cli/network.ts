/** The network settings every command uses: proxy variables from its environment, and the global --ca-file. */
import type { ServicesOptions } from '../core/services'
import type { CliIo } from './io'

/** Set by main from --ca-file (also usable as an environment variable). */
export const CA_FILE_VARIABLE = 'AUTHDESK_CA_FILE'

export function cliNetwork(io: CliIo): NonNullable<ServicesOptions['network']> {
  return { env: io.env, caFile: io.env[CA_FILE_VARIABLE] || null }
}
