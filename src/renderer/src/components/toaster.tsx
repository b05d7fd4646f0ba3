import { useToasts, type Toast } from '../stores/toast-store'
import { Icon, type IconName } from './icon'

const TONE_ICON: Readonly<Record<Toast['tone'], IconName>> = { success: 'check', info: 'info', warning: 'warning', danger: 'error' }

/** Where toasts appear; a polite live region so screen readers announce them. */
export function Toaster() {
  const toasts = useToasts((s) => s.toasts)
  const dismiss = useToasts((s) => s.dismiss)
  return (
    <div className="toaster" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} data-testid="toast">
          <Icon name={TONE_ICON[toast.tone]} />
          <span>{toast.text}</span>
          <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
    </div>
  )
}
