import type { ReactNode } from 'react'

/** A screen's title row; the title can take focus when the screen is opened (see useFocusOnNavigate). */
export function PageHeader(props: { readonly title: ReactNode; readonly subtitle?: ReactNode; readonly actions?: ReactNode; readonly back?: ReactNode }) {
  return (
    <header className="page-header">
      {props.back}
      <div className="page-header-row">
        <div className="page-header-titles">
          <h1 tabIndex={-1}>{props.title}</h1>
          {props.subtitle && <p className="page-subtitle">{props.subtitle}</p>}
        </div>
        {props.actions && <div className="page-actions">{props.actions}</div>}
      </div>
    </header>
  )
}
