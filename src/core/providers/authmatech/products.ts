/**
 * Reading `/v1/api/me/products` and `/me/usage` without a published schema (dossier §10):
 * every fact here is inferred from whatever shape the answer has, so it only ever becomes a
 * note or a `degraded` verdict, never `failing`. Pure.
 */
import { AUTHMATECH_PRODUCT_NAMES } from './definition'

export interface ProductList {
  readonly enabled: ReadonlyArray<string>
  readonly disabled: ReadonlyArray<string>
  /** Listed, but whether it is on could not be read. */
  readonly unclear: ReadonlyArray<string>
}

export interface Balance {
  readonly remaining: number | null
  readonly expiresAt: string | null
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `Verify`, `VERIFY_NPLUS`, `verify-web` → `VERIFY`; unknown names stay as given, upper-cased. */
export function productFamily(name: string): string {
  const upper = name.trim().toUpperCase()
  return AUTHMATECH_PRODUCT_NAMES.find((p) => upper === p || new RegExp(`^${p}[^A-Z0-9]`).test(upper)) ?? upper
}

const ON = new Set(['ACTIVE', 'ENABLED', 'ON', 'TRUE', 'YES'])
const OFF = new Set(['INACTIVE', 'DISABLED', 'OFF', 'FALSE', 'NO', 'SUSPENDED', 'BLOCKED'])

function enabledFlag(entry: Record<string, unknown>): boolean | null {
  for (const key of ['enabled', 'active', 'isEnabled', 'isActive']) if (typeof entry[key] === 'boolean') return entry[key] as boolean
  const status = entry.status ?? entry.state
  if (typeof status !== 'string') return null
  const value = status.trim().toUpperCase()
  return ON.has(value) ? true : OFF.has(value) ? false : null
}

function entryName(entry: unknown): string | null {
  if (typeof entry === 'string') return entry
  if (!isRecord(entry)) return null
  const name = entry.product ?? entry.name ?? entry.code
  return typeof name === 'string' && name.trim() !== '' ? name : null
}

function listIn(data: unknown): ReadonlyArray<unknown> | null {
  if (Array.isArray(data)) return data
  if (!isRecord(data)) return null
  for (const key of ['products', 'items', 'enabledProducts']) if (Array.isArray(data[key])) return data[key] as unknown[]
  return null
}

/** The list in any of the plausible shapes; null when nothing in it names a product. */
export function readProducts(data: unknown): ProductList | null {
  const entries = listIn(data)
  if (entries === null) return null
  const enabled: string[] = []
  const disabled: string[] = []
  const unclear: string[] = []
  for (const entry of entries) {
    const name = entryName(entry)
    if (name === null) continue
    // A bare name in a list reads as "this product is on".
    const flag = typeof entry === 'string' ? true : enabledFlag(entry as Record<string, unknown>)
    const family = productFamily(name)
    ;(flag === true ? enabled : flag === false ? disabled : unclear).push(family)
  }
  const unique = (list: string[]) => [...new Set(list)]
  const on = unique(enabled)
  // A family with one enabled variant (VERIFY on, VERIFY_NPLUS off) counts as enabled.
  const list = { enabled: on, disabled: unique(disabled).filter((p) => !on.includes(p)), unclear: unique(unclear).filter((p) => !on.includes(p)) }
  return list.enabled.length + list.disabled.length + list.unclear.length === 0 && entries.length > 0 ? null : list
}

const numberAt = (record: Record<string, unknown>, keys: ReadonlyArray<string>): number | null => {
  for (const key of keys) if (typeof record[key] === 'number' && Number.isFinite(record[key])) return record[key] as number
  return null
}
const textAt = (record: Record<string, unknown>, keys: ReadonlyArray<string>): string | null => {
  for (const key of keys) if (typeof record[key] === 'string') return record[key] as string
  return null
}

/** `{balance: {remaining, expiresAt}}`, `{remaining}`, `{balance: 12}`… ; null when none of them is there. */
export function readBalance(data: unknown): Balance | null {
  if (!isRecord(data)) return null
  const nested = isRecord(data.balance) ? data.balance : null
  const source = nested ?? data
  const remaining = numberAt(source, ['remaining', 'remainingBalance', 'available']) ?? (nested === null ? numberAt(data, ['balance']) : null)
  const expiresAt = textAt(source, ['expiresAt', 'expiryDate', 'expires'])
  return remaining === null && expiresAt === null ? null : { remaining, expiresAt }
}
