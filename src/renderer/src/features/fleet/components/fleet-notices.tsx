import type { FleetStatus } from '@shared/fleet'
import { Banner } from '@renderer/components/banner'
import { PAUSE_TITLE } from '../utils/fleet-words'

/** Says plainly when nothing is checked in the background here, and why everything waits. */
export function FleetNotices({ status }: { readonly status: FleetStatus }) {
  if (!status.active)
    return (
      <Banner tone="info" testId="fleet-not-running" title="Background checks are not running here">
        This copy of AuthDesk does not run the scheduler (the command line and test harnesses do not), so no account is re-checked in the background. The
        settings below are still saved, and apply wherever the desktop app runs.
      </Banner>
    )
  if (!status.paused) return null
  return (
    <Banner tone="warning" testId="fleet-paused" title={PAUSE_TITLE[status.paused.reason]}>
      {status.paused.message}
    </Banner>
  )
}
