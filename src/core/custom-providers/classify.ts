/**
 * A step's ordered rules → verdict (pure). The first rule whose conditions all hold decides.
 * When none does, the cardinal rule's defaults apply: 401 is the one status read as a refused
 * credential (RFC 9110 §15.5.2); an unmatched 2xx is `unknown` with a note (a check is healthy
 * only when a rule says so); 5xx, 429, 503, redirects and anything unreadable are `unknown`.
 */
import { evidenceText, looksLikeHtml } from '../diagnosis/http-fallback'
import type { ResponseView, StepVerdict } from '../diagnosis/types'
import { whenHolds } from './conditions'
import type { CauseCode } from '../../shared/causes'
import type { DefinitionField, ProbeStep, Rule } from './schema'

export interface RuleMatch {
  /** The rule that decided; absent when a default did. */
  readonly rule?: Rule
}

function providerMessage(body: string): string | undefined {
  try {
    const value: unknown = JSON.parse(body)
    const pick = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined)
    if (typeof value === 'object' && value !== null) {
      const o = value as Record<string, unknown>
      const error = typeof o.error === 'object' && o.error !== null ? (o.error as Record<string, unknown>) : {}
      const text = pick(o.message) ?? pick(error.message) ?? pick(o.error_description) ?? pick(o.error)
      return text === undefined ? undefined : evidenceText(text)
    }
  } catch {
    return undefined
  }
  return undefined
}

export function defaultVerdict(response: ResponseView, providerLabel: string): StepVerdict<RuleMatch> {
  const { status } = response
  const message = providerMessage(response.body)
  const evidence = { step: response.step, status, ...(message ? { providerMessage: message } : {}) }
  const verdict = (cause: CauseCode, summary: string, inferred?: string): StepVerdict<RuleMatch> => ({
    cause,
    summary,
    evidence: inferred ? { ...evidence, inferred } : evidence,
    data: {},
  })
  const unmatched = `no rule of the ${providerLabel} definition recognises this answer`
  if (status === 401) return verdict('credentials.invalid', `${providerLabel} refused the credential (401 Unauthorized).`, `401 means the credential was refused (RFC 9110 §15.5.2); ${unmatched}`)
  if (status >= 500) return verdict('server.error', `${providerLabel} failed with a server error (${status}): try again later.`)
  if (status === 407) return verdict('network.proxy', `A proxy asked for its own authentication (407) on the way to ${providerLabel}.`)
  if (status >= 200 && status < 300) {
    const html = looksLikeHtml(response) ? ' (an HTML page: a proxy or captive portal?)' : ''
    return verdict('response.malformed', `${providerLabel} answered ${status}${html}, but ${unmatched}: a check is healthy only when a rule says so.`, unmatched)
  }
  if (status >= 400) return verdict('request.rejected', `${providerLabel} answered ${status}, which ${unmatched}: not read as a verdict on the credential.`, unmatched)
  return verdict('response.malformed', `${providerLabel} answered ${status}, which ${unmatched}.`, unmatched)
}

/** The values of the declared non-secret fields, the only account values a rule may read. */
export function nonSecretValues(fields: ReadonlyArray<DefinitionField>, values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(fields.filter((f) => !f.secret && Object.hasOwn(values, f.name)).map((f) => [f.name, values[f.name]!]))
}

/**
 * The classifier for one step; `now` is the provider's clock (for date conditions), `environment`
 * the account's, `fields` its non-secret values (nonSecretValues).
 */
export function stepClassifier(step: ProbeStep, providerLabel: string, now: () => number, environment: string, fields: Readonly<Record<string, string>> = {}) {
  return (response: ResponseView): StepVerdict<RuleMatch> => {
    const input = { status: response.status, headers: response.headers, body: response.body, now: now(), environment, fields }
    const rule = step.rules.find((r) => whenHolds(r.when, input))
    if (!rule) return defaultVerdict(response, providerLabel)
    const message = providerMessage(response.body)
    return {
      cause: rule.cause as CauseCode,
      summary: rule.summary,
      evidence: { step: response.step, status: response.status, ...(message ? { providerMessage: message } : {}) },
      data: { rule },
    }
  }
}
