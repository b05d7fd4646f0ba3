/**
 * Opens the same vault the desktop app uses (its data directory and keychain service,
 * unless told otherwise) for a vault command. Without a usable keychain a vault command
 * stops with exit 4: the CLI never keeps secrets anywhere else.
 */
import { defaultDataDir } from '../core/paths'
import { createServices, type Services } from '../core/services'
import { CommandError } from './errors'
import { EXIT, type CliIo } from './io'
import { cliNetwork } from './network'
import { VERSION } from './version'

export type OpenServices = (dataDir: string, io: CliIo) => Promise<Services>

/** AUTHDESK_KEYCHAIN_SERVICE selects another keychain service (tests, side-by-side installs). */
export const openDefaultServices: OpenServices = (dataDir, io) =>
  createServices({ dataDir, appVersion: VERSION, keychainService: io.env.AUTHDESK_KEYCHAIN_SERVICE || undefined, network: cliNetwork(io) })

export async function withVault(
  open: OpenServices,
  dataDir: string | undefined,
  io: CliIo,
  work: (services: Services) => Promise<number>,
): Promise<number> {
  const services = await open(dataDir ?? defaultDataDir(io.env), io)
  try {
    const storage = services.secretStore.status
    if (storage.backend !== 'keychain') {
      const fix = storage.hint ? ` Fix: ${storage.hint}` : ''
      const message = `the OS keychain is unavailable: ${storage.error ?? 'unknown error'}.${fix} Nothing was read or written: vault commands need the keychain.`
      throw new CommandError(EXIT.keychain, 'vault.keychain-unavailable', message)
    }
    return await work(services)
  } finally {
    await services.close()
  }
}
