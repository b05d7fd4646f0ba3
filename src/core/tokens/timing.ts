/**
 * When to refresh, when to stop handing a token out, and how long to wait after a failure.
 * Pure. SDKs refresh 10 s (Go) to 5 min (Google) early; AuthDesk takes a quarter of the
 * token's lifetime within those bounds, so 15-minute tokens refresh 3 m 45 s early and
 * one-minute tokens 15 s early (notes/anchors.md §2.9).
 */
export const MAX_MARGIN_MS = 5 * 60_000
export const MIN_MARGIN_MS = 10_000
export const MARGIN_FRACTION = 0.25
/** A token is handed out only if it lives at least this long after the request leaves. */
export const MIN_REMAINING_MS = 2_000
export const BACKOFF_BASE_MS = 2_000
export const BACKOFF_MAX_MS = 5 * 60_000

/** How early to refresh a token that lives `lifetimeMs` (provider clock, `exp - iat`). */
export function refreshMarginMs(lifetimeMs: number): number {
  const margin = Math.max(MIN_MARGIN_MS, Math.min(MAX_MARGIN_MS, lifetimeMs * MARGIN_FRACTION))
  // A token shorter than 20 s would be "due" as soon as it is issued: refresh at half-life instead.
  return Math.min(margin, Math.max(0, lifetimeMs / 2))
}

export interface TokenTimes {
  /** Provider clock, ms (`iat`). */
  readonly issuedAtMs: number
  /** Provider clock, ms (`exp`). */
  readonly expiresAtMs: number
}

/** Provider clock minus local clock; a positive skew means the provider reaches `exp` earlier by our clock. */
const local = (providerMs: number, skewMs: number | null): number => providerMs - (skewMs ?? 0)

/** Local time at which to refresh. */
export function refreshAtMs(times: TokenTimes, skewMs: number | null): number {
  return local(times.expiresAtMs, skewMs) - refreshMarginMs(times.expiresAtMs - times.issuedAtMs)
}

/** Local time after which the access token is never sent again. */
export function usableUntilMs(times: TokenTimes, skewMs: number | null): number {
  return local(times.expiresAtMs, skewMs) - MIN_REMAINING_MS
}

export const isUsable = (times: TokenTimes, skewMs: number | null, nowMs: number): boolean => nowMs < usableUntilMs(times, skewMs)

/**
 * Exponential backoff with "equal jitter": half the step fixed, half random, so that many
 * accounts failing together (a provider outage) do not retry in lock-step.
 */
export function backoffMs(failures: number, random: () => number): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1))
  return Math.round(step / 2 + (step / 2) * random())
}
