import type { ReactNode } from 'react'
import { Icon, type IconName } from './icon'

type Tone = 'info' | 'warning' | 'danger' | 'demo'

const ICON: Readonly<Record<Tone, IconName>> = { info: 'info', warning: 'warning', danger: 'error', demo: 'flask' }

/**
 * A full-width notice. `alert` banners interrupt screen readers (use for problems that
 * appeared); others are plain regions.
 */
export function Banner(props: {
  readonly tone: Tone
  readonly title: ReactNode
  readonly children?: ReactNode
  readonly action?: ReactNode
  readonly alert?: boolean
  readonly testId?: string
}) {
  return (
    <div className={`banner banner-${props.tone}`} role={props.alert ? 'alert' : undefined} data-testid={props.testId}>
      <Icon name={ICON[props.tone]} size={18} className="banner-icon" />
      <div className="banner-body">
        <p className="banner-title">{props.title}</p>
        {props.children && <div className="banner-text">{props.children}</div>}
      </div>
      {props.action && <div className="banner-action">{props.action}</div>}
    </div>
  )
}
