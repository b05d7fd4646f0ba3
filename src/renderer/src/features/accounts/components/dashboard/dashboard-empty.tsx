import { EmptyState } from '@renderer/components/empty-state'
import { Icon } from '@renderer/components/icon'

/** What the dashboard shows when the workspace has no account at all. */
export function DashboardEmpty(props: { readonly onAdd: () => void; readonly onImport: () => void; readonly onOpenDemo: () => void }) {
  return (
    <EmptyState icon="key" title="No accounts yet" testId="accounts-empty">
      <p>Add an account, import a .env file, or open the Demo workspace to try AuthDesk on simulated providers.</p>
      <p className="muted">Secrets you enter are stored in the OS keychain; AuthDesk only ever shows a fingerprint and the last characters.</p>
      <div className="empty-state-actions">
        <button type="button" className="btn btn-primary" onClick={props.onAdd}>
          <Icon name="plus" />
          Add account
        </button>
        <button type="button" className="btn" onClick={props.onImport}>
          <Icon name="import" />
          Import from .env
        </button>
        <button type="button" className="btn" onClick={props.onOpenDemo}>
          <Icon name="flask" />
          Open the Demo workspace
        </button>
      </div>
    </EmptyState>
  )
}
