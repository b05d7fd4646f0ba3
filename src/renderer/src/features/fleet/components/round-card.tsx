import { useRef } from 'react'
import type { FleetProgress, ProviderLoad } from '@shared/fleet'
import { providerById, useProviders } from '@renderer/api/get-providers'
import { formatDateTime } from '@renderer/lib/format-time'
import { SectionCard } from '@renderer/components/section-card'
import { useToasts } from '@renderer/stores/toast-store'
import { useCancelFleetRound } from '../api/cancel-fleet-round'
import { useLastRound } from '../stores/last-round'
import { roundText, TRIGGER_TEXT } from '../utils/fleet-words'

const skippedText = (n: number): string =>
  n === 0 ? 'Round cancelled: every account of it had already started.' : `Round cancelled: ${n} account${n === 1 ? '' : 's'} not started yet are skipped until their next regular check.`

function statusText(round: FleetProgress | null, last: FleetProgress | null): string {
  if (round) return roundText(round)
  return last ? `Last round: ${roundText(last)}` : 'No round is running. The next one starts when accounts come due.'
}

/**
 * The background round: progress (a live region, present before any round so changes are
 * announced), what started it, and Cancel while it runs; the last one's result after it ends.
 * Cancel goes away once used, so the focus moves to the progress text.
 */
/** Why a running round does not move: the providers that asked AuthDesk to wait, and until when. */
function HeldNotes({ providers }: { readonly providers: ReadonlyArray<ProviderLoad> }) {
  const info = useProviders()
  const held = providers.filter((p) => p.heldUntil && p.waiting > 0)
  if (held.length === 0) return null
  return (
    <ul className="plain-list fleet-round-held" data-testid="fleet-round-held">
      {held.map((load) => {
        const label = providerById(info.data, load.provider)?.label ?? load.provider
        return (
          <li key={load.provider}>
            Waiting for {label}: {load.waiting} account{load.waiting === 1 ? ' is' : 's are'} held by {label} until{' '}
            <time dateTime={load.heldUntil ?? undefined}>{formatDateTime(load.heldUntil ?? '')}</time>, because it asked AuthDesk to wait (rate limit or
            maintenance). The round finishes after that.
          </li>
        )
      })}
    </ul>
  )
}

export function RoundCard({ round, providers }: { readonly round: FleetProgress | null; readonly providers: ReadonlyArray<ProviderLoad> }) {
  const last = useLastRound((s) => s.last)
  const cancel = useCancelFleetRound()
  const toast = useToasts((s) => s.show)
  const statusRef = useRef<HTMLParagraphElement>(null)
  const shown = round ?? last
  const cancelRound = (runId: string): void => {
    cancel.mutate(runId, {
      onSuccess: ({ skipped }) => {
        toast(skippedText(skipped), 'info')
        statusRef.current?.focus()
      },
    })
  }
  const action = round && !round.cancelled && (
    <button type="button" className="btn" onClick={() => cancelRound(round.runId)} disabled={cancel.isPending}>
      Cancel round
    </button>
  )
  return (
    <SectionCard title="Current round" icon="refresh" testId="fleet-round" actions={action || undefined}>
      <div className={`fleet-round${shown?.cancelled ? ' is-cancelled' : ''}`}>
        <p ref={statusRef} tabIndex={-1} role="status" className="fleet-round-status" data-testid="fleet-round-status">
          {statusText(round, last)}
        </p>
        {shown && <progress className="progress" max={Math.max(1, shown.total)} value={shown.done} aria-label="Background round progress" />}
        {round && !round.finished && <HeldNotes providers={providers} />}
        {shown && (
          <p className="card-text" data-testid="fleet-round-trigger">
            {TRIGGER_TEXT[shown.trigger]}
          </p>
        )}
        {cancel.isError && (
          <p role="alert" className="form-error">
            The round could not be cancelled: {cancel.error.message}
          </p>
        )}
      </div>
    </SectionCard>
  )
}
