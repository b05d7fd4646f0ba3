/** The structured report (report.json), from which report.md is rendered. Nothing redacted yet. */
import type { Diagnosis } from '../../shared/diagnosis'
import type { AccountView } from '../../shared/model'
import { providerDefinition } from '../providers/registry'
import { environmentOf } from '../providers/types'
import { supportFacts, type SupportFacts } from './support-facts'
import { formatLocal, formatSkew } from './time-format'
import type { EnvironmentFacts, WizardTrailStep } from './types'

export const BUNDLE_FORMAT = 'authdesk-support-bundle'
export const BUNDLE_VERSION = 1

export interface CheckSummary {
  readonly checkedAt: string
  readonly checkedAtLocal: string
  readonly state: Diagnosis['state']
  readonly cause: Diagnosis['cause']
  readonly retryable: boolean
  readonly summary: string
  readonly step: string
  readonly status: number | null
  readonly providerCode: string | null
  readonly providerMessage: string | null
  readonly clockSkew: string | null
  readonly exchanges: number
}

export interface ReportModel {
  readonly format: typeof BUNDLE_FORMAT
  readonly version: typeof BUNDLE_VERSION
  readonly generatedAt: string
  readonly generatedAtLocal: string
  readonly account: {
    readonly label: string
    readonly provider: string
    readonly providerLabel: string
    readonly environment: string
    /** The saved custom base URL, else the environment's default. */
    readonly baseUrl: string
    readonly customBaseUrl: boolean
    readonly fields: Readonly<Record<string, string>>
    /** Secret fields: only whether each is set. */
    readonly secretsSet: Readonly<Record<string, boolean>>
    readonly scopes: ReadonlyArray<string>
    readonly secretsStatus: string
    readonly lastRotatedAt: string | null
  }
  readonly latest: CheckSummary | null
  readonly support: SupportFacts
  readonly history: ReadonlyArray<CheckSummary>
  readonly wizardTrail: ReadonlyArray<WizardTrailStep>
  readonly environment: Partial<EnvironmentFacts> & { readonly clockSkew: string }
  readonly files: ReadonlyArray<string>
  readonly notes: ReadonlyArray<string>
}

export function summarise(d: Diagnosis, timeZone: string): CheckSummary {
  return {
    checkedAt: d.checkedAt,
    checkedAtLocal: formatLocal(d.checkedAt, timeZone),
    state: d.state,
    cause: d.cause,
    retryable: d.retryable,
    summary: d.summary,
    step: d.evidence.step,
    status: d.evidence.status ?? null,
    providerCode: d.evidence.providerCode ?? null,
    providerMessage: d.evidence.providerMessage ?? null,
    clockSkew: d.clockSkewMs === null ? null : formatSkew(d.clockSkewMs),
    exchanges: d.transcript.length,
  }
}

export function clockSkew(checks: ReadonlyArray<Diagnosis>, timeZone: string): string {
  const measured = checks.find((d) => d.clockSkewMs !== null)
  if (!measured) return checks.length === 0 ? 'not measured: no check has run yet' : "not measured: no provider response carried a Date header"
  return `${formatSkew(measured.clockSkewMs!)} (provider clock minus this computer's, measured ${formatLocal(measured.checkedAt, timeZone)})`
}

export interface ReportParts {
  readonly account: AccountView
  /** Newest first, exclusions applied. */
  readonly checks: ReadonlyArray<Diagnosis>
  readonly wizardTrail: ReadonlyArray<WizardTrailStep>
  readonly environment: Partial<EnvironmentFacts> & Pick<EnvironmentFacts, 'generatedAt' | 'appVersion'>
  readonly timeZone: string
  readonly files: ReadonlyArray<string>
  readonly notes: ReadonlyArray<string>
}

export function reportModel(parts: ReportParts): ReportModel {
  const { account, checks, timeZone } = parts
  const definition = providerDefinition(account.provider)
  const secretsSet = Object.fromEntries(definition.fields.filter((f) => f.secret).map((f) => [f.name, account.secrets[f.name]?.set === true]))
  const latest = checks[0]
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    generatedAt: parts.environment.generatedAt,
    generatedAtLocal: formatLocal(parts.environment.generatedAt, timeZone),
    account: {
      label: account.label,
      provider: account.provider,
      providerLabel: definition.label,
      environment: account.environment,
      baseUrl: account.baseUrl ?? environmentOf(definition, account.environment)?.baseUrl ?? 'unknown',
      customBaseUrl: account.baseUrl !== null,
      fields: account.fields,
      secretsSet,
      scopes: account.scopes,
      secretsStatus: account.secretsStatus,
      lastRotatedAt: account.lastRotatedAt,
    },
    latest: latest ? summarise(latest, timeZone) : null,
    support: supportFacts(account, checks, timeZone),
    history: checks.map((d) => summarise(d, timeZone)),
    wizardTrail: parts.wizardTrail,
    environment: { ...parts.environment, clockSkew: clockSkew(checks, timeZone) },
    files: parts.files,
    notes: parts.notes,
  }
}
