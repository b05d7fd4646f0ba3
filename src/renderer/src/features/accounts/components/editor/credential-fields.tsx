import type { AccountView, ProviderInfo } from '@shared/model'
import { FormField } from '@renderer/components/form-field'
import { hygieneWarnings } from '@renderer/lib/hygiene'
import type { AccountForm, SecretMode } from '@renderer/features/accounts/utils/account-form'
import { SecretField } from './secret-field'

interface CredentialFieldsProps {
  readonly provider: ProviderInfo
  readonly account: AccountView | undefined
  readonly form: AccountForm
  readonly onPlain: (name: string, value: string) => void
  readonly onSecretMode: (name: string, mode: SecretMode) => void
  readonly registerSecret: (name: string, input: HTMLInputElement | null) => void
  readonly errorFor: (key: string) => string | null
}

/** A setting's own warning (e.g. plain HTTP on the local network), shown while it is turned on. */
function settingWarning(field: ProviderInfo['fields'][number], value: string): string[] {
  return field.warning && value.trim().toLowerCase() === 'yes' ? [field.warning] : []
}

/** The provider's credential fields, in its order: plain ones as text inputs, secrets write-only. */
export function CredentialFields(props: CredentialFieldsProps) {
  const { provider, account, form } = props
  return (
    <fieldset className="form-section">
      <legend className="form-section-title">Credentials</legend>
      <p className="form-section-hint">
        Secret fields are write-only: AuthDesk stores them in the OS keychain and shows only a fingerprint and the last characters.
      </p>
      {provider.fields.map((field) =>
        field.secret ? (
          <SecretField
            key={field.name}
            field={field}
            others={provider.fields}
            stored={account ? (account.secrets[field.name] ?? { set: false, fingerprint: null, maskedTail: null }) : undefined}
            mode={form.secretModes[field.name] ?? 'keep'}
            onMode={(mode) => props.onSecretMode(field.name, mode)}
            register={props.registerSecret}
            error={props.errorFor(`fields.${field.name}`)}
          />
        ) : (
          <FormField
            key={field.name}
            name={`fields.${field.name}`}
            label={`${field.label}${field.required ? '' : ' (optional)'}`}
            hint={field.hint}
            error={props.errorFor(`fields.${field.name}`)}
            warnings={[...hygieneWarnings(form.plain[field.name] ?? '', field, provider.fields), ...settingWarning(field, form.plain[field.name] ?? '')]}
          >
            {(control) =>
              field.choices && !field.multiple ? (
                <select
                  {...control}
                  className="select"
                  value={form.plain[field.name] ?? ''}
                  onChange={(event) => props.onPlain(field.name, event.target.value)}
                  data-plain-field={field.name}
                >
                  <option value="">(not set)</option>
                  {field.choices.map((choice) => (
                    <option key={choice} value={choice}>
                      {choice}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...control}
                  type="text"
                  className="input"
                  value={form.plain[field.name] ?? ''}
                  onChange={(event) => props.onPlain(field.name, event.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                  aria-required={field.required}
                  data-plain-field={field.name}
                />
              )
            }
          </FormField>
        ),
      )}
    </fieldset>
  )
}
