import { useId, useState, type FormEvent } from 'react'
import type { TokenState } from '@shared/tokens'
import { Icon } from '@renderer/components/icon'
import { useIssueToken } from '@renderer/api/token-state'

/** Longest TTL the request accepts (core checks again; SMSGate may grant less and AuthDesk then warns). */
const MAX_TTL_SECONDS = 2_592_000

/** Issue (or re-issue) the managed token with the chosen scopes and lifetime. */
export function IssueTokenForm(props: { readonly state: TokenState; readonly knownScopes: ReadonlyArray<string>; readonly defaultScopes: ReadonlyArray<string> }) {
  const { state } = props
  const id = useId()
  const issue = useIssueToken()
  const initial = state.scopes.length > 0 ? state.scopes : props.defaultScopes
  const [scopes, setScopes] = useState<ReadonlyArray<string>>(initial)
  const [ttl, setTtl] = useState('')
  const known = [...new Set([...props.knownScopes, ...initial])]
  const ttlNumber = ttl.trim() === '' ? undefined : Number(ttl)
  const ttlInvalid = ttlNumber !== undefined && (!Number.isInteger(ttlNumber) || ttlNumber < 1 || ttlNumber > MAX_TTL_SECONDS)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (ttlInvalid || scopes.length === 0) return
    issue.mutate({ accountId: state.accountId, scopes: [...scopes], ttlSeconds: ttlNumber })
  }

  if (!state.canIssue)
    return (
      <p className="note-box" data-testid="issue-unavailable">
        <Icon name="info" />
        To issue tokens here, the account needs its username and password (Basic credentials). It has only a pasted token.
      </p>
    )
  return (
    <form className="issue-form" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="issue-token-form">
      <h3 id={`${id}-title`} className="subheading">
        {state.status === 'none' ? 'Issue a token' : 'Re-issue with other scopes or lifetime'}
      </h3>
      <fieldset className="scope-fieldset">
        <legend className="field-label">Scopes</legend>
        <div className="scope-grid">
          {known.map((scope) => (
            <label key={scope} className="checkbox scope-option">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(event) => setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
              />
              <code>{scope}</code>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="issue-row">
        <div className="field issue-ttl">
          <label htmlFor={`${id}-ttl`} className="field-label">
            Lifetime in seconds (optional)
          </label>
          <input
            id={`${id}-ttl`}
            className="input"
            inputMode="numeric"
            value={ttl}
            onChange={(event) => setTtl(event.target.value)}
            placeholder="Server default"
            aria-invalid={ttlInvalid}
            aria-describedby={`${id}-ttl-hint`}
          />
          <p id={`${id}-ttl-hint`} className={ttlInvalid ? 'field-error' : 'field-hint'}>
            {ttlInvalid ? `A whole number from 1 to ${MAX_TTL_SECONDS}.` : 'SMSGate may grant less; AuthDesk says so when it does.'}
          </p>
        </div>
        <button type="submit" className="btn btn-primary" disabled={issue.isPending || ttlInvalid || scopes.length === 0}>
          <Icon name="token" />
          {issue.isPending ? 'Issuing…' : state.status === 'none' ? 'Issue token' : 'Re-issue token'}
        </button>
      </div>
      {scopes.length === 0 && <p className="field-error">Choose at least one scope.</p>}
      {issue.isError && (
        <p role="alert" className="form-error">
          {issue.error.message}
        </p>
      )}
    </form>
  )
}
