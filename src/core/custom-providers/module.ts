/**
 * A definition file as a provider module: its fields and environments as a definition, its
 * probe steps as a check the diagnosis engine runs like any built-in's (same exchange, retries,
 * transcript, redaction and send gate), its limits as the budget, its examples as a simulator.
 */
import type { Verdict } from '../diagnosis/types'
import type { ProviderModule } from '../providers/module'
import type { ProviderDefinition } from '../providers/types'
import { credentialField, lintFields } from './account-lint'
import { definitionKnowledge, knowledgeStepsFor } from './knowledge'
import { oauthTokenLifecycle } from './oauth-tokens'
import { secretForms } from './request'
import { runSteps } from './run-check'
import type { ProviderDefinitionFile, Rule } from './schema'
import { scenarioPlans } from './scenario-plan'
import { createDefinitionSimulator } from './simulator'
import { READ_ONLY_RETRY } from '../diagnosis/retry'

const MINUTE = 60_000

export function customDefinition(d: ProviderDefinitionFile): ProviderDefinition {
  const oauthScopes = d.credential.type === 'oauth2-client-credentials' ? d.credential.scopes : null
  return {
    id: d.id,
    envName: d.envToken,
    label: d.name,
    fields: d.fields.map(credentialField),
    environments: d.environments.map((e) => ({ id: e.id, label: e.label, baseUrl: e.baseUrl.replace(/\/+$/, ''), hosts: e.hosts.map((h) => h.toLowerCase()) })),
    ...(oauthScopes === null ? {} : { scopes: { known: [...oauthScopes], defaults: [...oauthScopes], reserved: [] } }),
  }
}

function ruleNamed(d: ProviderDefinitionFile, name: string | undefined): Rule | undefined {
  return name === undefined ? undefined : d.probe.flatMap((s) => s.rules).find((r) => r.name === name)
}

export function customProviderModule(d: ProviderDefinitionFile): ProviderModule {
  const definition = customDefinition(d)
  const knowledge = Object.fromEntries(definitionKnowledge(d))
  return {
    definition,
    origin: 'custom',
    check: {
      id: d.id,
      retry: READ_ONLY_RETRY,
      maxConcurrent: d.limits.concurrency,
      lint: (fields) => lintFields(d.fields, fields),
      knowledge,
      knowledgeSteps: (verdict: Verdict) => knowledgeStepsFor(d, verdict, ruleNamed(d, verdict.details?.rule)),
      async probe(context) {
        const { account } = context
        const defaultBase = definition.environments.find((e) => e.id === account.environment)?.baseUrl
        const outcome = await runSteps({
          d,
          exchange: context.exchange,
          baseUrl: account.baseUrl,
          customBase: account.baseUrl !== defaultBase,
          environment: account.environment,
          values: account.fields,
          providerNow: context.providerNow,
          remember: (value) => secretForms(value).forEach((form) => context.rememberSecret(form)),
        })
        const { verdict, rule } = outcome
        return rule ? { ...verdict, details: { ...verdict.details, rule: rule.name } } : verdict
      },
    },
    budget: { limit: d.limits.requestsPerMinute, windowMs: MINUTE, basis: `the definition's limits (${d.limits.requestsPerMinute} requests per minute)` },
    simulator: () => createDefinitionSimulator(d, scenarioPlans(d)),
    capabilities: d.credential.type === 'oauth2-client-credentials' ? { tokens: oauthTokenLifecycle(d, d.credential) } : {},
  }
}
