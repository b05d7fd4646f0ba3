import { KEYCHAIN_SERVICE, MemorySecretStore, type SecretStore } from './secret-store'
import type * as KeytarModule from 'keytar'
import type { SecretStorageStatus } from '../../shared/model'

type Keytar = typeof KeytarModule

/** The OS keychain through keytar (Secret Service on Linux, Keychain on macOS, Credential Vault on Windows). */
export class KeychainSecretStore implements SecretStore {
  readonly status: SecretStorageStatus = {
    backend: 'keychain',
    persistent: true,
    reason: 'The OS keychain is available; secrets are stored there.',
    hint: null,
  }

  constructor(
    private readonly keytar: Keytar,
    private readonly service: string,
  ) {}

  get(account: string): Promise<string | null> {
    return this.keytar.getPassword(this.service, account)
  }

  set(account: string, value: string): Promise<void> {
    return this.keytar.setPassword(this.service, account, value)
  }

  delete(account: string): Promise<boolean> {
    return this.keytar.deletePassword(this.service, account)
  }

  async list(): Promise<ReadonlyArray<string>> {
    const items = await this.keytar.findCredentials(this.service)
    return items.map((item) => item.account)
  }
}

/** Known keychain failures, matched on the library's message, with a fix a user can apply. */
const HINTS: ReadonlyArray<{ readonly match: RegExp; readonly hint: string }> = [
  {
    match: /autolaunch D-Bus|dbus-launch|Could not connect|DBUS_SESSION_BUS_ADDRESS/i,
    hint: 'No D-Bus session bus was found. Start AuthDesk from a desktop session, or run it inside `dbus-run-session`.',
  },
  {
    match: /org\.freedesktop\.secrets was not provided/i,
    hint: 'No Secret Service is installed. Install gnome-keyring (or enable Secret Service in KeePassXC) and restart AuthDesk.',
  },
  {
    match: /Object does not exist at path|locked|dismissed|prompt/i,
    hint: 'The keyring is locked or has no default collection. Unlock it (log in to your desktop session) and restart AuthDesk.',
  },
  {
    match: /Cannot find module|was compiled against|invalid ELF|NODE_MODULE_VERSION/i,
    hint: 'The keychain module could not be loaded. Reinstall AuthDesk (`npm ci`) so it is rebuilt for this system.',
  },
]

export function keychainHint(message: string): string {
  return HINTS.find((h) => h.match.test(message))?.hint ?? 'Check that your OS keychain is running and unlocked, then restart AuthDesk.'
}

export function unavailableStatus(message: string): SecretStorageStatus {
  return {
    backend: 'memory',
    persistent: false,
    reason: `The OS keychain is unavailable: ${message.trim() || 'unknown error'}. Secrets are kept in memory for this session only.`,
    hint: keychainHint(message),
  }
}

export interface OpenSecretStoreOptions {
  readonly service?: string
  /** For tests: how to load keytar. */
  readonly loadKeytar?: () => Promise<Keytar>
}

async function loadDefaultKeytar(): Promise<Keytar> {
  const mod = (await import('keytar')) as Keytar & { default?: Keytar }
  return mod.default ?? mod
}

/**
 * Probes the keychain once. On any failure the app keeps working with a session-only
 * memory store whose status names the reason; it never falls back to writing secrets to disk.
 */
export async function openSecretStore(options: OpenSecretStoreOptions = {}): Promise<SecretStore> {
  const service = options.service ?? KEYCHAIN_SERVICE
  try {
    const keytar = await (options.loadKeytar ?? loadDefaultKeytar)()
    await keytar.findCredentials(service)
    return new KeychainSecretStore(keytar, service)
  } catch (error) {
    return new MemorySecretStore(unavailableStatus(error instanceof Error ? error.message : String(error)))
  }
}
