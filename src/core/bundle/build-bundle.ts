/**
 * Builds the support bundle's files from the account, its checks, the wizard trail and the
 * environment, leaves out what the user excluded, and redacts every file with one redactor
 * (so a masked identifier gets the same pseudonym in every file). Pure: no I/O.
 */
import type { Diagnosis } from '../../shared/diagnosis'
import type { AccountView } from '../../shared/model'
import { AppError } from '../errors'
import { buildHar } from './har'
import { createRedactor } from './redact/redact'
import { distinctValues, pseudonymFor } from './redact/known-values'
import type { Removal } from './redact/types'
import { renderMarkdown } from './report-md'
import { reportModel, summarise } from './report-model'
import type { Bundle, BundleFile, BundleInput, BundleItem, BundleManifest, BundleOptions, EnvironmentFacts } from './types'

export const MANIFEST_FILE = 'redactions.json'
/** At most this many checks' exchanges go into the HAR (the newest). */
export const HAR_CHECKS = 5

const FILES = ['report.md', 'report.json', 'diagnosis.json', 'history.json', 'exchanges.har', 'wizard-trail.json', 'environment.json'] as const
const ENVIRONMENT_ITEMS = ['os', 'node', 'electron', 'secretStorage', 'proxy', 'timeZone'] as const
const LEFT_OUT = '(left out by the user)'

const newestFirst = (list: ReadonlyArray<Diagnosis>): Diagnosis[] => [...list].sort((a, b) => (a.checkedAt < b.checkedAt ? 1 : a.checkedAt > b.checkedAt ? -1 : 0))

/** Everything the user can leave out, by id, as the preview lists it. */
export function bundleItems(input: BundleInput): BundleItem[] {
  const checks = newestFirst(input.diagnoses)
  return [
    ...checks.map((d, i) => ({ id: `check:${i}`, file: 'history.json', label: `Check ${d.checkedAt}: ${d.state} (${d.cause})` })),
    ...checks.slice(0, HAR_CHECKS).flatMap((d, i) => d.transcript.map((e, j) => ({ id: `exchange:${i}.${j}`, file: 'exchanges.har', label: `${e.method} ${e.url} → ${e.status ?? e.error?.code ?? 'no response'}` }))),
    ...input.wizardTrail.map((s, i) => ({ id: `wizard:${i}`, file: 'wizard-trail.json', label: `${s.stepId}: ${s.answer}` })),
    ...ENVIRONMENT_ITEMS.map((key) => ({ id: `environment:${key}`, file: 'environment.json', label: key })),
    ...Object.keys(input.account.fields).map((name) => ({ id: `account:${name}`, file: 'report.json', label: `${name} (account field)` })),
  ]
}

/** Identifiers to mask: account field names resolve to their values; anything else is a literal value. */
function maskValues(mask: ReadonlyArray<string>, account: AccountView): { values: string[]; labels: BundleManifest['pseudonyms'] } {
  const entries = mask.flatMap((m) => {
    const name = Object.keys(account.fields).find((f) => f.toLowerCase() === m.trim().toLowerCase())
    return name ? (account.fields[name] ? [{ value: account.fields[name], label: name }] : []) : [{ value: m, label: '' }]
  })
  const values = distinctValues(entries.map((e) => e.value))
  let literal = 0
  const labels = values.map((value, i) => ({ label: entries.find((e) => e.value.trim() === value && e.label)?.label ?? `value ${++literal}`, pseudonym: pseudonymFor(i) }))
  return { values, labels }
}

function withoutExcluded(input: BundleInput, exclude: ReadonlySet<string>) {
  const checks = newestFirst(input.diagnoses)
    .map((d, i) => ({ ...d, transcript: d.transcript.filter((_e, j) => !exclude.has(`exchange:${i}.${j}`)), index: i }))
    .filter((d) => !exclude.has(`check:${d.index}`))
  const fields = Object.fromEntries(Object.entries(input.account.fields).map(([k, v]) => [k, exclude.has(`account:${k}`) ? LEFT_OUT : v]))
  const environment: Partial<EnvironmentFacts> & Pick<EnvironmentFacts, 'generatedAt' | 'appVersion'> = { ...input.environment }
  for (const key of ENVIRONMENT_ITEMS) if (exclude.has(`environment:${key}`)) delete (environment as Record<string, unknown>)[key]
  return {
    checks: checks.map(({ index: _index, ...d }) => d as Diagnosis),
    account: { ...input.account, fields },
    wizardTrail: input.wizardTrail.filter((_s, i) => !exclude.has(`wizard:${i}`)),
    environment,
  }
}

const MEDIA: Readonly<Record<string, string>> = { md: 'text/markdown', json: 'application/json', har: 'application/json' }
const mediaType = (name: string): string => MEDIA[name.slice(name.lastIndexOf('.') + 1)] ?? 'text/plain'

export function buildBundle(input: BundleInput, options: BundleOptions): Bundle {
  const exclude = new Set(options.exclude ?? [])
  const { checks, account, wizardTrail, environment } = withoutExcluded(input, exclude)
  // The bundle's times are written in the user's zone unless they left the zone out.
  const timeZone = environment.timeZone ?? 'UTC'
  const names = [...FILES.filter((f) => !exclude.has(f)), MANIFEST_FILE]
  const notes: string[] = []
  if (checks.length === 0) notes.push(input.diagnoses.length === 0 ? 'No check has run yet for this account.' : 'Every check was left out by the user.')
  if (exclude.size > 0) notes.push(`Left out by the user before export: ${[...exclude].sort().join(', ')}.`)
  const model = reportModel({ account, checks, wizardTrail, environment, timeZone, files: names, notes })
  const latest = checks[0]
  const raw: Readonly<Record<(typeof FILES)[number], () => unknown>> = {
    'report.md': () => renderMarkdown(model, timeZone),
    'report.json': () => model,
    'diagnosis.json': () => (latest ? { ...latest, transcript: `${latest.transcript.length} exchange(s): exchanges.har, page check-0` } : { latest: null, note: 'No check has run yet for this account.' }),
    'history.json': () => checks.map((d) => ({ ...summarise(d, timeZone), evidence: d.evidence, knowledgeSteps: d.knowledgeSteps, details: d.details })),
    'exchanges.har': () => buildHar(checks.slice(0, HAR_CHECKS), input.environment.appVersion),
    'wizard-trail.json': () => wizardTrail,
    'environment.json': () => model.environment,
  }
  const mask = maskValues(options.mask ?? [], input.account)
  const redactor = createRedactor({ knownSecrets: options.knownSecrets, pseudonymize: mask.values })
  const files: BundleFile[] = FILES.filter((name) => !exclude.has(name)).map((name) => {
    const value = raw[name]()
    const text = typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`
    const { text: content, manifest } = redactor.redact(text)
    if (typeof value !== 'string') assertJson(name, content)
    return { name, mediaType: mediaType(name), content, redactions: manifest }
  })
  const manifest = bundleManifest(files, mask.labels, [...exclude].sort())
  files.push({ name: MANIFEST_FILE, mediaType: 'application/json', content: `${JSON.stringify(manifest, null, 2)}\n`, redactions: [] })
  return { files, items: bundleItems(input), manifest }
}

function assertJson(name: string, content: string): void {
  try {
    JSON.parse(content)
  } catch {
    // Redaction never crosses a JSON string's quotes; if it ever did, refuse rather than ship a broken file.
    throw new AppError('bundle.invalid-file', `${name} is not valid JSON after redaction; the bundle was not built.`)
  }
}

function bundleManifest(files: ReadonlyArray<BundleFile>, pseudonyms: BundleManifest['pseudonyms'], excluded: ReadonlyArray<string>): BundleManifest {
  const byKind: Record<string, number> = {}
  const perFile: Record<string, ReadonlyArray<Removal>> = {}
  let removals = 0
  for (const f of files) {
    perFile[f.name] = f.redactions
    removals += f.redactions.length
    for (const r of f.redactions) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1
  }
  return { removals, byKind, files: perFile, pseudonyms, excluded }
}
