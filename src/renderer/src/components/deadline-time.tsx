import { formatDateTime } from '../lib/format-time'
import { Countdown } from './countdown'

/** A deadline as its date with the live countdown under it; a dash when there is none. */
export function DeadlineTime({ at, label, testId }: { readonly at: string | null; readonly label: string; readonly testId?: string }) {
  if (!at)
    return (
      <span className="muted" data-testid={testId}>
        —
      </span>
    )
  return (
    <span className="deadline" data-testid={testId}>
      <Countdown at={at} label={label} />
      <span className="deadline-date">{formatDateTime(at)}</span>
    </span>
  )
}
