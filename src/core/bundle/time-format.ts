/** Times as support desks want them: local wall-clock time with its UTC offset and zone name. */

function parts(date: Date, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  })
  return Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]))
}

/** A zone Intl knows, else UTC. */
export function safeTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone })
    return timeZone
  } catch {
    return 'UTC'
  }
}

/** `+02:00` for a zone at a moment. */
export function utcOffset(iso: string, timeZone: string): string {
  const name = parts(new Date(iso), safeTimeZone(timeZone)).timeZoneName ?? 'GMT'
  const m = /GMT([+-]\d{2}:\d{2})/.exec(name)
  return m ? m[1]! : '+00:00'
}

/** `2026-05-04 09:57:12 +02:00 (Europe/Amsterdam)`; an unparseable time is returned as given. */
export function formatLocal(iso: string, timeZone: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const zone = safeTimeZone(timeZone)
  const p = parts(date, zone)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${utcOffset(iso, zone)} (${zone})`
}

/** `+1.8 s` / `-350 ms`. */
export function formatSkew(ms: number): string {
  const sign = ms < 0 ? '-' : '+'
  const abs = Math.abs(ms)
  return abs >= 1000 ? `${sign}${(abs / 1000).toFixed(1)} s` : `${sign}${Math.round(abs)} ms`
}
