import type { DiagnosisDetails as Details } from '@shared/diagnosis'
import { Countdown } from '@renderer/components/countdown'
import { formatDateTime } from '@renderer/lib/format-time'

function Chips({ items, tone, label }: { readonly items: ReadonlyArray<string>; readonly tone?: 'failing' | 'healthy'; readonly label: string }) {
  if (items.length === 0) return <span className="muted">None</span>
  return (
    <ul className="chip-list" aria-label={label}>
      {items.map((item) => (
        <li key={item} className={tone ? `chip chip-${tone}` : 'chip'}>
          <code>{item}</code>
        </li>
      ))}
    </ul>
  )
}

/** The facts the provider gave that the UI can act on: suggested domain, products, token claims, lint problems, notes. */
export function DiagnosisDetails({ details }: { readonly details: Details }) {
  const { suggestedDomain, enabledProducts, disabledProducts, token, problems, notes } = details
  const hasFacts = suggestedDomain !== undefined || enabledProducts !== undefined || disabledProducts !== undefined || token !== undefined
  return (
    <>
      {hasFacts && (
        <dl className="facts" data-testid="diagnosis-details">
          {suggestedDomain !== undefined && (
            <>
              <dt>Domain the provider reports</dt>
              <dd>
                <code data-testid="suggested-domain">{suggestedDomain}</code>
              </dd>
            </>
          )}
          {enabledProducts !== undefined && (
            <>
              <dt>Enabled products</dt>
              <dd>
                <Chips items={enabledProducts} tone="healthy" label="Enabled products" />
              </dd>
            </>
          )}
          {disabledProducts !== undefined && disabledProducts.length > 0 && (
            <>
              <dt>Not enabled</dt>
              <dd>
                <Chips items={disabledProducts} tone="failing" label="Products not enabled" />
              </dd>
            </>
          )}
          {token && (
            <>
              <dt>Token scopes</dt>
              <dd data-testid="token-scopes">
                <Chips items={token.scopes} label="Token scopes" />
              </dd>
              {token.missingScopes.length > 0 && (
                <>
                  <dt>Missing scopes</dt>
                  <dd data-testid="token-missing-scopes">
                    <Chips items={token.missingScopes} tone="failing" label="Missing scopes" />
                  </dd>
                </>
              )}
              <dt>Token expires</dt>
              <dd>
                {token.expiresAt ? (
                  <>
                    {formatDateTime(token.expiresAt)} (<Countdown at={token.expiresAt} label="Token expires" />)
                  </>
                ) : (
                  <span className="muted">No expiry in the token</span>
                )}
              </dd>
              <dt>Token issuer</dt>
              <dd>{token.issuer ? <code data-testid="token-issuer">{token.issuer}</code> : <span className="muted">Not stated</span>}</dd>
              {token.refreshed && (
                <>
                  <dt>Refreshed</dt>
                  <dd>AuthDesk refreshed the token during this check and stored the new pair.</dd>
                </>
              )}
            </>
          )}
        </dl>
      )}
      {problems && problems.length > 0 && (
        <div>
          <h3 className="subheading">Problems found before sending</h3>
          <ul className="plain-list" data-testid="diagnosis-problems">
            {problems.map((p) => (
              <li key={`${p.field}:${p.message}`}>
                <code>{p.field}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {notes && notes.length > 0 && (
        <ul className="plain-list diagnosis-notes" data-testid="diagnosis-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </>
  )
}
