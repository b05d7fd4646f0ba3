import type { CheckProgress } from '@shared/health'
import { Icon } from '@renderer/components/icon'
import { useCancelCheckAll } from '../api/cancel-check-all'
import { useStartCheckAll } from '../api/start-check-all'
import { useCheckRun } from '../stores/check-run'

function progressText(run: CheckProgress): string {
  const failed = run.failed > 0 ? ` · ${run.failed} could not run` : ''
  if (!run.finished) return `Checking ${run.done} of ${run.total}${failed}`
  if (run.cancelled) return `Cancelled after ${run.done} of ${run.total}${failed}`
  return `Checked ${run.total} account${run.total === 1 ? '' : 's'}${failed}`
}

/**
 * "Check all" for the dashboard header: the button (`primary` before the first check), then a
 * progress bar with Cancel while it runs.
 */
export function CheckAllControl({ primary = false }: { readonly primary?: boolean }) {
  const run = useCheckRun((s) => s.run)
  const dismiss = useCheckRun((s) => s.dismiss)
  const start = useStartCheckAll()
  const cancel = useCancelCheckAll()
  const running = run !== null && !run.finished
  return (
    <div className="check-all" data-testid="check-all">
      {run && (
        <div className={`check-all-progress${run.cancelled ? ' is-cancelled' : ''}`}>
          <div className="check-all-text">
            <span role="status" data-testid="check-all-status">
              {progressText(run)}
            </span>
            <progress className="progress" max={Math.max(1, run.total)} value={run.done} aria-label="Check all progress" />
          </div>
          {running ? (
            <button type="button" className="btn btn-sm" onClick={() => cancel.mutate(run.runId)} disabled={cancel.isPending}>
              Cancel
            </button>
          ) : (
            <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Dismiss the check-all result" onClick={dismiss}>
              <Icon name="close" size={14} />
            </button>
          )}
        </div>
      )}
      {!running && (
        <button type="button" className={primary ? 'btn btn-primary' : 'btn'} onClick={() => start.mutate(undefined)} disabled={start.isPending}>
          <Icon name="refresh" />
          Check all
        </button>
      )}
      {start.isError && (
        <span role="alert" className="form-error">
          {start.error.message}
        </span>
      )}
    </div>
  )
}
