import { useState } from 'react'
import type { SecretFieldView } from '@shared/model'
import { FormField } from '@renderer/components/form-field'
import { hygieneWarnings, type FieldInfo } from '@renderer/lib/hygiene'
import type { SecretMode } from '@renderer/features/accounts/utils/account-form'

interface SecretFieldProps {
  readonly field: FieldInfo
  readonly others: ReadonlyArray<FieldInfo>
  /** What is stored now (editing); undefined when creating. */
  readonly stored: SecretFieldView | undefined
  readonly mode: SecretMode
  readonly onMode: (mode: SecretMode) => void
  /** Registers the uncontrolled input, which is read once on save. */
  readonly register: (name: string, input: HTMLInputElement | null) => void
  readonly error: string | null
}

/** What is stored, without the value: set or not, fingerprint and masked tail. */
function StoredSecret({ stored }: { readonly stored: SecretFieldView | undefined }) {
  if (!stored?.set) return <span className="secret-state is-unset">Not set</span>
  return (
    <span className="secret-state" data-testid="secret-stored">
      <span className="secret-set">Set</span>
      <span>
        ends in <code data-testid="secret-tail">{stored.maskedTail}</code>
      </span>
      <span>
        fingerprint <code data-testid="secret-fingerprint">{stored.fingerprint}</code>
      </span>
    </span>
  )
}

/**
 * A write-only secret: the renderer can set, replace or clear it but never reads it back.
 * The input is uncontrolled (the value is in the DOM only, never in React state); as the user
 * types, only the hygiene warnings are kept.
 */
export function SecretField(props: SecretFieldProps) {
  const { field, stored, mode, onMode } = props
  const [warnings, setWarnings] = useState<string[]>([])
  const editing = mode === 'replace'
  const creating = stored === undefined
  const label = `${field.label}${field.required ? '' : ' (optional)'}`

  const switchTo = (next: SecretMode): void => {
    setWarnings([])
    onMode(next)
  }

  const aside = creating ? null : editing ? (
    <button type="button" className="btn btn-link" onClick={() => switchTo('keep')}>
      Keep the current value
    </button>
  ) : mode === 'clear' ? (
    <button type="button" className="btn btn-link" onClick={() => switchTo('keep')}>
      Undo clear
    </button>
  ) : (
    <span className="secret-actions">
      <button type="button" className="btn btn-sm" onClick={() => switchTo('replace')} aria-label={`${stored.set ? 'Replace' : 'Set'} ${field.label}`}>
        {stored.set ? 'Replace' : 'Set'}
      </button>
      {stored.set && (
        <button type="button" className="btn btn-sm" onClick={() => switchTo('clear')} aria-label={`Clear ${field.label}`}>
          Clear
        </button>
      )}
    </span>
  )

  return (
    <FormField name={`fields.${field.name}`} label={label} hint={field.hint} error={props.error} warnings={warnings} aside={aside} labelsInput={editing}>
      {(control, labelId) =>
        editing ? (
          <input
            {...control}
            ref={(input) => props.register(field.name, input)}
            type="password"
            className="input mono"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            autoFocus={!creating}
            placeholder={creating ? '' : 'Type or paste the new value'}
            onInput={(event) => setWarnings(hygieneWarnings(event.currentTarget.value, field, props.others))}
            data-secret-field={field.name}
          />
        ) : (
          <div
            className={mode === 'clear' ? 'secret-box is-clearing' : 'secret-box'}
            role="group"
            id={control.id}
            aria-labelledby={labelId}
            aria-describedby={control['aria-describedby']}
          >
            {mode === 'clear' ? <span className="secret-state is-unset">Will be cleared when you save</span> : <StoredSecret stored={stored} />}
          </div>
        )
      }
    </FormField>
  )
}
