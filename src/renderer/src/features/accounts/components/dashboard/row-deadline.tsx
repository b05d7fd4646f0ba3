import { Countdown } from '@renderer/components/countdown'
import { COUNTDOWN_LABELS, deadlineUrgency, type CountdownTarget } from '@renderer/lib/health-summary'
import { useNow } from '@renderer/lib/use-now'

/** What ends and when ("Rotation due in 90d 0h"), amber as it nears and red when (nearly) due. */
export function RowDeadline({ target }: { readonly target: CountdownTarget | null }) {
  const now = useNow(60_000)
  if (!target)
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="sr-only">No deadline</span>
      </span>
    )
  const label = COUNTDOWN_LABELS[target.kind]
  return (
    <span className={`row-deadline deadline-${deadlineUrgency(target, now)}`} data-testid="row-deadline">
      <span className="row-deadline-label">{label}</span> <Countdown at={target.at} label={label} labelShown />
    </span>
  )
}
