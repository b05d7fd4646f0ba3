/**
 * What the schema cannot see: where secrets go, whether the hosts cover the base URL, templates
 * naming undeclared fields, rules that can never match, examples of the wrong shape, rules
 * reading secret or undeclared fields (lint-field-use.ts). Errors refuse the definition;
 * warnings are shown and the definition still loads.
 */
import { stateOf, type CauseCode } from '../../shared/causes'
import { normaliseBaseUrl } from '../http/host-binding'
import { compileRegex, statusRanges, type StatusRange } from './conditions'
import { JsonPathError, parseJsonPath } from './json-path'
import { checkFieldUse } from './lint-field-use'
import type { DefinitionProblem, Locate, PathSegment } from './load'
import { formatPath } from './load'
import type { ProbeStep, ProviderDefinitionFile, Rule } from './schema'
import { placeholders, SOAP_HEADER } from './template'

type Path = ReadonlyArray<PathSegment>

class Problems {
  readonly list: DefinitionProblem[] = []
  constructor(private readonly locate: Locate) {}
  error(path: Path, message: string, fix: string): void {
    this.list.push({ severity: 'error', path: formatPath(path), line: this.locate(path), message, fix })
  }
  warning(path: Path, message: string, fix: string): void {
    this.list.push({ severity: 'warning', path: formatPath(path), line: this.locate(path), message, fix })
  }
}

function duplicates(values: ReadonlyArray<string>): Set<number> {
  const seen = new Map<string, number>()
  const out = new Set<number>()
  values.forEach((v, i) => (seen.has(v) ? out.add(i) : seen.set(v, i)))
  return out
}

function checkUnique(p: Problems, values: ReadonlyArray<string>, at: (i: number) => Path, what: string): void {
  for (const i of duplicates(values)) p.error(at(i), `Duplicate ${what} "${values[i]}".`, `Give every ${what} a different name.`)
}

function checkEnvironments(d: ProviderDefinitionFile, p: Problems): void {
  checkUnique(p, d.environments.map((e) => e.id), (i) => ['environments', i, 'id'], 'environment')
  d.environments.forEach((env, i) => {
    if (placeholders(env.baseUrl).length > 0) {
      p.error(['environments', i, 'baseUrl'], 'The base URL names a field; a base URL is fixed per environment.', 'Write the full URL; put account-specific parts in the probe path (non-secret fields only).')
      return
    }
    const normal = normaliseBaseUrl(env.baseUrl)
    if ('problem' in normal) return p.error(['environments', i, 'baseUrl'], `The base URL ${normal.problem}.`, 'Use the https URL the provider documents.')
    const url = new URL(normal.url)
    if (url.protocol !== 'https:' || url.port !== '') p.error(['environments', i, 'baseUrl'], 'The base URL must be https on the default port.', 'Use https://host/… as the provider documents it.')
    const hosts = env.hosts.map((h) => h.toLowerCase())
    if (!hosts.includes(url.hostname)) {
      p.error(['environments', i, 'hosts'], `The host list does not cover the base URL's host ${url.hostname}: the check could never send the credential there.`, `Add "${url.hostname}" to hosts, or correct the base URL.`)
    }
    env.hosts.forEach((h, j) => {
      if (h !== h.toLowerCase() || !/^[a-z0-9.-]+$/i.test(h) || h.startsWith('.')) p.error(['environments', i, 'hosts', j], `"${h}" is not a host name.`, 'Write a lower-case host name only: no scheme, port, path or wildcard.')
    })
  })
}

function checkFields(d: ProviderDefinitionFile, p: Problems): void {
  checkUnique(p, d.fields.map((f) => f.name), (i) => ['fields', i, 'name'], 'field')
  d.fields.forEach((f, i) => {
    if (['BASE_URL', 'ENVIRONMENT', 'SCOPES', SOAP_HEADER].includes(f.name)) p.error(['fields', i, 'name'], `${f.name} is reserved by the variable convention.`, 'Choose another field name.')
    if (f.pattern === undefined) return
    let pattern: RegExp
    try {
      pattern = compileRegex(`^(?:${f.pattern})$`)
    } catch (error) {
      return p.error(['fields', i, 'pattern'], `The pattern is not a valid regular expression (${(error as Error).message}).`, 'Fix the regular expression (JavaScript syntax, u flag).')
    }
    if (f.example !== undefined && !pattern.test(f.example)) p.error(['fields', i, 'example'], `The example of ${f.name} does not match its pattern.`, 'Give an example value of the shape the pattern describes.')
  })
}

function checkTemplate(d: ProviderDefinitionFile, p: Problems, path: Path, text: string, extra: ReadonlyArray<string> = []): void {
  const known = new Set([...d.fields.map((f) => f.name), ...extra])
  for (const name of placeholders(text)) {
    if (!known.has(name)) p.error(path, `{{${name}}} names a field this definition does not declare.`, `Declare ${name} under fields, or correct the name (declared: ${[...known].join(', ')}).`)
  }
}

function secretNames(d: ProviderDefinitionFile): Set<string> {
  return new Set(d.fields.filter((f) => f.secret).map((f) => f.name))
}

function credentialTemplates(d: ProviderDefinitionFile): Array<[Path, string]> {
  const c = d.credential
  const base: Path = ['credential']
  switch (c.type) {
    case 'headers':
      return Object.entries(c.headers).map(([k, v]) => [[...base, 'headers', k], v])
    case 'basic':
      return [[[...base, 'username'], c.username], [[...base, 'password'], c.password]]
    case 'bearer':
      return [[[...base, 'token'], c.token]]
    case 'json-body':
    case 'form-body':
      return Object.entries(c.members).map(([k, v]) => [[...base, 'members', k], v])
    case 'soap-header':
      return [[[...base, 'template'], c.template]]
    case 'query':
      return Object.entries(c.params).map(([k, v]) => [[...base, 'params', k], v])
    case 'oauth2-client-credentials':
      return [[[...base, 'clientId'], c.clientId], [[...base, 'clientSecret'], c.clientSecret]]
  }
}

function checkCredential(d: ProviderDefinitionFile, p: Problems): void {
  const secrets = secretNames(d)
  const templates = credentialTemplates(d)
  for (const [path, text] of templates) checkTemplate(d, p, path, text)
  if (!templates.some(([, text]) => placeholders(text).some((n) => secrets.has(n)))) {
    p.warning(['credential'], 'The credential placement names no secret field: the check would send no credential.', 'Name the secret field(s) in the placement, e.g. {{API_KEY}}.')
  }
  const c = d.credential
  if (c.type === 'query') {
    p.warning(['credential', 'type'], 'The credential goes in the query string, where proxies, server logs and browser history keep it.', 'Use a header if the provider accepts one; keep query only where it is the documented way.')
  }
  if (c.type === 'soap-header' && !d.probe.some((s) => s.body !== undefined && placeholders(s.body).includes(SOAP_HEADER))) {
    p.error(['credential', 'template'], 'No probe step body has {{SOAP_HEADER}}, so the SOAP header would never be sent.', 'Put {{SOAP_HEADER}} inside <soap:Header> of the step body.')
  }
  if ((c.type === 'json-body' || c.type === 'form-body') && d.probe.some((s) => s.method === 'GET')) {
    p.error(['credential', 'type'], `A ${c.type} credential needs a request body, but a probe step is a GET.`, 'Make the steps POST, or place the credential in a header.')
  }
  if (c.type === 'oauth2-client-credentials') checkTokenUrl(d, c.tokenUrl, p)
}

function checkTokenUrl(d: ProviderDefinitionFile, tokenUrl: string, p: Problems): void {
  const path: Path = ['credential', 'tokenUrl']
  if (tokenUrl.startsWith('/')) return
  let url: URL
  try {
    url = new URL(tokenUrl)
  } catch {
    return p.error(path, 'The token URL is neither a path (/oauth/token) nor a full URL.', 'Write a path under the base URL, or the full https URL.')
  }
  if (url.protocol !== 'https:') p.error(path, 'The token URL must be https.', 'Use the https URL the provider documents.')
  const uncovered = d.environments.filter((e) => !e.hosts.includes(url.hostname))
  if (uncovered.length > 0) p.error(path, `The token URL's host ${url.hostname} is not in the hosts of ${uncovered.map((e) => e.id).join(', ')}: the client secret could not be sent there.`, `Add ${url.hostname} to those environments' hosts.`)
}

function checkStep(d: ProviderDefinitionFile, step: ProbeStep, i: number, p: Problems): void {
  const at = (...rest: PathSegment[]): Path => ['probe', i, ...rest]
  const secrets = secretNames(d)
  if (!step.path.startsWith('/') || /^\/\//.test(step.path) || step.path.includes('..')) {
    p.error(at('path'), 'A probe path must start with one "/" and stay under the base URL (no "..", no host).', 'Write the path as the provider documents it, e.g. /v1/balance.')
  }
  checkTemplate(d, p, at('path'), step.path)
  for (const name of placeholders(step.path).filter((n) => secrets.has(n))) {
    p.error(at('path'), `The secret field ${name} is placed in the URL path, where proxies and server logs keep it.`, 'Send secrets in a header, Basic auth or the body; only non-secret fields (an account id) may be in the path.')
  }
  if (step.path.includes('?') && placeholders(step.path.split('?')[1] ?? '').some((n) => secrets.has(n))) {
    p.error(at('path'), 'A secret is placed in the query of the path.', 'Use credential type "query" (with its warning) or, better, a header.')
  }
  for (const [name, value] of Object.entries(step.headers)) checkTemplate(d, p, at('headers', name), value)
  if (step.body !== undefined) checkTemplate(d, p, at('body'), step.body, [SOAP_HEADER])
  if (step.body !== undefined && step.method === 'GET') p.error(at('body'), 'A GET step has a body.', 'Make the step a POST, or remove the body.')
  if (step.method === 'DELETE') p.warning(at('method'), 'A DELETE probe may change or remove something on every check.', 'Probe with a read-only call the provider documents (a GET of the account or its permissions).')
  checkRules(step, at, p)
  step.rules.forEach((rule, j) => checkFieldUse(d, rule, (...rest) => at('rules', j, ...rest), p))
}

/** Statuses the engine answers before any rule: redirects, 429 and 503. */
function sharedOnly(ranges: ReadonlyArray<StatusRange>): boolean {
  return ranges.every((r) => r.from >= 300 && r.to <= 399) || ranges.every((r) => (r.from === 429 && r.to === 429) || (r.from === 503 && r.to === 503) || (r.from >= 300 && r.to <= 399))
}

const covers = (outer: ReadonlyArray<StatusRange> | null, inner: ReadonlyArray<StatusRange> | null): boolean =>
  outer === null || (inner !== null && inner.every((i) => outer.some((o) => o.from <= i.from && o.to >= i.to)))

const onlyStatus = (rule: Rule): boolean => Object.entries(rule.when).every(([key, value]) => key === 'status' || value === undefined)

function checkRules(step: ProbeStep, at: (...rest: PathSegment[]) => Path, p: Problems): void {
  step.rules.forEach((rule, j) => {
    const where = (...rest: PathSegment[]): Path => at('rules', j, ...rest)
    const cause = rule.cause as CauseCode
    if (rule.state !== undefined && rule.state !== stateOf(cause)) {
      p.error(where('state'), `state "${rule.state}" contradicts the catalogue: ${cause} is ${stateOf(cause)}.`, `Remove state, or choose a cause whose state is ${rule.state}.`)
    }
    const ranges = statusRanges(rule.when.status)
    const outOfRange = ranges?.find((r) => r.from < 100 || r.to > 599 || r.from > r.to)
    if (outOfRange) p.error(where('when', 'status'), `Status ${outOfRange.from}–${outOfRange.to} is outside 100–599: this rule can never match.`, 'Use HTTP status codes from 100 to 599.')
    else if (ranges && sharedOnly(ranges)) {
      p.error(where('when', 'status'), 'Redirects, 429 and 503 are answered before any rule (never sent on, rate limited, unavailable): this rule can never match.', 'Remove the rule, or match another status.')
    }
    checkPatterns(rule, where, p)
    const shadow = step.rules.slice(0, j).findIndex((earlier) => onlyStatus(earlier) && covers(statusRanges(earlier.when.status), ranges))
    if (shadow >= 0) {
      p.error(where('when'), `Rule "${step.rules[shadow]!.name}" comes first and matches every response this one does: this rule can never match.`, 'Move this rule above it, or narrow the earlier rule.')
    }
    if (stateOf(cause) === 'failing' && ranges && ranges.every((r) => r.from >= 500) && onlyStatus(rule)) {
      p.warning(where('cause'), 'A server error (5xx) alone is called failing: an outage would be blamed on the credential.', 'Add a condition on the documented error body, or use server.error.')
    }
  })
  if (!step.rules.some((r) => r.cause === 'ok')) {
    p.warning(at('rules'), `Step "${step.id}" has no ok rule: a check can never pass it, so it can never report healthy.`, 'Add a rule for the documented success answer with cause ok.')
  }
}

function checkPatterns(rule: Rule, where: (...rest: PathSegment[]) => Path, p: Problems): void {
  const tryRegex = (path: Path, pattern: string | undefined): void => {
    if (pattern === undefined) return
    try {
      compileRegex(pattern)
    } catch (error) {
      p.error(path, `Not a valid regular expression (${(error as Error).message}).`, 'Fix the regular expression (JavaScript syntax, u flag).')
    }
  }
  rule.when.json?.forEach((c, k) => {
    try {
      parseJsonPath(c.path)
    } catch (error) {
      if (error instanceof JsonPathError) p.error(where('when', 'json', k, 'path'), `JSON path ${error.message}.`, "Write a path such as $.data.items[0].name or $.items[?(@.enabled == true)].name.")
    }
    tryRegex(where('when', 'json', k, 'matches'), c.matches)
  })
  rule.when.headers?.forEach((c, k) => tryRegex(where('when', 'headers', k, 'matches'), c.matches))
  tryRegex(where('when', 'body', 'matches'), rule.when.body?.matches)
  if (rule.example.body !== undefined && rule.example.json !== undefined) p.error(where('example'), 'The example has both body and json.', 'Keep one: json for a JSON body, body for any other text.')
}

export function lintDefinition(d: ProviderDefinitionFile, locate: Locate): DefinitionProblem[] {
  const p = new Problems(locate)
  checkFields(d, p)
  checkEnvironments(d, p)
  checkCredential(d, p)
  checkUnique(p, d.probe.map((s) => s.id), (i) => ['probe', i, 'id'], 'step id')
  const names = d.probe.flatMap((s) => s.rules.map((r) => r.name))
  const paths = d.probe.flatMap((s, i) => s.rules.map((_r, j): Path => ['probe', i, 'rules', j, 'name']))
  // Rule names are unique across steps: each one names a scenario of the generated simulator.
  checkUnique(p, names, (k) => paths[k]!, 'rule name')
  d.probe.forEach((step, i) => checkStep(d, step, i, p))
  return p.list
}
