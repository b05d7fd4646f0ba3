import type { Diagnosis } from '@shared/diagnosis'
import { formatDateTime } from '@renderer/lib/format-time'
import type { StepKind } from '@renderer/features/health/utils/wizard-progress'

function Codes({ items, label }: { readonly items: ReadonlyArray<string>; readonly label: string }) {
  if (items.length === 0) return <span className="muted">none</span>
  return (
    <ul className="chip-list" aria-label={label}>
      {items.map((item) => (
        <li key={item} className="chip">
          <code>{item}</code>
        </li>
      ))}
    </ul>
  )
}

/** Steps that show the token's claims (with or without a fix). */
const TOKEN_KINDS: ReadonlySet<StepKind> = new Set(['token-claims', 'token-issue', 'token-issue-unavailable', 'token-refresh'])

/** What the diagnosis already knows for an automatic step: the token's decoded claims, or the client's products. */
export function StepFacts({ kind, diagnosis }: { readonly kind: StepKind; readonly diagnosis: Diagnosis }) {
  const { token, enabledProducts = [], disabledProducts = [] } = diagnosis.details
  if (TOKEN_KINDS.has(kind) && token)
    return (
      <div className="step-facts" data-testid="wizard-token-claims">
        <p className="step-facts-title">The token, decoded by AuthDesk (claims only; the signature is not checked):</p>
        <dl className="facts">
          <dt>Scopes</dt>
          <dd>
            <Codes items={token.scopes} label="Scopes in the token" />
          </dd>
          <dt>Missing for this account</dt>
          <dd>
            <Codes items={token.missingScopes} label="Scopes the token lacks" />
          </dd>
          <dt>Expires</dt>
          <dd>{token.expiresAt ? formatDateTime(token.expiresAt) : 'no expiry claim'}</dd>
          <dt>Issuer</dt>
          <dd>{token.issuer ? <code>{token.issuer}</code> : 'not stated'}</dd>
        </dl>
      </div>
    )
  if (kind === 'products')
    return (
      <div className="step-facts" data-testid="wizard-products">
        <p className="step-facts-title">What Authmatech reports for this client:</p>
        <dl className="facts">
          <dt>Enabled</dt>
          <dd>
            <Codes items={enabledProducts} label="Enabled products" />
          </dd>
          <dt>Not enabled</dt>
          <dd>
            <Codes items={disabledProducts} label="Products not enabled" />
          </dd>
        </dl>
      </div>
    )
  return null
}
