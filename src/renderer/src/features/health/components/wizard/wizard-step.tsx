import type { Diagnosis, SuggestedEnvironment } from '@shared/diagnosis'
import type { KnowledgeStepView, WizardEntry, WizardOutcome } from '@shared/wizard'
import { useProvider } from '@renderer/api/get-providers'
import { Icon } from '@renderer/components/icon'
import type { StepFixError } from '@renderer/features/health/hooks/use-wizard-actions'
import { outcomeText, stepMark, type StepKind, type StepStatus } from '@renderer/features/health/utils/wizard-progress'
import { StepFacts } from './step-facts'
import { TokenIssueFix, TokenIssueUnavailable, TokenRefreshFix, type TokenFixView } from './token-fix'

export interface StepHandlers {
  readonly busy: boolean
  readonly onAnswer: (stepId: string, outcome: WizardOutcome, note: string) => void
  readonly onApplyDomain: (stepId: string, domain: string) => void
  readonly onApplyEnvironment: (stepId: string, suggestion: SuggestedEnvironment) => void
  readonly onApplyBaseUrl: (stepId: string, baseUrl: string) => void
  readonly onIssueToken: (stepId: string, scopes: ReadonlyArray<string>) => void
  readonly onRefreshToken: (stepId: string) => void
  readonly onRetest: (stepId: string) => void
  readonly onEdit: () => void
}

interface WizardStepProps extends StepHandlers {
  readonly step: KnowledgeStepView
  readonly index: number
  readonly status: StepStatus
  readonly current: boolean
  readonly kind: StepKind
  readonly diagnosis: Diagnosis
  readonly currentDomain: string | undefined
  /** The account's saved base URL (null: the provider's default). */
  readonly currentBaseUrl: string | null
  /** The account's environment, in words ("production"). */
  readonly currentEnvironment: string
  readonly entries: ReadonlyArray<WizardEntry>
  /** What a token fix would do (null for providers without tokens, or while the token state is unknown). */
  readonly tokenFix: TokenFixView | null
  /** This step's failed token fix. */
  readonly fixError: StepFixError | null
}

function DomainFix(props: WizardStepProps & { readonly domain: string }) {
  return (
    <div className="step-proposal" data-testid="wizard-domain-fix">
      <p>
        Nmbrs reports that this token’s domain is <code data-testid="wizard-suggested-domain">{props.domain}</code>
        {props.currentDomain ? (
          <>
            ; the account has <code>{props.currentDomain}</code>
          </>
        ) : null}
        . Use <code>{props.domain}</code>?
      </p>
      <div className="step-actions">
        <button type="button" className="btn btn-primary" disabled={props.busy} onClick={() => props.onApplyDomain(props.step.id, props.domain)}>
          Use “{props.domain}” and re-test
        </button>
        <button type="button" className="btn" disabled={props.busy} onClick={() => props.onAnswer(props.step.id, 'no', `Kept DOMAIN ${props.currentDomain ?? '(empty)'}`)}>
          Keep the current domain
        </button>
      </div>
    </div>
  )
}

function EnvironmentFix(props: WizardStepProps & { readonly suggestion: SuggestedEnvironment }) {
  const { suggestion } = props
  const providerLabel = useProvider(props.diagnosis.provider)?.label ?? 'the provider'
  return (
    <div className="step-proposal" data-testid="wizard-environment-fix">
      <p>
        The account is set to <strong>{props.currentEnvironment}</strong>, but {providerLabel} accepted the same username and token on{' '}
        <strong>{suggestion.label}</strong>. Switch the account to {suggestion.label}?
      </p>
      <div className="step-actions">
        <button type="button" className="btn btn-primary" disabled={props.busy} onClick={() => props.onApplyEnvironment(props.step.id, suggestion)}>
          Switch to {suggestion.label} and re-test
        </button>
        <button type="button" className="btn" disabled={props.busy} onClick={() => props.onAnswer(props.step.id, 'no', `Kept ${props.currentEnvironment}`)}>
          Keep {props.currentEnvironment}
        </button>
      </div>
    </div>
  )
}

function BaseUrlFix(props: WizardStepProps & { readonly baseUrl: string }) {
  const providerLabel = useProvider(props.diagnosis.provider)?.label ?? 'The provider'
  return (
    <div className="step-proposal" data-testid="wizard-base-url-fix">
      <p>
        {providerLabel} does not answer at{props.currentBaseUrl ? <> <code>{props.currentBaseUrl}</code></> : ' the saved address'}, but it does at{' '}
        <code data-testid="wizard-suggested-base-url">{props.baseUrl}</code> on the same server. The account keeps its saved secrets.
      </p>
      <div className="step-actions">
        <button type="button" className="btn btn-primary" disabled={props.busy} onClick={() => props.onApplyBaseUrl(props.step.id, props.baseUrl)}>
          Use {props.baseUrl} and re-test
        </button>
        <button type="button" className="btn" disabled={props.busy} onClick={() => props.onAnswer(props.step.id, 'no', `Kept the base URL ${props.currentBaseUrl ?? '(default)'}`)}>
          Keep the current base URL
        </button>
      </div>
    </div>
  )
}

function Question(props: WizardStepProps) {
  const { step, busy } = props
  if (props.status === 'awaiting-retest')
    return (
      <div className="step-proposal">
        <p>
          {props.entries.at(-1)?.outcome === 'fix-applied'
            ? 'AuthDesk applied the fix: re-test to see whether the provider accepts the account now.'
            : 'Fix it (the editor keeps your place here), then re-test to see whether the provider accepts the account now.'}
        </p>
        <div className="step-actions">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => props.onRetest(step.id)}>
            <Icon name="refresh" />
            Re-test now
          </button>
          <button type="button" className="btn" onClick={props.onEdit}>
            <Icon name="edit" />
            Edit account
          </button>
        </div>
      </div>
    )
  return (
    <div className="step-proposal">
      <p className="step-question">Was this the problem?</p>
      <div className="step-actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => props.onAnswer(step.id, 'yes', 'Found a problem here')}>
          Yes, I found a problem
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => props.onAnswer(step.id, 'no', 'Checked: looks right')}>
          No, this looks right
        </button>
        <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => props.onAnswer(step.id, 'skipped', 'Skipped')}>
          Skip
        </button>
      </div>
    </div>
  )
}

/** The fix AuthDesk can apply itself while the step is open, else the question. */
function StepAction(props: WizardStepProps) {
  const { kind, status, tokenFix, diagnosis } = props
  const { suggestedDomain: domain, suggestedEnvironment, suggestedBaseUrl } = diagnosis.details
  if (status === 'todo' && kind === 'domain-fix' && domain) return <DomainFix {...props} domain={domain} />
  if (status === 'todo' && kind === 'base-url-fix' && suggestedBaseUrl) return <BaseUrlFix {...props} baseUrl={suggestedBaseUrl} />
  if (status === 'todo' && kind === 'environment-fix' && suggestedEnvironment) return <EnvironmentFix {...props} suggestion={suggestedEnvironment} />
  if (status === 'todo' && kind === 'token-issue' && tokenFix && tokenFix.scopes.length > 0)
    return <TokenIssueFix step={props.step} busy={props.busy} fix={tokenFix} error={props.fixError} onAnswer={props.onAnswer} onIssue={props.onIssueToken} />
  if (status === 'todo' && kind === 'token-refresh' && tokenFix)
    return <TokenRefreshFix step={props.step} busy={props.busy} fix={tokenFix} error={props.fixError} onAnswer={props.onAnswer} onRefresh={props.onRefreshToken} />
  return (
    <>
      {status === 'todo' && kind === 'token-issue-unavailable' && tokenFix && <TokenIssueUnavailable fix={tokenFix} onEdit={props.onEdit} />}
      <Question {...props} />
    </>
  )
}

/** One troubleshooting step: its text, what AuthDesk already knows, and the answer or fix it asks for. */
export function WizardStep(props: WizardStepProps) {
  const { step, status, current, kind, diagnosis } = props
  const last = props.entries.at(-1)
  const mark = stepMark(props.entries)
  return (
    <li
      className={`wizard-step is-${status}${status === 'done' ? ` is-${mark}` : ''}${current ? ' is-current' : ''}`}
      aria-current={current ? 'step' : undefined}
      data-testid="wizard-step"
      data-step-id={step.id}
      data-mark={status === 'done' ? mark : undefined}
    >
      <span className="wizard-step-marker" aria-hidden="true">
        {status !== 'done' ? props.index + 1 : mark === 'fixed' ? <Icon name="check" size={14} /> : mark === 'not-fixed' ? <Icon name="close" size={14} /> : '–'}
      </span>
      <div className="wizard-step-body">
        <h3 className="wizard-step-title">
          <span className="sr-only">Step {props.index + 1}: </span>
          {step.title}
          {status === 'done' && last && <span className="wizard-step-outcome"> — {outcomeText(last.outcome)}</span>}
        </h3>
        {current && (
          <>
            <p className="wizard-step-text">{step.text}</p>
            <StepFacts kind={kind} diagnosis={diagnosis} />
            <StepAction {...props} />
          </>
        )}
      </div>
    </li>
  )
}
