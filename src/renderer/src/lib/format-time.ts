/** Human-readable times for the UI: absolute dates, relative ages and countdowns. */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** A duration as its two largest units: `3d 4h`, `2h 05m`, `4m 09s`, `12s`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND))
  const days = Math.floor(total / 86_400)
  const hours = Math.floor((total % 86_400) / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  if (days > 0) return `${days}d ${hours}h`
  if (hours > 0) return `${hours}h ${pad(minutes)}m`
  if (minutes > 0) return `${minutes}m ${pad(seconds)}s`
  return `${seconds}s`
}

/** How often a countdown `ms` away needs to redraw to stay exact in its two units. */
export function resolutionFor(ms: number): number {
  return Math.abs(ms) >= DAY ? HOUR : Math.abs(ms) >= HOUR ? MINUTE : SECOND
}

/** `5 min ago`, `yesterday`…, or the date when it is long ago. */
export function formatAge(iso: string, now: number): string {
  const ms = now - new Date(iso).getTime()
  if (Number.isNaN(ms)) return iso
  if (ms < MINUTE) return 'just now'
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`
  if (ms < 7 * DAY) return `${Math.floor(ms / DAY)} d ago`
  return formatDateTime(iso)
}
