import type { HealthState } from '@shared/model'
import { HEALTH_META } from './health-states'
import { Icon } from './icon'

/** A health state as icon + word + colour. */
export function StateBadge({ state, size = 'md' }: { readonly state: HealthState; readonly size?: 'sm' | 'md' }) {
  const meta = HEALTH_META[state]
  return (
    <span className={`state-badge state-${state} state-badge-${size}`} data-state={state} title={meta.description}>
      <Icon name={meta.icon} size={size === 'sm' ? 14 : 16} />
      {meta.label}
    </span>
  )
}
