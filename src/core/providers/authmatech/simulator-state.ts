/**
 * Mutable per-instance state of the Authmatech simulator: current and retired keys, balances,
 * usage counters and the per-client rate window. Seeded from the scenario clients; reset() re-seeds.
 */
import { AUTHMATECH_SIM_CLIENT_LIST, simToken, type AuthmatechProduct, type AuthmatechSimClient } from './simulator-scenarios'

export const RATE_WINDOW_MS = 60_000

interface RetiredKey {
  readonly key: string
  /** When it was rotated away (ms); seeded keys use -Infinity so no grace applies. */
  readonly at: number
}

export interface ClientState {
  readonly seed: AuthmatechSimClient
  apiKey: string
  retired: RetiredKey[]
  rotations: number
  balance: number
  totalRequests: number
  readonly usage: Map<AuthmatechProduct, number>
  /** Times (ms) of the requests counted in the current sliding minute. */
  window: number[]
}

function seedState(seed: AuthmatechSimClient): ClientState {
  return {
    seed,
    apiKey: seed.apiKey,
    retired: seed.retiredKeys.map((key) => ({ key, at: -Infinity })),
    rotations: 0,
    balance: seed.balance,
    totalRequests: 0,
    usage: new Map(),
    window: [],
  }
}

export function seedClients(): Map<string, ClientState> {
  return new Map(AUTHMATECH_SIM_CLIENT_LIST.map((c) => [c.clientId, seedState(c)]))
}

/** The current key, or a rotated one still inside its grace period. */
export function keyAccepted(state: ClientState, apiKey: string, now: number, graceMs: number): boolean {
  return apiKey === state.apiKey || state.retired.some((r) => r.key === apiKey && now < r.at + graceMs)
}

/** Counts one request against a sliding one-minute window; false when the budget is spent. */
export function takeBudget(state: ClientState, now: number, budgetPerMinute: number): boolean {
  // Times are appended in order, so expired ones are a prefix: drop it in place. (Filtering a
  // copy of a window of tens of thousands of times on every request made the GC stall.)
  const cutoff = now - RATE_WINDOW_MS
  let expired = 0
  while (expired < state.window.length && state.window[expired]! <= cutoff) expired++
  if (expired > 0) state.window.splice(0, expired)
  if (state.window.length >= budgetPerMinute) return false
  state.window.push(now)
  return true
}

/** Issues a new key; the old one is retired at `now`. Deterministic per client and rotation. */
export function rotateKey(state: ClientState, now: number): string {
  state.rotations += 1
  state.retired.push({ key: state.apiKey, at: now })
  state.apiKey = simToken(`key|${state.seed.clientId}|rotation|${state.rotations}`)
  return state.apiKey
}

export function recordUse(state: ClientState, product: AuthmatechProduct): void {
  state.usage.set(product, (state.usage.get(product) ?? 0) + 1)
}

export function balanceExpired(state: ClientState, now: number): boolean {
  return state.seed.balanceExpiresAt !== null && now >= state.seed.balanceExpiresAt
}
