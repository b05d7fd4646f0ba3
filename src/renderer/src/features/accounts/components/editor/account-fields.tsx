import { sameOrigin } from '@shared/base-url'
import type { Environment, ProviderInfo } from '@shared/model'
import { FormField } from '@renderer/components/form-field'
import { Icon } from '@renderer/components/icon'
import { unlistedHost, type AccountForm } from '@renderer/features/accounts/utils/account-form'

interface AccountFieldsProps {
  readonly provider: ProviderInfo
  readonly form: AccountForm
  /** The base URL already saved on the account (needs no new confirmation). */
  readonly savedBaseUrl: string | null
  /** The saved account's environment, when it has saved secrets (a new address then needs them again); else null. */
  readonly savedEnvironmentWithSecrets: Environment | null
  /** The server asked for the host to be confirmed. */
  readonly confirmRequested: boolean
  readonly onChange: (patch: Partial<AccountForm>) => void
  readonly errorFor: (key: string) => string | null
}

/**
 * Label, environment and base URL. Credentials are sent only to the provider's own hosts; any
 * other host must be confirmed explicitly (host binding), and the checkbox says where they go.
 */
export function AccountFields({ provider, form, savedBaseUrl, savedEnvironmentWithSecrets, confirmRequested, onChange, errorFor }: AccountFieldsProps) {
  const environment = provider.environments.find((e) => e.id === form.environment)
  const host = unlistedHost(provider, form.baseUrl)
  const changed = (form.baseUrl.trim() || null) !== savedBaseUrl
  // A host confirmed with the saved base URL stays confirmed for another path on it (core's rule).
  const needsConfirmation = changed && (confirmRequested || (host !== null && !sameOrigin(savedBaseUrl, form.baseUrl.trim())))
  const defaultUrl = (id: Environment | null): string | null => provider.environments.find((e) => e.id === id)?.baseUrl ?? null
  // Another path on the same scheme, host and port is the same server: core keeps the secrets.
  const sameServer = form.environment === savedEnvironmentWithSecrets && sameOrigin(savedBaseUrl ?? defaultUrl(savedEnvironmentWithSecrets), form.baseUrl.trim() || defaultUrl(form.environment))
  const repointed = savedEnvironmentWithSecrets !== null && (changed || form.environment !== savedEnvironmentWithSecrets) && !sameServer
  const knownHosts = [...new Set(provider.environments.flatMap((e) => e.hosts))].join(', ')
  return (
    <fieldset className="form-section">
      <legend className="form-section-title">Account</legend>
      <div className="form-grid">
        <FormField name="label" label="Label" hint="A name you will recognise, e.g. “Production SMS (school office)”." error={errorFor('label')}>
          {(control) => (
            <input {...control} type="text" className="input" value={form.label} onChange={(event) => onChange({ label: event.target.value })} maxLength={200} autoComplete="off" />
          )}
        </FormField>
        <FormField name="environment" label="Environment" error={errorFor('environment')} hint={environment && `Requests go to ${new URL(environment.baseUrl).host}.`}>
          {(control) => (
            <select {...control} className="select" value={form.environment} onChange={(event) => onChange({ environment: event.target.value as Environment })}>
              {provider.environments.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField name="baseUrl" label="Custom base URL (optional)" error={errorFor('baseUrl')} hint={`Leave empty to use the environment’s. ${provider.label} hosts: ${knownHosts}.`}>
        {(control) => (
          <input
            {...control}
            type="url"
            className="input mono"
            value={form.baseUrl}
            placeholder={environment?.baseUrl}
            onChange={(event) => onChange({ baseUrl: event.target.value, confirmHost: false })}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </FormField>
      {repointed && (
        <div className="host-confirm" role="note" data-testid="repoint-note">
          <Icon name="warning" size={18} />
          <p>A new address needs the secrets again: enter them below, or saving removes this account’s saved secrets and issued tokens.</p>
        </div>
      )}
      {needsConfirmation && (
        <div className="host-confirm" data-field="confirmUnlistedHost" data-testid="host-confirm">
          <Icon name="warning" size={18} />
          <div>
            <p>
              <strong>{host ?? 'This host'}</strong> is not a {provider.label} host ({knownHosts}). The account’s credentials will be sent there on every check.
            </p>
            <label className="checkbox">
              <input type="checkbox" checked={form.confirmHost} onChange={(event) => onChange({ confirmHost: event.target.checked })} />
              <span>I trust {host ?? 'this host'} with this account’s credentials</span>
            </label>
            {confirmRequested && !form.confirmHost && (
              <p className="field-error" data-testid="field-error">
                <Icon name="error" size={14} />
                Tick this to save the base URL, or change it to a {provider.label} host.
              </p>
            )}
          </div>
        </div>
      )}
    </fieldset>
  )
}
