import { useId, useState, type FormEvent } from 'react'
import type { ProviderInfo } from '@shared/model'
import type { TokenState } from '@shared/tokens'
import { Icon } from '@renderer/components/icon'
import { useIssueToken } from '@renderer/api/token-state'
import { issuerWords } from '@renderer/lib/provider-words'

/** Longest TTL the request accepts (core checks again; the provider may grant less and AuthDesk then warns). */
const MAX_TTL_SECONDS = 2_592_000

/** Issue (or re-issue) the managed token with the chosen scopes and, where the provider takes one, lifetime. */
export function IssueTokenForm(props: {
  readonly state: TokenState
  readonly knownScopes: ReadonlyArray<string>
  readonly defaultScopes: ReadonlyArray<string>
  readonly provider: ProviderInfo | undefined
}) {
  const { state, provider } = props
  const label = provider?.label ?? 'The provider'
  const asksLifetime = provider?.capabilities.tokenLifetime === true
  const id = useId()
  const issue = useIssueToken()
  const initial = state.scopes.length > 0 ? state.scopes : props.defaultScopes
  const [scopes, setScopes] = useState<ReadonlyArray<string>>(initial)
  const [ttl, setTtl] = useState('')
  const known = [...new Set([...props.knownScopes, ...initial])]
  const ttlNumber = ttl.trim() === '' ? undefined : Number(ttl)
  const ttlInvalid = ttlNumber !== undefined && (!Number.isInteger(ttlNumber) || ttlNumber < 1 || ttlNumber > MAX_TTL_SECONDS)
  const scopesMissing = scopes.length === 0 && known.length > 0

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (ttlInvalid || scopesMissing) return
    issue.mutate({ accountId: state.accountId, scopes: [...scopes], ttlSeconds: ttlNumber })
  }

  if (!state.canIssue)
    return (
      <p className="note-box" data-testid="issue-unavailable">
        <Icon name="info" />
        To issue tokens here, the account needs {issuerText(provider)}: add {(provider?.capabilities.tokenIssuerFields.length ?? 0) > 1 ? 'them' : 'it'} in Edit.
      </p>
    )
  return (
    <form className="issue-form" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="issue-token-form">
      <h3 id={`${id}-title`} className="subheading">
        {state.status === 'none' ? 'Issue a token' : asksLifetime ? 'Re-issue with other scopes or lifetime' : 'Re-issue'}
      </h3>
      {known.length > 0 && <ScopeChoice known={known} chosen={scopes} onChange={setScopes} />}
      {!asksLifetime && <p className="field-hint">{label} sets the token&apos;s lifetime itself.</p>}
      <div className="issue-row">
        {asksLifetime && <LifetimeField id={`${id}-ttl`} value={ttl} invalid={ttlInvalid} onChange={setTtl} providerLabel={label} />}
        <button type="submit" className="btn btn-primary" disabled={issue.isPending || ttlInvalid || scopesMissing}>
          <Icon name="token" />
          {issue.isPending ? 'Issuing…' : state.status === 'none' ? 'Issue token' : 'Re-issue token'}
        </button>
      </div>
      {scopesMissing && <p className="field-error">Choose at least one scope.</p>}
      {issue.isError && (
        <p role="alert" className="form-error">
          {issue.error.message}
        </p>
      )}
    </form>
  )
}

function ScopeChoice(props: { readonly known: ReadonlyArray<string>; readonly chosen: ReadonlyArray<string>; readonly onChange: (scopes: ReadonlyArray<string>) => void }) {
  const { known, chosen, onChange } = props
  return (
    <fieldset className="scope-fieldset">
      <legend className="field-label">Scopes</legend>
      <div className="scope-grid">
        {known.map((scope) => (
          <label key={scope} className="checkbox scope-option">
            <input
              type="checkbox"
              checked={chosen.includes(scope)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, scope] : chosen.filter((s) => s !== scope))}
            />
            <code>{scope}</code>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

function LifetimeField(props: { readonly id: string; readonly value: string; readonly invalid: boolean; readonly onChange: (value: string) => void; readonly providerLabel: string }) {
  const { id, value, invalid, onChange, providerLabel } = props
  return (
    <div className="field issue-ttl">
      <label htmlFor={id} className="field-label">
        Lifetime in seconds (optional)
      </label>
      <input
        id={id}
        className="input"
        inputMode="numeric"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder="Server default"
        aria-invalid={invalid}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className={invalid ? 'field-error' : 'field-hint'}>
        {invalid ? `A whole number from 1 to ${MAX_TTL_SECONDS}.` : `${providerLabel} may grant less; AuthDesk says so when it does.`}
      </p>
    </div>
  )
}

/** "its username and password", from the provider's own field labels. */
function issuerText(provider: ProviderInfo | undefined): string {
  return provider && provider.capabilities.tokenIssuerFields.length > 0 ? `its ${issuerWords(provider)}` : 'the credentials that issue tokens'
}
