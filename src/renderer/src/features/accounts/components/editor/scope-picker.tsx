import type { ProviderInfo } from '@shared/model'

/** Scopes to request for a token (SMSGate): the provider's known scopes as checkboxes. */
export function ScopePicker(props: {
  readonly scopes: NonNullable<ProviderInfo['scopes']>
  readonly selected: ReadonlyArray<string>
  readonly onChange: (scopes: string[]) => void
  readonly error: string | null
}) {
  const toggle = (scope: string, on: boolean): void =>
    props.onChange(props.scopes.known.filter((s) => (s === scope ? on : props.selected.includes(s))))
  return (
    <fieldset className="form-section" data-field="scopes" aria-describedby={props.error ? 'scopes-error' : 'scopes-hint'}>
      <legend className="form-section-title">Token scopes</legend>
      <p className="form-section-hint" id="scopes-hint">
        What a token issued for this account may do. The defaults ({props.scopes.defaults.join(', ')}) cover sending and the credential check.
      </p>
      <div className="scope-grid">
        {props.scopes.known.map((scope) => (
          <label key={scope} className="checkbox scope-option">
            <input type="checkbox" checked={props.selected.includes(scope)} onChange={(event) => toggle(scope, event.target.checked)} />
            <code>{scope}</code>
          </label>
        ))}
      </div>
      {props.error && (
        <p className="field-error" id="scopes-error" data-testid="field-error">
          {props.error}
        </p>
      )}
    </fieldset>
  )
}
