/**
 * What the renderer may know about a secret: a keyed fingerprint and a short masked tail.
 *
 * The fingerprint is HMAC-SHA256 under a random per-install key, truncated to 64 bits. The
 * key lives in the OS keychain (item `install:fingerprint-key` of the vault's service), never
 * in the data directory: fingerprints and tails are stored in the account file, and anyone
 * holding that file and the key could test guesses of a weak secret offline. Without a
 * keychain the key exists in memory for the session only, like the secrets it would describe.
 * The CLI and the app share the keychain service, so they share the key and their
 * fingerprints match.
 */
import { createHmac, randomBytes } from 'node:crypto'
import type { SecretFieldView } from '../../shared/model'
import type { SecretStore } from './secret-store'

export const FINGERPRINT_KEY_ITEM = 'install:fingerprint-key'

const MASK = '••••'

/** Stored per secret field in the account file. */
export interface SecretFieldRecord {
  readonly fingerprint: string
  readonly maskedTail: string
}

/**
 * At most 4 characters, and never more than a quarter of the value, so short secrets
 * reveal little or nothing. The mask has a fixed width and does not reveal the length.
 */
export function maskedTail(value: string): string {
  const chars = [...value]
  const show = chars.length >= 16 ? 4 : chars.length >= 8 ? 2 : 0
  return MASK + chars.slice(chars.length - show).join('')
}

export function fingerprintWith(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex').slice(0, 16)
}

export function secretFieldView(record: SecretFieldRecord | undefined): SecretFieldView {
  return record ? { set: true, fingerprint: record.fingerprint, maskedTail: record.maskedTail } : { set: false, fingerprint: null, maskedTail: null }
}

/** Reads the install key from the store, creating it on first use. */
export async function ensureFingerprintKey(store: SecretStore): Promise<Buffer> {
  const stored = await store.get(FINGERPRINT_KEY_ITEM)
  if (stored) return Buffer.from(stored, 'base64')
  const key = randomBytes(32)
  await store.set(FINGERPRINT_KEY_ITEM, key.toString('base64'))
  // Another process may have created one at the same moment: whichever the store kept wins.
  const kept = await store.get(FINGERPRINT_KEY_ITEM)
  return kept ? Buffer.from(kept, 'base64') : key
}

export class Fingerprinter {
  private key: Promise<Buffer> | null = null

  constructor(
    private readonly store: SecretStore,
    /** Turns a keychain failure into the error to show. */
    private readonly failure: (error: unknown) => Error = (error) => (error instanceof Error ? error : new Error(String(error))),
  ) {}

  private loadKey(): Promise<Buffer> {
    this.key ??= ensureFingerprintKey(this.store).catch((error: unknown) => {
      this.key = null
      throw this.failure(error)
    })
    return this.key
  }

  async record(value: string): Promise<SecretFieldRecord> {
    return { fingerprint: fingerprintWith(await this.loadKey(), value), maskedTail: maskedTail(value) }
  }

  async fingerprint(value: string): Promise<string> {
    return fingerprintWith(await this.loadKey(), value)
  }
}
