import { useId, type ReactNode } from 'react'
import { Icon, type IconName } from './icon'

/** A titled card: a region named by its heading, with optional actions on the title row. */
export function SectionCard(props: {
  readonly title: ReactNode
  readonly icon?: IconName
  readonly subtitle?: ReactNode
  readonly actions?: ReactNode
  readonly className?: string
  readonly testId?: string
  readonly children: ReactNode
}) {
  const id = useId()
  return (
    <section className={props.className ? `card ${props.className}` : 'card'} aria-labelledby={id} data-testid={props.testId}>
      <div className="card-head">
        <div className="card-head-titles">
          <h2 id={id} className="card-title">
            {props.icon && <Icon name={props.icon} size={18} />}
            {props.title}
          </h2>
          {props.subtitle && <p className="card-subtitle">{props.subtitle}</p>}
        </div>
        {props.actions && <div className="card-actions">{props.actions}</div>}
      </div>
      {props.children}
    </section>
  )
}
