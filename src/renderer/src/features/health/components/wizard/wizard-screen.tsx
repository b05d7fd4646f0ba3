import { useMemo } from 'react'
import { CAUSES } from '@shared/causes'
import type { AccountView } from '@shared/model'
import { providerById, useProviders } from '@renderer/api/get-providers'
import { Banner } from '@renderer/components/banner'
import { EmptyState } from '@renderer/components/empty-state'
import { Icon } from '@renderer/components/icon'
import { PageHeader } from '@renderer/components/page-header'
import { StateBadge } from '@renderer/components/state-badge'
import { useKnowledgeSteps } from '@renderer/features/health/api/get-knowledge-steps'
import { useTokenState } from '@renderer/api/token-state'
import { useWizardTrail } from '@renderer/features/health/api/get-wizard-trail'
import { useAccountHealth } from '@renderer/features/health/hooks/use-account-health'
import { issuerWords } from '@renderer/lib/provider-words'
import { activeTrail, BUNDLE_STEP, cannotIssueText, RETEST_STEP, stepKind, tokenFixScopes, wizardPosition } from '@renderer/features/health/utils/wizard-progress'
import { useWizardActions } from '@renderer/features/health/hooks/use-wizard-actions'
import type { TokenFixView } from './token-fix'
import { WizardEnding } from './wizard-ending'
import { WizardStep } from './wizard-step'
import { WizardTrailList } from './wizard-trail-list'

export interface WizardScreenProps {
  readonly account: AccountView
  readonly providerLabel: string
  readonly onClose: () => void
  readonly onEdit: () => void
  /** Opens the support bundle for this account; null while bundles are not available. */
  readonly onBundle: (() => void) | null
}

/** The troubleshooting wizard: starts from the diagnosis and walks the provider's knowledge base, step by step. */
export function WizardScreen({ account, providerLabel, onClose, onEdit, onBundle }: WizardScreenProps) {
  const { health, pending } = useAccountHealth(account.id)
  const latest = health?.latest ?? null
  const trailQuery = useWizardTrail(account.id)
  const actions = useWizardActions(account.id)
  const trail = activeTrail(trailQuery.data, latest)
  const entries = useMemo(() => trail?.entries ?? [], [trail])
  // The diagnosis's steps, plus those the trail names (an earlier diagnosis may have listed others).
  const stepIds = useMemo(() => [...new Set([...(latest?.knowledgeSteps ?? []), ...entries.map((e) => e.stepId)])].filter((id) => id !== RETEST_STEP && id !== BUNDLE_STEP).sort(), [latest, entries])
  const steps = useKnowledgeSteps(stepIds)
  const stepsById = useMemo(() => new Map((steps.data ?? []).map((s) => [s.id, s])), [steps.data])
  const stepViews = useMemo(() => (latest?.knowledgeSteps ?? []).flatMap((id) => stepsById.get(id) ?? []), [latest, stepsById])
  const position = wizardPosition(stepViews.map((s) => s.id), entries)
  // A provider with managed tokens: whether AuthDesk can issue or renew the token decides which steps fix it in one click.
  const providers = useProviders()
  const provider = providerById(providers.data, account.provider)
  const hasTokens = provider?.capabilities.tokens === true
  const tokens = useTokenState(account.id, hasTokens)
  const tokenFacts = hasTokens ? (tokens.data ?? null) : null
  const tokenFix = useMemo<TokenFixView | null>(
    () =>
      tokenFacts && latest && provider
        ? {
            scopes: tokenFixScopes(account.scopes, latest, provider.scopes?.defaults ?? []),
            jti: tokenFacts.jti,
            canIssue: tokenFacts.canIssue,
            cannotIssue: cannotIssueText(account, provider),
            providerLabel: provider.label,
            issuerWords: issuerWords(provider),
            revokes: provider.capabilities.revokesTokens,
          }
        : null,
    [tokenFacts, latest, account, provider],
  )
  const loading = pending || trailQuery.isPending || steps.isPending || (hasTokens && (tokens.isPending || providers.isPending))

  const back = (
    <button type="button" className="btn btn-link back-link" onClick={onClose}>
      <Icon name="arrowLeft" size={14} />
      Back to the account
    </button>
  )
  const header = (
    <PageHeader
      back={back}
      title={`Troubleshoot “${account.label}”`}
      subtitle={`${providerLabel} · your answers are saved as you go`}
      actions={
        latest && (
          <button type="button" className="btn" onClick={() => actions.retest(RETEST_STEP)} disabled={actions.busy} aria-busy={actions.busy}>
            {actions.busy ? <span className="spinner" aria-hidden="true" /> : <Icon name="refresh" />}
            Re-test now
          </button>
        )
      }
    />
  )
  if (loading)
    return (
      <div className="screen screen-wizard">
        {header}
        <p role="status" className="loading">
          Loading…
        </p>
      </div>
    )
  if (!latest || (latest.state === 'healthy' && trail?.status !== 'fixed'))
    return (
      <div className="screen screen-wizard">
        {header}
        {latest ? (
          <EmptyState icon="healthy" title="Nothing to troubleshoot">
            <p>{providerLabel} accepted the account at its last check.</p>
          </EmptyState>
        ) : (
          <EmptyState icon="unchecked" title="Check the account first">
            <p>The wizard starts from a diagnosis. Go back and check the account.</p>
          </EmptyState>
        )}
      </div>
    )

  const ending = trail?.status === 'fixed' ? 'fixed' : trail?.status === 'escalated' ? 'escalated' : position.current >= stepViews.length ? 'stuck' : null
  return (
    <div className="screen screen-wizard" data-testid="wizard">
      {header}
      {actions.error && (
        <Banner tone="danger" alert title="That did not work">
          {actions.error}
        </Banner>
      )}
      {actions.tokenNotice && actions.tokenNotice.warnings.length > 0 && (
        <Banner tone="warning" title={`${provider?.label ?? 'The provider'} ${actions.tokenNotice.action === 'issue' ? 'issued' : 'renewed'} the token ${actions.tokenNotice.jti ?? ''}, with a warning`} testId="wizard-token-warnings">
          <ul>
            {actions.tokenNotice.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </Banner>
      )}
      <section className="card wizard-start" aria-label="Starting point">
        <p className="step-facts-title">{trail ? 'Latest diagnosis' : 'AuthDesk found'}</p>
        <div className={`verdict-line verdict-${latest.state}`}>
          <StateBadge state={latest.state} />
          <span className="verdict-cause">{CAUSES[latest.cause].title}</span>
        </div>
        <p className="diagnosis-summary" data-testid="wizard-diagnosis">
          {latest.summary}
        </p>
      </section>
      {ending !== 'fixed' && stepViews.length > 0 && (
        <h2 className="section-label" id="wizard-steps-title">
          Steps · {position.statuses.filter((st) => st === 'done').length} of {stepViews.length} done
        </h2>
      )}
      {ending !== 'fixed' && stepViews.length > 0 && (
        <ol className="wizard-steps" aria-labelledby="wizard-steps-title">
          {stepViews.map((step, index) => (
            <WizardStep
              key={step.id}
              step={step}
              index={index}
              status={position.statuses[index] ?? 'todo'}
              current={index === position.current && ending === null}
              kind={stepKind(step.id, latest, account.fields.DOMAIN, tokenFacts)}
              diagnosis={latest}
              currentDomain={account.fields.DOMAIN}
              currentBaseUrl={account.baseUrl}
              currentEnvironment={providerById(providers.data, account.provider)?.environments.find((e) => e.id === account.environment)?.label.toLowerCase() ?? account.environment}
              entries={entries.filter((e) => e.stepId === step.id)}
              busy={actions.busy}
              onAnswer={actions.answer}
              onApplyDomain={actions.applyDomain}
              onApplyEnvironment={actions.applyEnvironment}
              onApplyBaseUrl={actions.applyBaseUrl}
              onIssueToken={actions.issueToken}
              onRefreshToken={actions.refreshToken}
              tokenFix={tokenFix}
              fixError={actions.fixError?.stepId === step.id ? actions.fixError : null}
              onRetest={actions.retest}
              onEdit={onEdit}
            />
          ))}
        </ol>
      )}
      {stepViews.length === 0 && ending !== 'fixed' && <p className="muted">AuthDesk has no specific steps for this cause. Re-test, or create a support bundle.</p>}
      {ending && <WizardEnding kind={ending} label={account.label} busy={actions.busy} onBundle={onBundle && (ending === 'escalated' ? onBundle : () => actions.bundle(onBundle))} onRestart={actions.restart} onClose={onClose} />}
      {trail && trail.entries.length > 0 && <WizardTrailList trail={trail} steps={stepsById} />}
    </div>
  )
}
