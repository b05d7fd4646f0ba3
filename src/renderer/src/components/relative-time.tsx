import { formatAge, formatDateTime } from '../lib/format-time'
import { useNow } from '../lib/use-now'

/** "5 min ago" (redrawn once a minute by the shared clock), with the full date as its tooltip. */
export function RelativeTime({ at, withDate = false }: { readonly at: string; readonly withDate?: boolean }) {
  const now = useNow(60_000)
  const age = formatAge(at, now)
  const date = formatDateTime(at)
  return (
    <time dateTime={at} title={date}>
      {withDate && age !== date ? `${date} (${age})` : age}
    </time>
  )
}
