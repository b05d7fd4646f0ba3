/**
 * Where the troubleshooting wizard stands, from the diagnosis's steps and the saved trail.
 * Pure. A step is done once answered "no"/"skipped"/"done", or once a re-test followed a
 * "yes" (the problem was found and fixed) or an applied fix.
 */
import type { CauseCode } from '@shared/causes'
import type { Diagnosis } from '@shared/diagnosis'
import type { AccountView, HealthState, ProviderInfo } from '@shared/model'
import type { TokenState } from '@shared/tokens'
import type { WizardEntry, WizardOutcome, WizardTrail } from '@shared/wizard'
import { issuerWords } from '@renderer/lib/provider-words'

/** The wizard is offered for these states. */
export const needsTroubleshooting = (state: HealthState): boolean => state === 'failing' || state === 'degraded' || state === 'unknown'

/** The id re-tests are recorded under when no step asked for them. */
export const RETEST_STEP = 'retest'
export const BUNDLE_STEP = 'support-bundle'

/**
 * - `domain-fix`: Nmbrs reports the domain; one click sets it.
 * - `environment-fix`: the other environment accepted the same credentials; one click switches to it.
 * - `base-url-fix`: SMSGate answered at the base URL with its `/api` segment corrected; one click uses it.
 * - `token-issue`: SMSGate, a new token fixes the cause and the account has Basic credentials: one click issues it.
 * - `token-issue-unavailable`: the same step, but AuthDesk cannot issue here (no username and password): say why, then ask.
 * - `token-refresh`: an expired or expiring managed pair that AuthDesk can renew: one click refreshes it.
 * - `token-claims`, `products`: the diagnosis's facts are shown with the question.
 */
export type StepKind = 'domain-fix' | 'environment-fix' | 'base-url-fix' | 'token-issue' | 'token-issue-unavailable' | 'token-refresh' | 'token-claims' | 'products' | 'question'

/** What the wizard needs of `tokens:list` (never a token): can AuthDesk issue, and is there a managed pair it can renew? */
export type TokenFixFacts = Pick<TokenState, 'canIssue' | 'refreshable' | 'jti'>

/** The steps that issue a new SMSGate token, and the causes a new token fixes. */
const ISSUE_STEPS: ReadonlySet<string> = new Set(['smsgate.reissue', 'smsgate.add-scope'])
const ISSUE_CAUSES: ReadonlySet<CauseCode> = new Set(['token.expired', 'token.expiring', 'token.rejected', 'token.refresh_failed', 'scope.missing'])
const REFRESH_CAUSES: ReadonlySet<CauseCode> = new Set(['token.expired', 'token.expiring'])

/**
 * Automatic steps are those where the diagnosis already holds the answer to show or apply.
 * `tokens` is the account's managed token state (null while unknown: no token fix is offered).
 */
export function stepKind(stepId: string, diagnosis: Diagnosis, currentDomain: string | undefined, tokens: TokenFixFacts | null = null): StepKind {
  const { suggestedDomain, suggestedEnvironment, suggestedBaseUrl, token, enabledProducts, disabledProducts } = diagnosis.details
  if (stepId === 'nmbrs.domain-from-environment-get' && suggestedDomain && suggestedDomain !== currentDomain) return 'domain-fix'
  if (stepId === 'nmbrs.check-environment' && suggestedEnvironment) return 'environment-fix'
  if (stepId === 'smsgate.api-prefix' && suggestedBaseUrl) return 'base-url-fix'
  if (tokens !== null) {
    if (ISSUE_STEPS.has(stepId) && ISSUE_CAUSES.has(diagnosis.cause)) return tokens.canIssue ? 'token-issue' : 'token-issue-unavailable'
    if (stepId === 'smsgate.refresh' && REFRESH_CAUSES.has(diagnosis.cause) && tokens.jti !== null && tokens.refreshable) return 'token-refresh'
  }
  if (stepId.startsWith('smsgate.') && token) return 'token-claims'
  if (stepId === 'authmatech.enable-product' && (enabledProducts || disabledProducts)) return 'products'
  return 'question'
}

/**
 * The scopes a token fix asks for (least privilege): the account's declared scopes, plus, when
 * the token lacked some, those it lacked; the provider's defaults when the account declares none
 * (what core would choose). Nothing else.
 */
export function tokenFixScopes(declared: ReadonlyArray<string>, diagnosis: Diagnosis, defaults: ReadonlyArray<string>): ReadonlyArray<string> {
  const missing = diagnosis.cause === 'scope.missing' ? (diagnosis.details.token?.missingScopes ?? []) : []
  const wanted = [...new Set([...declared, ...missing])]
  return wanted.length > 0 ? wanted : [...defaults]
}

/** Why the wizard cannot issue a token for this account (canIssue is false), and what to do instead, from the provider's issuing fields. */
export function cannotIssueText(account: Pick<AccountView, 'fields' | 'secrets'>, provider: Pick<ProviderInfo, 'label' | 'fields' | 'capabilities'>): string {
  const names = provider.capabilities.tokenIssuerFields
  const words = issuerWords(provider)
  const missing = names.filter((name) => !account.fields[name] && account.secrets[name]?.set !== true)
  const lacks = missing.length === names.length ? `it has no ${names.join(' and ')}, only a pasted token` : missing.map((name) => lackOf(provider, name)).join(' and ')
  return `AuthDesk cannot issue a token for this account here: ${provider.label} issues tokens with the ${words}, and ${lacks}. Enter ${names.join(' and ')} in the account, or paste a new token issued elsewhere; then re-test.`
}

const lackOf = (provider: Pick<ProviderInfo, 'fields'>, name: string): string =>
  provider.fields.find((f) => f.name === name)?.secret ? `its ${name} is not stored` : `it has no ${name}`

/** The trail's note for an applied token fix: the new token's id and scopes, never the token. */
export function tokenFixNote(action: 'issue' | 'refresh', state: Pick<TokenState, 'jti' | 'scopes' | 'lastRefresh'>): string {
  const scopes = state.scopes.length > 0 ? state.scopes.join(', ') : 'none'
  const jti = state.jti ?? 'unknown'
  if (action === 'issue') return `Issued token ${jti} with scopes ${scopes}`
  const how = state.lastRefresh?.outcome === 'reissued' ? 'Re-issued the token (its refresh token no longer worked)' : 'Refreshed the token'
  return `${how}: now ${jti} with scopes ${scopes}`
}

export type StepStatus = 'todo' | 'awaiting-retest' | 'done'

const CLOSING: ReadonlySet<WizardOutcome> = new Set(['no', 'skipped', 'done'])
const NEEDS_RETEST: ReadonlySet<WizardOutcome> = new Set(['yes', 'fix-applied'])

export function stepStatus(stepId: string, entries: ReadonlyArray<WizardEntry>): StepStatus {
  let status: StepStatus = 'todo'
  for (const entry of entries) {
    if (entry.stepId === stepId) {
      if (CLOSING.has(entry.outcome)) status = 'done'
      else if (NEEDS_RETEST.has(entry.outcome)) status = 'awaiting-retest'
      else if (entry.outcome === 'retested' || entry.outcome === 'fixed') status = 'done'
    } else if (status === 'awaiting-retest' && (entry.outcome === 'retested' || entry.outcome === 'fixed')) status = 'done'
  }
  return status
}

export interface WizardPosition {
  readonly statuses: ReadonlyArray<StepStatus>
  /** The step to work on; equals the number of steps once all are done. */
  readonly current: number
}

export function wizardPosition(stepIds: ReadonlyArray<string>, entries: ReadonlyArray<WizardEntry>): WizardPosition {
  const statuses = stepIds.map((id) => stepStatus(id, entries))
  const current = statuses.findIndex((s) => s !== 'done')
  return { statuses, current: current === -1 ? stepIds.length : current }
}

/**
 * The trail to continue: an open one, or a finished one while nothing happened since. A
 * trail that ended (fixed or escalated) before the account failed again belongs to an
 * earlier problem: the wizard starts afresh, and core starts a new trail on the first answer.
 */
export function activeTrail(trail: WizardTrail | null | undefined, latest: Diagnosis | null): WizardTrail | null {
  if (!trail) return null
  if (trail.status === 'open') return trail
  const failedSince = latest !== null && latest.state !== 'healthy' && latest.checkedAt > trail.updatedAt
  return failedSince ? null : trail
}

const OUTCOME_WORDS: Readonly<Record<WizardOutcome, string>> = {
  done: 'Done',
  yes: 'Found the problem',
  no: 'Not the problem',
  skipped: 'Skipped',
  'fix-applied': 'Fix applied',
  retested: 'Re-tested: still not working',
  fixed: 'Fixed',
  bundle: 'Support bundle requested',
}

export const outcomeText = (outcome: WizardOutcome): string => OUTCOME_WORDS[outcome]

/**
 * The mark a finished step gets, so marks never contradict: a tick only for a passing re-test,
 * a cross for a fix the re-test did not confirm, a dash for "not the problem" or skipped.
 */
export function stepMark(entries: ReadonlyArray<WizardEntry>): 'fixed' | 'not-fixed' | 'answered' {
  const last = entries.at(-1)?.outcome
  if (last === 'fixed') return 'fixed'
  if (last === 'retested' || last === 'yes' || last === 'fix-applied') return 'not-fixed'
  return 'answered'
}

/** The note a re-test leaves on the trail, e.g. "re-test: failing (domain.invalid)". */
export const retestNote = (diagnosis: Diagnosis): string => `re-test: ${diagnosis.state}${diagnosis.state === 'healthy' ? '' : ` (${diagnosis.cause})`}`
