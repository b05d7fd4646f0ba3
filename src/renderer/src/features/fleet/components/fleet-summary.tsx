import type { ReactNode } from 'react'
import type { FleetStatus } from '@shared/fleet'
import { DeadlineTime } from '@renderer/components/deadline-time'
import { Icon } from '@renderer/components/icon'
import { clockNow } from '@renderer/lib/clock'
import { resolutionFor } from '@renderer/lib/format-time'
import { useNow } from '@renderer/lib/use-now'
import { busyCount, fleetState, FLEET_STATE } from '../utils/fleet-words'
import { describeMinutes } from '../utils/interval'

const HOUR = 3_600_000

function Fact({ label, children, testId }: { readonly label: string; readonly children: ReactNode; readonly testId: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  )
}

/** A countdown to the next check, which says "Due now" once that time has come (not "1m ago"). */
function NextCheckTime({ at }: { readonly at: string }) {
  const left = Date.parse(at) - clockNow()
  // Redraws as often as the countdown changes; once due, nothing changes with time any more.
  useNow(left > 0 ? resolutionFor(left) : HOUR)
  return left > 0 ? <DeadlineTime at={at} label="Next background check" /> : <span>Due now</span>
}

function NextCheck({ status }: { readonly status: FleetStatus }) {
  if (!status.active || !status.settings.enabled) return <span className="muted">None planned</span>
  if (status.nextCheckAt) return <NextCheckTime at={status.nextCheckAt} />
  // Nothing idle is due later: accounts may still wait now (e.g. for a provider's pause).
  return busyCount(status) > 0 ? <span>Due now</span> : <span className="muted">Nothing is due</span>
}

/** Whether background checks run, when the next one is due, and how often accounts are re-checked. */
export function FleetSummary({ status }: { readonly status: FleetStatus }) {
  const state = FLEET_STATE[fleetState(status)]
  return (
    <dl className="fact-grid" data-testid="fleet-summary">
      <Fact label="Background checks" testId="fleet-state">
        <span className="fleet-state">
          <Icon name={state.icon} size={18} />
          {state.label}
        </span>
      </Fact>
      <Fact label="Next check" testId="fleet-next-check">
        <NextCheck status={status} />
      </Fact>
      <Fact label="Re-check interval" testId="fleet-interval">
        Every {describeMinutes(status.settings.intervalMinutes)}
      </Fact>
    </dl>
  )
}
