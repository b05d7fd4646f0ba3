import { ensureFingerprintKey, FINGERPRINT_KEY_ITEM } from './fingerprint'
import { deadlineMessage, probeInChild } from './keychain-probe'
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
    error: null,
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
    // keytar has no names-only search: the values come back too and are dropped here unread.
    const items = await this.keytar.findCredentials(this.service)
    return items.map((item) => item.account)
  }

  /** The same keychain under another service name (the shared one of vaults made before namespaces). */
  sibling(service: string): KeychainSecretStore {
    return new KeychainSecretStore(this.keytar, service)
  }
}

/**
 * A new namespace starts with the install's fingerprint key of the shared (pre-namespace)
 * service when there is one, so fingerprints saved in the account file still match.
 */
async function inheritFingerprintKey(store: SecretStore, legacy: SecretStore): Promise<void> {
  if ((await store.get(FINGERPRINT_KEY_ITEM)) !== null) return
  const key = await legacy.get(FINGERPRINT_KEY_ITEM)
  if (key !== null) await store.set(FINGERPRINT_KEY_ITEM, key)
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
    match: /Object does not exist at path|locked|dismissed|prompt|did not answer/i,
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
  const error = message.trim() || 'unknown error'
  return {
    backend: 'memory',
    persistent: false,
    reason: `The OS keychain is unavailable: ${error}. Secrets are kept in memory for this session only.`,
    hint: keychainHint(message),
    error,
  }
}

export interface OpenSecretStoreOptions {
  readonly service?: string
  /** The service this vault's items were kept in before it had its own; its fingerprint key is taken over. */
  readonly legacyService?: string
  /** How long the probe may take; a keyring waiting on an unlock prompt can block forever. */
  readonly timeoutMs?: number
  /**
   * Make the first calls in a child process (default), so a call stuck on an unseen unlock
   * prompt cannot keep a command-line process from exiting. The desktop app probes in-process:
   * its prompt is visible, it does not need to exit, and packaged builds may not run as Node.
   */
  readonly isolateProbe?: boolean
  /** For tests: how to load keytar (the probe then runs in this process). */
  readonly loadKeytar?: () => Promise<Keytar>
}

const PROBE_TIMEOUT_MS = 5_000

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(deadlineMessage(ms))), ms)
    timer.unref()
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

async function loadDefaultKeytar(): Promise<Keytar> {
  const mod = (await import('keytar')) as Keytar & { default?: Keytar }
  return mod.default ?? mod
}

/**
 * Probes the keychain once: a search, then reading (on first use, writing) the install's
 * fingerprint key, because a locked keyring answers searches but refuses writes or waits on
 * an unlock prompt. The first calls run in a child process (see keychain-probe.ts). On any
 * failure the app keeps working with a session-only memory store whose status names the
 * reason; it never falls back to writing secrets to disk.
 */
export async function openSecretStore(options: OpenSecretStoreOptions = {}): Promise<SecretStore> {
  const service = options.service ?? KEYCHAIN_SERVICE
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS
  try {
    if (!options.loadKeytar && options.isolateProbe !== false) await probeInChild(service, timeoutMs)
    const keytar = await (options.loadKeytar ?? loadDefaultKeytar)()
    const store = new KeychainSecretStore(keytar, service)
    const probe = async (): Promise<void> => {
      await keytar.findCredentials(service)
      if (options.legacyService !== undefined) await inheritFingerprintKey(store, store.sibling(options.legacyService))
      await ensureFingerprintKey(store)
    }
    await withDeadline(probe(), timeoutMs)
    return store
  } catch (error) {
    return new MemorySecretStore(unavailableStatus(error instanceof Error ? error.message : String(error)))
  }
}
