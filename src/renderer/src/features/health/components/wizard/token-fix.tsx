import type { KnowledgeStepView, WizardOutcome } from '@shared/wizard'
import { Banner } from '@renderer/components/banner'
import { Icon } from '@renderer/components/icon'
import type { StepFixError } from '@renderer/features/health/hooks/use-wizard-actions'

/** What the wizard knows for a token fix (from `tokens:list`, the account and its provider; never a token). */
export interface TokenFixView {
  /** What "Issue a new token" asks for: the account's declared scopes (plus those the token lacked). */
  readonly scopes: ReadonlyArray<string>
  /** The managed pair's id, for "Refresh the token now". */
  readonly jti: string | null
  readonly canIssue: boolean
  /** Why AuthDesk cannot issue a token here, in words. */
  readonly cannotIssue: string
  readonly providerLabel: string
  /** "username and password": what issues tokens, from the provider's field labels. */
  readonly issuerWords: string
  readonly revokes: boolean
}

interface FixProps {
  readonly step: KnowledgeStepView
  readonly busy: boolean
  readonly fix: TokenFixView
  readonly error: StepFixError | null
  readonly onAnswer: (stepId: string, outcome: WizardOutcome, note: string) => void
}

const ERROR_TITLE: Readonly<Record<StepFixError['action'], string>> = {
  issue: 'No token was issued',
  refresh: 'The token was not refreshed',
}

function FixError({ error }: { readonly error: StepFixError | null }) {
  if (!error) return null
  return (
    <Banner tone="danger" alert title={ERROR_TITLE[error.action]} testId="wizard-fix-error">
      <p>
        {error.message} <span className="muted">(<code>{error.code}</code>)</span>
      </p>
      <p>Nothing was changed in the wizard: try again, or answer the step yourself.</p>
    </Banner>
  )
}

function FixButton(props: { readonly busy: boolean; readonly icon: 'token' | 'refresh'; readonly onClick: () => void; readonly children: string }) {
  return (
    <button type="button" className="btn btn-primary" disabled={props.busy} aria-busy={props.busy} onClick={props.onClick}>
      {props.busy ? <span className="spinner" aria-hidden="true" /> : <Icon name={props.icon} />}
      {props.children}
    </button>
  )
}

/** "Issue a new token" with the scopes it will ask for, shown before the click. */
export function TokenIssueFix(props: FixProps & { readonly onIssue: (stepId: string, scopes: ReadonlyArray<string>) => void }) {
  const { step, busy, fix } = props
  return (
    <div className="step-proposal" data-testid="wizard-token-issue">
      <p>
        AuthDesk can issue a new token for this account with its {fix.issuerWords}, replace {fix.revokes ? '(and revoke) ' : ''}the token it manages now, and
        re-test. It asks {fix.providerLabel} for these scopes, and nothing else:
      </p>
      <ul className="chip-list" aria-label="Scopes the new token will have" data-testid="wizard-token-scopes">
        {fix.scopes.map((scope) => (
          <li key={scope} className="chip">
            <code>{scope}</code>
          </li>
        ))}
      </ul>
      <p className="muted">The token itself goes to the keychain and is never shown here.</p>
      <FixError error={props.error} />
      <div className="step-actions">
        <FixButton busy={busy} icon="token" onClick={() => props.onIssue(step.id, fix.scopes)}>
          Issue a new token
        </FixButton>
        <button type="button" className="btn" disabled={busy} onClick={() => props.onAnswer(step.id, 'skipped', 'Did not issue a new token')}>
          Skip
        </button>
      </div>
    </div>
  )
}

/** "Refresh the token now" for the managed pair. */
export function TokenRefreshFix(props: FixProps & { readonly onRefresh: (stepId: string) => void }) {
  const { step, busy, fix } = props
  return (
    <div className="step-proposal" data-testid="wizard-token-refresh">
      <p>
        AuthDesk manages this account’s token{fix.jti ? <> (<code>{fix.jti}</code>)</> : null} and can renew it now with its refresh token
        {fix.canIssue ? ', or with the username and password if the refresh token no longer works' : ''}, then re-test.
      </p>
      <FixError error={props.error} />
      <div className="step-actions">
        <FixButton busy={busy} icon="refresh" onClick={() => props.onRefresh(step.id)}>
          Refresh the token now
        </FixButton>
        <button type="button" className="btn" disabled={busy} onClick={() => props.onAnswer(step.id, 'skipped', 'Did not refresh the token')}>
          Skip
        </button>
      </div>
    </div>
  )
}

/** Why the wizard cannot issue the token itself; the question follows. */
export function TokenIssueUnavailable(props: { readonly fix: TokenFixView; readonly onEdit: () => void }) {
  return (
    <div className="step-facts" data-testid="wizard-token-issue-unavailable">
      <p>{props.fix.cannotIssue}</p>
      <div className="step-actions">
        <button type="button" className="btn btn-sm" onClick={props.onEdit}>
          <Icon name="edit" size={14} />
          Edit account
        </button>
      </div>
    </div>
  )
}
