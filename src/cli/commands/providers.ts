import { accountLabelsUsing } from '../../core/vault/provider-usage'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  addDefinition,
  crossCheck,
  DefinitionFileError,
  providersDir,
  readDefinitionDir,
  readDefinitionFile,
  removeDefinition,
  type AddOutcome,
  type DefinitionEntry,
} from '../../core/custom-providers/definition-files'
import { definitionEnvAccounts } from '../../core/custom-providers/env-accounts'
import { knowledgeStepOf } from '../../core/custom-providers/knowledge'
import { testDefinition } from '../../core/custom-providers/example-tests'
import { createBudgetedHttpClient, mapLimited } from '../../core/custom-providers/request-budget'
import { checkDefinitionAccount } from '../../core/custom-providers/run-check'
import { parseDotenv } from '../../core/vault/dotenv-import'
import type { DefinitionProblem, LoadResult } from '../../core/custom-providers/load'
import type { RetrySettings } from '../../core/diagnosis/retry'
import { createHttpClient, type HttpClientOptions } from '../../core/http/client'
import { loadTlsTrust } from '../../core/http/tls-trust'
import { definitionJsonSchema } from '../../core/custom-providers/schema'
import { defaultDataDir } from '../../core/paths'
import { builtInModules } from '../../core/providers/registry'
import { formatDefinitionCheckJson, formatDefinitionCheckTable, formatProblems, formatProviderList, formatTestReport, type ProviderListEntry } from '../format-providers'
import { DATA_DIR_FLAG, JSON_FLAG, parseFlags, type FlagTable } from '../flags'
import { EXIT, UsageError, type CliIo, type Command } from '../io'
import { cliNetwork } from '../network'

const USAGE = `authdesk providers list [--dir DIR] [--data-dir DIR] [--json]
       authdesk providers lint FILE... [--dir DIR] [--json]
       authdesk providers test FILE... [--json]
       authdesk providers add FILE [--data-dir DIR | --dir DIR] [--json]
       authdesk providers remove ID [--data-dir DIR | --dir DIR]
       authdesk providers check FILE [--env ENVFILE] [--json]
       authdesk providers schema`

export interface ProvidersCommandOptions {
  /** Tests: keep the HTTP client on loopback and shorten retries. */
  readonly http?: Pick<HttpClientOptions, 'allowHost'>
  readonly retry?: (settings: RetrySettings) => RetrySettings
}

async function readOrUsage(file: string): Promise<LoadResult> {
  try {
    return await readDefinitionFile(resolve(file))
  } catch (error) {
    if (error instanceof DefinitionFileError) throw new UsageError(error.message)
    throw error
  }
}

function withCrossChecks(file: string, result: LoadResult, dirEntries: ReadonlyArray<DefinitionEntry>): ReadonlyArray<DefinitionProblem> {
  if (!result.ok) return result.problems
  const others = dirEntries.filter((e) => resolve(e.file) !== resolve(file)).flatMap((e) => (e.result.ok ? [{ file: e.file, definition: e.result.definition }] : []))
  return [...crossCheck(result.definition, result.locate, others), ...result.warnings]
}

async function lint(files: ReadonlyArray<string>, dir: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const dirEntries = dir === undefined ? [] : await readDefinitionDir(resolve(dir))
  const reports = []
  for (const file of files) reports.push({ file, problems: withCrossChecks(file, await readOrUsage(file), dirEntries) })
  const failed = reports.some((r) => r.problems.some((p) => p.severity === 'error'))
  if (json) io.stdout(JSON.stringify({ files: reports, passed: !failed }) + '\n')
  else for (const r of reports) io.stdout(formatProblems(r.file, r.problems))
  return failed ? EXIT.failing : EXIT.ok
}

async function test(files: ReadonlyArray<string>, json: boolean, io: CliIo, options: ProvidersCommandOptions): Promise<number> {
  const http = createHttpClient({ ...options.http })
  try {
    const reports = []
    for (const file of files) {
      const loaded = await readOrUsage(file)
      if (!loaded.ok) {
        reports.push({ file, problems: loaded.problems, report: null })
        continue
      }
      io.progress?.(`Testing ${loaded.definition.id}: every example through the classifier and the generated simulator…`)
      const report = await testDefinition(loaded.definition, { http, ...(options.retry ? { retry: options.retry } : {}) })
      reports.push({ file, problems: loaded.warnings, report })
    }
    io.progress?.(null)
    const passed = reports.every((r) => r.report?.passed === true)
    if (json) io.stdout(JSON.stringify({ files: reports, passed }) + '\n')
    else for (const r of reports) io.stdout(r.report ? formatProblems(r.file, r.problems, true) + formatTestReport(r.report) : formatProblems(r.file, r.problems))
    return passed ? EXIT.ok : EXIT.failing
  } finally {
    await http.close()
  }
}

async function check(file: string, envFile: string | undefined, json: boolean, io: CliIo, options: ProvidersCommandOptions): Promise<number> {
  const loaded = await readOrUsage(file)
  if (!loaded.ok) {
    io.stderr(formatProblems(file, loaded.problems))
    throw new UsageError(`${file} is not a usable definition (above); nothing was checked.`)
  }
  const d = loaded.definition
  const variables = { ...io.env, ...(envFile === undefined ? {} : await readEnvVariables(envFile)) }
  const accounts = definitionEnvAccounts(d, variables)
  if (accounts.length === 0) throw new UsageError(`no ${d.name} accounts found: set variables such as ${d.envToken}_${d.fields[0]!.name} (or PROD_${d.envToken}_${d.fields[0]!.name}), or pass --env FILE.`)
  const network = cliNetwork(io)
  const trust = loadTlsTrust({ caFile: network.caFile ? { path: network.caFile, source: 'flag' } : null, env: io.env })
  for (const problem of trust.problems) io.stderr(`authdesk providers: ${problem}\n`)
  const http = createBudgetedHttpClient(createHttpClient({ env: io.env, extraCaCerts: trust.extraCaCerts, ...options.http }), d.limits)
  try {
    const deps = { http, ...(options.retry ? { retry: options.retry } : {}) }
    const results = await mapLimited(accounts, d.limits.concurrency, async (a) => ({ account: a.name, diagnosis: await checkDefinitionAccount({ definition: d, fields: a.fields }, deps) }))
    io.stdout(json ? formatDefinitionCheckJson(results) : formatDefinitionCheckTable(results, (id) => knowledgeStepOf(d, id)))
    const states = results.map((r) => r.diagnosis.state)
    return states.includes('failing') ? EXIT.failing : states.includes('unknown') ? EXIT.unknown : EXIT.ok
  } finally {
    await http.close()
  }
}

async function readEnvVariables(path: string): Promise<Record<string, string>> {
  try {
    return parseDotenv(await readFile(path, 'utf8'))
  } catch {
    throw new UsageError(`cannot read --env file ${path} as dotenv (NAME=value lines).`)
  }
}

async function add(dir: string, file: string, json: boolean, io: CliIo): Promise<number> {
  let outcome: AddOutcome
  try {
    outcome = await addDefinition(dir, resolve(file))
  } catch (error) {
    if (error instanceof DefinitionFileError) throw new UsageError(error.message)
    throw error
  }
  if (json) io.stdout(JSON.stringify(outcome) + '\n')
  else if (outcome.ok) io.stdout(`Added ${outcome.id} as ${outcome.path}.\n${formatProblems(file, outcome.warnings, true)}`)
  else io.stdout(formatProblems(file, outcome.problems))
  return outcome.ok ? EXIT.ok : EXIT.failing
}

async function remove(dir: string, id: string, dataDir: string, force: boolean, io: CliIo): Promise<number> {
  const users = await accountLabelsUsing(dataDir, id)
  if (users.length > 0 && !force)
    throw new UsageError(`${users.length} account(s) use ${id}: ${users.slice(0, 10).join(', ')}. Remove them first (authdesk accounts remove NAME...), or add --force to keep them listed without a definition (their checks then send nothing).`)
  const removed = await removeDefinition(dir, id)
  if (removed === null) throw new UsageError(`no definition with id "${id}" in ${dir} (see \`authdesk providers list\`).`)
  io.stdout(`Removed ${id} (${removed}).${users.length > 0 ? ` ${users.length} account(s) still name it; add the definition again to check them.` : ''}\n`)
  return EXIT.ok
}

async function list(dir: string, json: boolean, io: CliIo): Promise<number> {
  const entries = await readDefinitionDir(dir)
  const builtIns: ProviderListEntry[] = builtInModules().map(({ definition: p }) => ({ id: p.id, name: p.label, envToken: p.envName, source: 'built-in', problems: [] }))
  const custom: ProviderListEntry[] = entries.map((e) =>
    e.result.ok
      ? { id: e.result.definition.id, name: e.result.definition.name, envToken: e.result.definition.envToken, source: e.file, problems: withCrossChecks(e.file, e.result, entries).filter((p) => p.severity === 'error') }
      : { id: null, name: null, envToken: null, source: e.file, problems: e.result.problems },
  )
  const all = [...builtIns, ...custom]
  if (json) io.stdout(JSON.stringify({ directory: dir, providers: all }) + '\n')
  else io.stdout(formatProviderList(dir, all))
  return custom.some((c) => c.problems.length > 0) ? EXIT.failing : EXIT.ok
}

const FLAGS = {
  dir: { type: 'string', value: 'DIR', help: 'the definitions directory (default: <data dir>/providers)' },
  'data-dir': DATA_DIR_FLAG,
  env: { type: 'string', value: 'FILE', help: 'check: the .env file describing the accounts (GITHUB_TOKEN=…, PROD_GITHUB_TOKEN=…)' },
  json: JSON_FLAG,
  force: { type: 'boolean', default: false, help: 'remove: remove even when accounts use the provider (they stay listed; their checks send nothing)' },
} as const satisfies FlagTable

export function createProvidersCommand(options: ProvidersCommandOptions = {}): Command {
  return {
    name: 'providers',
    summary: 'List providers; add, remove, lint, test or check with custom provider definition files (YAML/JSON)',
    usage: USAGE,
    flags: FLAGS,
    examples: ['authdesk providers lint definitions/github.yaml', 'authdesk providers test definitions/*.yaml', 'authdesk providers check definitions/github.yaml --env .env'],
    async run(argv, io) {
      const { values, positionals } = parseFlags(FLAGS, argv, true)
      const [action, ...files] = positionals
      const json = values.json ?? false
      switch (action) {
        case 'list':
          if (files.length > 0) throw new UsageError('list takes no files: use --dir DIR for another directory.')
          return list(resolve(values.dir ?? providersDir(values['data-dir'] ?? defaultDataDir(io.env))), json, io)
        case 'lint':
        case 'test':
          if (files.length === 0) throw new UsageError(`${action} needs at least one definition FILE.`)
          return action === 'lint' ? lint(files, values.dir, json, io) : test(files, json, io, options)
        case 'add':
        case 'remove': {
          if (files.length !== 1) throw new UsageError(`${action} takes one ${action === 'add' ? 'definition FILE' : 'definition ID'}.`)
          const dataDir = resolve(values['data-dir'] ?? defaultDataDir(io.env))
          const dir = resolve(values.dir ?? providersDir(dataDir))
          return action === 'add' ? add(dir, files[0]!, json, io) : remove(dir, files[0]!, dataDir, values.force === true, io)
        }
        case 'check':
          if (files.length !== 1) throw new UsageError('check takes one definition FILE (and --env ENVFILE for the accounts).')
          return check(files[0]!, values.env, json, io, options)
        case 'schema':
          io.stdout(JSON.stringify(definitionJsonSchema(), null, 2) + '\n')
          return EXIT.ok
        default:
          throw new UsageError(action === undefined ? 'say what to do: list, add, remove, lint, test, check or schema.' : `unknown action "${action}": use list, add, remove, lint, test, check or schema.`)
      }
    },
  }
}

export const providersCommand = createProvidersCommand()
