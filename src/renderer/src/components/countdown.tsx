import { useMemo } from 'react'
import { formatDateTime, formatDuration, resolutionFor } from '../lib/format-time'
import { clockNow } from '../lib/clock'
import { useNow } from '../lib/use-now'

/** Seconds before the deadline at which the countdown turns to the warning colour. */
const SOON_MS = 5 * 60 * 1000

/**
 * A live countdown to `at`, driven by the shared clock. It redraws only as often as its
 * display changes (every second near the end, every minute or hour when far away).
 * `labelShown`: the label is written next to it already, so screen readers do not hear it twice.
 */
export function Countdown({ at, label, labelShown = false }: { readonly at: string; readonly label: string; readonly labelShown?: boolean }) {
  const target = new Date(at).getTime()
  // The resolution is re-read on every redraw, so it tightens as the deadline nears.
  const now = useNow(resolutionFor(target - clockNow()))
  const left = target - now
  const tone = left <= 0 ? 'overdue' : left <= SOON_MS ? 'soon' : 'ok'
  const text = left <= 0 ? `${formatDuration(-left)} ago` : `in ${formatDuration(left)}`
  // Formatting a date is the dearest part of a redraw: once per deadline, not once per second.
  const title = useMemo(() => `${label}: ${formatDateTime(at)}`, [label, at])
  return (
    <time className={`countdown countdown-${tone}`} dateTime={at} title={title} data-testid="countdown">
      {!labelShown && <span className="sr-only">{label} </span>}
      {text}
    </time>
  )
}
