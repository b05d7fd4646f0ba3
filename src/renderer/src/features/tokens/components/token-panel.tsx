import type { ReactNode } from 'react'
import type { TokenState } from '@shared/tokens'
import type { ProviderId } from '@shared/model'
import { useProviders, providerById } from '@renderer/api/get-providers'
import { DeadlineTime } from '@renderer/components/deadline-time'
import { Icon } from '@renderer/components/icon'
import { RelativeTime } from '@renderer/components/relative-time'
import { SectionCard } from '@renderer/components/section-card'
import { formatDateTime } from '@renderer/lib/format-time'
import { useRefreshToken, useTokenState } from '@renderer/api/token-state'
import { issuedAt, LAST_REFRESH, TOKEN_STATUS } from '../utils/token-words'
import { IssueTokenForm } from './issue-token-form'
import { TokenRecords } from './token-records'

function TimeTile({ label, children, testId }: { readonly label: string; readonly children: ReactNode; readonly testId?: string }) {
  return (
    <div className="time-tile" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function TokenFacts({ state }: { readonly state: TokenState }) {
  const issued = issuedAt(state)
  return (
    <>
      <dl className="time-tiles" data-testid="token-facts">
        <TimeTile label="Refresh" testId="token-refresh-at">
          {state.refreshable ? <DeadlineTime at={state.refreshAt} label="Token refresh" /> : <span className="muted">Not renewable automatically</span>}
        </TimeTile>
        <TimeTile label="Expires" testId="token-expires-at">
          <DeadlineTime at={state.expiresAt} label="Token expires" />
        </TimeTile>
        <TimeTile label="Issued">
          {issued ? (
            <span className="deadline">
              <RelativeTime at={issued} />
              <span className="deadline-date">{formatDateTime(issued)}</span>
            </span>
          ) : (
            <span className="muted">—</span>
          )}
        </TimeTile>
      </dl>
      <dl className="facts">
        <dt>Scopes</dt>
        <dd>
          {state.scopes.length > 0 ? (
            <ul className="chip-list" aria-label="Token scopes">
              {state.scopes.map((s) => (
                <li key={s} className="chip">
                  <code>{s}</code>
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">—</span>
          )}
        </dd>
        <dt>Last refresh</dt>
        <dd data-testid="token-last-refresh">
          {state.lastRefresh ? (
            <>
              {LAST_REFRESH[state.lastRefresh.outcome]} <RelativeTime at={state.lastRefresh.at} />
            </>
          ) : (
            <span className="muted">Not yet</span>
          )}
        </dd>
        {state.nextAttemptAt && (
          <>
            <dt>Next attempt</dt>
            <dd>
              <DeadlineTime at={state.nextAttemptAt} label="Next refresh attempt" />
            </dd>
          </>
        )}
      </dl>
    </>
  )
}

/** A provider's managed token: its scopes and times (ticking), warnings, the local record with Revoke where the provider can revoke, and re-issue. */
export function TokenPanel({ accountId, provider, accountScopes }: { readonly accountId: string; readonly provider: ProviderId; readonly accountScopes: ReadonlyArray<string> }) {
  const token = useTokenState(accountId)
  const providers = useProviders()
  const refresh = useRefreshToken()
  const info = providerById(providers.data, provider)
  const scopes = info?.scopes
  const state = token.data
  const meta = state ? TOKEN_STATUS[state.status] : null
  return (
    <SectionCard
      title="Token"
      icon="token"
      testId="token-panel"
      subtitle="The bearer token AuthDesk manages for this account: refreshed before it expires, never shown."
      actions={
        meta && (
          <span className={`state-badge state-badge-sm tag-${meta.tone}`} data-testid="token-status">
            <Icon name={meta.icon} size={14} />
            {meta.label}
          </span>
        )
      }
    >
      {token.isPending && <p role="status">Loading…</p>}
      {token.isError && <p role="alert">The token state could not be loaded: {token.error.message}</p>}
      {state && (
        <>
          {state.failure && (
            <p className="form-alert" role="alert" data-testid="token-failure">
              <Icon name="error" />
              <span>
                {state.failure.message} {state.failure.definitive ? 'Retrying will not help: issue a new token.' : 'AuthDesk retries with backoff.'}
              </span>
            </p>
          )}
          {state.warnings.length > 0 && (
            <ul className="field-warnings" data-testid="token-warnings">
              {state.warnings.map((w) => (
                <li key={w}>
                  <Icon name="warning" size={14} />
                  {w}
                </li>
              ))}
            </ul>
          )}
          {state.status !== 'none' && <TokenFacts state={state} />}
          {state.status !== 'none' && state.status !== 'revoked' && state.refreshable && (
            <div className="step-actions">
              <button type="button" className="btn btn-sm" onClick={() => refresh.mutate(accountId)} disabled={refresh.isPending}>
                <Icon name="refresh" size={14} />
                {refresh.isPending ? 'Refreshing…' : 'Refresh now'}
              </button>
              {refresh.isError && (
                <span role="alert" className="form-error">
                  {refresh.error.message}
                </span>
              )}
            </div>
          )}
          <IssueTokenForm
            state={state}
            knownScopes={scopes?.known ?? []}
            defaultScopes={accountScopes.length > 0 ? accountScopes : (scopes?.defaults ?? [])}
            provider={info}
          />
          <h3 className="subheading">Issued tokens</h3>
          <TokenRecords accountId={accountId} records={state.records} provider={info} />
        </>
      )}
    </SectionCard>
  )
}
