import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SecretStorageStatus } from '../../../../src/shared/model'
import { silentLogger, type Logger } from '../../../../src/core/log'
import { SecretScrubber } from '../../../../src/core/secret-scrubber'
import { unavailableStatus } from '../../../../src/core/vault/keychain-store'
import type { SecretStore } from '../../../../src/core/vault/secret-store'
import { Vault } from '../../../../src/core/vault/vault'

export const KEYCHAIN_STATUS: SecretStorageStatus = { backend: 'keychain', persistent: true, reason: 'fake keychain', hint: null, error: null }

/** An in-memory SecretStore that reports itself as the keychain, counts reads, and can be made to fail. */
export class FakeKeychain implements SecretStore {
  readonly items = new Map<string, string>()
  readonly reads: string[] = []
  failNext: Error | null = null

  constructor(readonly status: SecretStorageStatus = KEYCHAIN_STATUS) {}

  private check(): void {
    const error = this.failNext
    this.failNext = null
    if (error) throw error
  }

  async get(account: string) {
    this.check()
    this.reads.push(account)
    return this.items.get(account) ?? null
  }

  async set(account: string, value: string) {
    this.check()
    this.items.set(account, value)
  }

  async delete(account: string) {
    this.check()
    return this.items.delete(account)
  }

  async list() {
    this.check()
    return [...this.items.keys()]
  }

  /** Reads of account items (the fingerprint key does not count). */
  accountReads(): string[] {
    return this.reads.filter((r) => r.startsWith('account:'))
  }
}

export const memoryStatus = (): SecretStorageStatus => unavailableStatus('Cannot autolaunch D-Bus without X11 $DISPLAY')

export async function tempDir(prefix = 'authdesk-vault-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

export interface TestVault {
  readonly vault: Vault
  readonly dataDir: string
  readonly store: FakeKeychain
  readonly scrubber: SecretScrubber
  readonly lines: string[]
}

export async function openTestVault(options: { dataDir?: string; store?: FakeKeychain; logger?: Logger } = {}): Promise<TestVault> {
  const dataDir = options.dataDir ?? (await tempDir())
  const store = options.store ?? new FakeKeychain()
  const scrubber = new SecretScrubber()
  const lines: string[] = []
  const logger: Logger = options.logger ?? {
    log: (level, event, data) => lines.push(scrubber.scrub(JSON.stringify({ level, event, ...data }))),
  }
  const vault = await Vault.open({ dataDir, store, scrubber, logger: logger ?? silentLogger })
  return { vault, dataDir, store, scrubber, lines }
}

export const NMBRS = { label: 'Prod Nmbrs', provider: 'nmbrs' as const, fields: { USERNAME: 'ops@example.com', TOKEN: 'tok-0123456789abcdef', DOMAIN: 'acme' } }
