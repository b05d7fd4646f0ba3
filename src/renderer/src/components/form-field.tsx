import { useId, type ReactNode } from 'react'
import { Icon } from './icon'

export interface ControlProps {
  readonly id: string
  readonly 'aria-describedby': string | undefined
  readonly 'aria-invalid': boolean
}

/**
 * A labelled form row: label, hint, the control, live warnings and the server's error for this
 * field, all tied to the control with aria-describedby.
 */
export function FormField(props: {
  readonly label: ReactNode
  readonly hint?: ReactNode
  readonly error?: string | null
  readonly warnings?: ReadonlyArray<string>
  readonly aside?: ReactNode
  readonly name?: string
  /** False when the control is not a form input (the label is then text, not a <label>). */
  readonly labelsInput?: boolean
  /** `labelId` names a control that is not a form input (aria-labelledby). */
  readonly children: (control: ControlProps, labelId: string) => ReactNode
}) {
  const id = useId()
  const warnings = props.warnings ?? []
  const describedBy = [props.hint ? `${id}-hint` : null, warnings.length ? `${id}-warn` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="field" data-field={props.name}>
      <div className="field-head">
        {props.labelsInput === false ? (
          <span id={`${id}-label`} className="field-label">
            {props.label}
          </span>
        ) : (
          <label htmlFor={id} id={`${id}-label`} className="field-label">
            {props.label}
          </label>
        )}
        {props.aside}
      </div>
      {props.children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': Boolean(props.error) }, `${id}-label`)}
      {props.hint && (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
      {warnings.length > 0 && (
        <ul id={`${id}-warn`} className="field-warnings" data-testid="hygiene-warnings">
          {warnings.map((w) => (
            <li key={w}>
              <Icon name="warning" size={14} />
              {w}
            </li>
          ))}
        </ul>
      )}
      {props.error && (
        <p id={`${id}-error`} className="field-error" data-testid="field-error">
          <Icon name="error" size={14} />
          {props.error}
        </p>
      )}
    </div>
  )
}
