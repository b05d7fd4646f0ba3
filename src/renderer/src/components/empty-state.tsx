import type { ReactNode } from 'react'
import { Icon, type IconName } from './icon'

/** A friendly, actionable placeholder: what is missing and what to do next. */
export function EmptyState(props: { readonly icon: IconName; readonly title: string; readonly children: ReactNode; readonly actions?: ReactNode; readonly testId?: string }) {
  return (
    <div className="empty-state" data-testid={props.testId}>
      <span className="empty-state-icon">
        <Icon name={props.icon} size={28} />
      </span>
      <h2>{props.title}</h2>
      <div className="empty-state-text">{props.children}</div>
      {props.actions && <div className="empty-state-actions">{props.actions}</div>}
    </div>
  )
}
