/**
 * The simulator generated from a definition's rule examples, served by the shared simulator
 * server (loopback, Date header, faults, control API). Each rule is a scenario with its own
 * credentials; a request is answered with that rule's example on the rule's step and with the
 * success example on the other steps. Unknown credentials get the definition's own refusal
 * example (or a plain 401). Only what the definition's examples say is simulated.
 */
import type { ProviderSimulator, ScenarioInfo, SimRequest, SimResponse } from '../simulators/types'
import { scenarioCredentials, type ScenarioPlan } from './scenario-plan'
import type { ProviderDefinitionFile, RuleExample } from './schema'
import { placeholders } from './template'

export function exampleResponse(example: RuleExample): SimResponse {
  const headers = Object.fromEntries(Object.entries(example.headers).map(([k, v]) => [k.toLowerCase(), v]))
  if (example.json !== undefined) return { status: example.status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(example.json) }
  return { status: example.status, headers, body: example.body ?? '' }
}

function pathPattern(template: string, basePath: string): RegExp {
  const path = template.split('?')[0]!
  const parts = path.split(/(\{\{\s*[A-Za-z][A-Za-z0-9_]*\s*\}\})/).map((part) => (placeholders(part).length > 0 ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  return new RegExp(`^${basePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${parts.join('')}$`)
}

/** Everything in a request a credential could be in, decoded. */
function haystack(request: SimRequest): string {
  const headers = Object.values(request.headers).flatMap((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]))
  const decoded = headers.flatMap((v) => {
    const basic = /^Basic\s+(\S+)$/i.exec(v)
    return basic ? [Buffer.from(basic[1]!, 'base64').toString('utf8')] : []
  })
  const form = [...new URLSearchParams(request.body).values()].join('\n')
  return [...headers, ...decoded.map((d) => d.split(':').map(decodeURIComponent).join('\n')), request.body, form, ...request.query.values(), decodeURIComponent(request.path)].join('\n')
}

const unauthorized: SimResponse = { status: 401, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Unauthorized (AuthDesk generated simulator: unknown credentials)' }) }

export function createDefinitionSimulator(d: ProviderDefinitionFile, plans: ReadonlyArray<ScenarioPlan>): ProviderSimulator<object, string> {
  const basePath = new URL(d.environments[0]!.baseUrl).pathname.replace(/\/+$/, '')
  const routes = d.probe.map((step, index) => ({ index, method: step.method, pattern: pathPattern(step.path, basePath) }))
  const credentials = plans.map((plan) => scenarioCredentials(d, plan))
  const keys = credentials.map((c) => d.fields.filter((f) => f.secret).map((f) => c[f.name] ?? '').filter((v) => v !== ''))
  const issued = new Map<string, number>()
  const refusal = d.probe.flatMap((s) => s.rules).find((r) => r.cause === 'credentials.invalid')
  const oauth = d.credential.type === 'oauth2-client-credentials' ? d.credential : null
  const tokenPath = oauth ? basePath + (oauth.tokenUrl.startsWith('/') ? oauth.tokenUrl : new URL(oauth.tokenUrl).pathname) : null

  const scenarioOf = (request: SimRequest): number | null => {
    const text = haystack(request)
    for (const [token, index] of issued) if (text.includes(token)) return index
    const found = keys.findIndex((values) => values.length > 0 && values.every((v) => text.includes(v)))
    return found >= 0 ? found : null
  }

  function token(request: SimRequest): SimResponse {
    const index = scenarioOf(request)
    if (index === null) return { status: 401, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: 'invalid_client' }) }
    const value = `simtoken-${d.id}-${index}-${issued.size + 1}`
    issued.set(value, index)
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ access_token: value, token_type: 'Bearer', expires_in: 3600, scope: oauth!.scopes.join(' ') }) }
  }

  return {
    id: d.id,
    baseUrlPath: () => basePath,
    scenarios: () => Object.fromEntries(plans.map((plan, i): [string, ScenarioInfo] => [plan.name, { credentials: credentials[i]!, description: plan.description }])),
    accountOf: (request) => {
      const index = scenarioOf(request)
      return index === null ? null : plans[index]!.name
    },
    handle(request) {
      if (tokenPath !== null && request.method === 'POST' && request.path === tokenPath) return token(request)
      const route = routes.find((r) => r.method === request.method && r.pattern.test(request.path))
      if (!route) return { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Not Found' }) }
      const index = scenarioOf(request)
      if (index === null) return refusal ? exampleResponse(refusal.example) : unauthorized
      const example = plans[index]!.answers[route.index]
      return example ? exampleResponse(example) : unauthorized
    },
    options: {},
    setOptions: () => undefined,
    reset: () => issued.clear(),
  }
}
