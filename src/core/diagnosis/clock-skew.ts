/**
 * Local clock against the provider's `Date` header, on every response. The header has
 * one-second resolution, so skew is measured against the middle of the exchange and only a
 * difference beyond two minutes counts.
 */
export const SKEW_THRESHOLD_MS = 120_000

export interface SkewTracker {
  /** Records one response. */
  observe(dateHeader: string | undefined, sentAt: number, headersAt: number): void
  /** Provider minus local, ms; null until a usable Date header was seen. */
  readonly skewMs: number | null
}

export function createSkewTracker(): SkewTracker {
  let skew: number | null = null
  return {
    observe(dateHeader, sentAt, headersAt) {
      if (dateHeader === undefined) return
      const providerTime = Date.parse(dateHeader)
      if (Number.isNaN(providerTime)) return
      // Date truncates to the second: add half a second so an exact clock reads as ~0.
      skew = Math.round(providerTime + 500 - (sentAt + headersAt) / 2)
    },
    get skewMs() {
      return skew
    },
  }
}

export const isSkewed = (skewMs: number | null): skewMs is number => skewMs !== null && Math.abs(skewMs) > SKEW_THRESHOLD_MS

function duration(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000)
  if (seconds < 120) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 120) return `${minutes} min`
  const hours = Math.round(minutes / 60)
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`
}

/** "This computer's clock is 10 min behind the provider's." */
export function describeSkew(skewMs: number): string {
  return `This computer's clock is ${duration(skewMs)} ${skewMs > 0 ? 'behind' : 'ahead of'} the provider's.`
}
