import { bulkhead, type BulkheadPolicy } from 'cockatiel'
import type { Diagnosis } from '../../shared/diagnosis'
import type { AccountView, ProviderId } from '../../shared/model'
import type { AccountDeadlines } from '../../shared/tokens'
import { checkAccount, DEFAULT_TIMEOUT_MS, type CheckDeps } from '../../core/diagnosis/engine'
import { providerModule } from '../../core/providers/registry'
import { describeBudgetWait } from '../../core/health/budget-wait'
import { systemClock } from '../../core/health/fleet-clock'
import { createLimitedHttpClient } from '../../core/health/limited-http'
import { isSecretUnavailable, secretUnavailableDiagnosis } from '../../core/health/secret-unavailable'
import { budgetLookup } from '../../core/health/provider-budgets'
import { RateLimiter, type RateLimit } from '../../core/health/rate-limiter'
import { createHttpClient, type HttpClientOptions } from '../../core/http/client'
import { loadTlsTrust } from '../../core/http/tls-trust'
import { SecretScrubber } from '../../core/secret-scrubber'
import type { Services } from '../../core/services'
import { loadEnvAccounts } from '../env-accounts'
import { expiringWithin, junitReport, parseWindow, writeJunit } from '../check-reports'
import { formatCheckJson, formatCheckTable, type CheckResult } from '../format-check'
import { DATA_DIR_FLAG, JSON_FLAG, parseFlags, type FlagTable } from '../flags'
import { EXIT, UsageError, type CliIo, type Command } from '../io'
import { cliNetwork } from '../network'
import { openDefaultServices, withVault, type OpenServices } from '../vault-session'

const USAGE = 'authdesk check [--env FILE|- [--strict] | --vault [--data-dir DIR]] [--only NAME,...] [--json] [--concurrency N] [--timeout MS]'
const DEFAULT_CONCURRENCY = 8

const FLAGS = {
  env: { type: 'string', value: 'FILE', help: 'also read accounts from this .env file (- for stdin); it wins over the environment' },
  strict: { type: 'boolean', default: false, help: 'treat what the .env parser would drop or merge as an error' },
  vault: { type: 'boolean', default: false, help: 'check the vault’s accounts instead of variables' },
  'data-dir': { ...DATA_DIR_FLAG, help: 'with --vault: the vault’s data directory' },
  only: { type: 'string', value: 'NAME,...', help: 'check only these accounts' },
  json: JSON_FLAG,
  concurrency: { type: 'string', value: 'N', help: `checks at once (1–64, default ${DEFAULT_CONCURRENCY}; each provider also has its own limit)` },
  timeout: { type: 'string', value: 'MS', help: 'per-request timeout (100–300000)' },
  reporter: { type: 'string', value: 'junit', help: 'also write a report for CI: junit (one testcase per account; needs --out)' },
  out: { type: 'string', value: 'FILE', help: 'where --reporter writes' },
  'expiring-within': { type: 'string', value: '14d', help: 'exit 6 when a credential, token or rotation due date ends within this window (d, h, m)' },
} satisfies FlagTable

function integerOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value.slice(0, 20)}"`)
  return n
}

function exitCode(results: ReadonlyArray<CheckResult>): number {
  if (results.some((r) => r.diagnosis.state === 'failing')) return EXIT.failing
  if (results.some((r) => r.diagnosis.state === 'unknown')) return EXIT.unknown
  return EXIT.ok
}

/** Waits shorter than this go unmentioned. */
const WAIT_NOTICE_MS = 1_000

/** Says on stderr when checks wait for a provider's budget or hold (once per wait, not per request). */
function sayWaits(io: CliIo, limiter: RateLimiter, limits: (key: string) => RateLimit): void {
  const saidUntil = new Map<string, number>()
  limiter.watchWaits((key, until) => {
    const now = systemClock.now()
    if (until - now < WAIT_NOTICE_MS || now < (saidUntil.get(key) ?? 0)) return
    saidUntil.set(key, until)
    io.progress?.(null)
    io.stderr(`authdesk check: ${describeBudgetWait(limiter, key, until, now, limits)}\n`)
  })
}

export interface CheckCommandDeps {
  /** Extra client options (tests: loopback only); the proxy variables always come from the CLI's environment. */
  readonly http?: Omit<HttpClientOptions, 'env'>
  readonly retry?: CheckDeps['retry']
  readonly openServices?: OpenServices
  /** Lower request budgets than the providers' (tests). */
  readonly budgets?: Partial<Record<ProviderId, RateLimit>>
}

interface PlannedCheck {
  readonly name: string
  readonly provider: ProviderId
  run(): Promise<Diagnosis>
}

/** "Checked 3 of 40 accounts (1 failing)…" for a terminal watching a long run. */
function progressLine(done: ReadonlyArray<Diagnosis>, total: number): string {
  const failing = done.filter((d) => d.state === 'failing').length
  const unknown = done.filter((d) => d.state === 'unknown').length
  const trouble = [failing > 0 ? `${failing} failing` : '', unknown > 0 ? `${unknown} unknown` : ''].filter(Boolean).join(', ')
  return `Checked ${done.length} of ${total} account${total === 1 ? '' : 's'}${trouble ? ` (${trouble})` : ''}…`
}

/** Runs the checks within the global and per-provider concurrency limits, in the given order. */
async function runAll(checks: ReadonlyArray<PlannedCheck>, concurrency: number, progress?: CliIo['progress'], finished: CheckResult[] = []): Promise<CheckResult[]> {
  const all = bulkhead(concurrency, Infinity)
  const perProvider = new Map<ProviderId, BulkheadPolicy>()
  const slot = (provider: ProviderId): BulkheadPolicy => {
    if (!perProvider.has(provider)) perProvider.set(provider, bulkhead(Math.min(concurrency, providerModule(provider).check.maxConcurrent), Infinity))
    return perProvider.get(provider)!
  }
  const done: Diagnosis[] = []
  const run = async (c: PlannedCheck): Promise<CheckResult> => {
    const diagnosis = await c.run()
    done.push(diagnosis)
    finished.push({ account: c.name, diagnosis })
    progress?.(progressLine(done, checks.length))
    return { account: c.name, diagnosis }
  }
  progress?.(progressLine(done, checks.length))
  try {
    return await Promise.all(checks.map((c) => slot(c.provider).execute(() => all.execute(() => run(c)))))
  } finally {
    progress?.(null)
  }
}

/** Runs the checks until they end or the user presses Ctrl-C; then the accounts finished so far. */
async function runUntilInterrupted(checks: ReadonlyArray<PlannedCheck>, concurrency: number, io: CliIo): Promise<{ results: CheckResult[]; total: number; stopped: boolean }> {
  const finished: CheckResult[] = []
  const all = runAll(checks, concurrency, io.progress, finished)
  const results = await Promise.race([all, io.interrupted.then(() => null)])
  if (results) return { results, total: checks.length, stopped: false }
  io.progress?.(null)
  const order = new Map(checks.map((c, i) => [c.name, i]))
  return { results: [...finished].sort((a, b) => order.get(a.account)! - order.get(b.account)!), total: checks.length, stopped: true }
}

/** `--vault`: the vault's accounts, checked through the app's own health service (history included). */
async function vaultChecks(services: Services, only: ReadonlyArray<string> | undefined): Promise<PlannedCheck[]> {
  const accounts = await services.vault.list()
  const wanted = only?.map((n) => n.toLowerCase())
  const unknown = only?.filter((n) => !accounts.some((a) => a.label.toLowerCase() === n.toLowerCase())) ?? []
  if (unknown.length > 0) throw new UsageError(`--only names no vault account: ${unknown.join(', ')}. Run \`authdesk accounts list\` for the names.`)
  const chosen = wanted ? accounts.filter((a) => wanted.includes(a.label.toLowerCase())) : accounts
  if (chosen.length === 0) throw new UsageError('the vault has no accounts to check. Add some with `authdesk accounts add --env FILE`.')
  // One account's unreadable secret gives that account a result; the others are still checked.
  const check = async (account: AccountView): Promise<Diagnosis> => {
    const startedAt = Date.now()
    return services.health.check(account.id).catch((error: unknown) => {
      if (isSecretUnavailable(error)) return secretUnavailableDiagnosis(account, error as Error, startedAt)
      throw error
    })
  }
  return chosen.map((a) => ({ name: a.label, provider: a.provider, run: () => check(a) }))
}

/** Token and rotation due dates of the vault's accounts, by label. */
async function vaultDeadlines(services: Services): Promise<Map<string, AccountDeadlines>> {
  const labels = new Map((await services.vault.list()).map((a) => [a.id, a.label]))
  return new Map((await services.tokens.due()).flatMap((d) => (labels.has(d.accountId) ? [[labels.get(d.accountId)!, d] as const] : [])))
}

export function createCheckCommand(deps: CheckCommandDeps = {}): Command {
  return {
    name: 'check',
    summary: 'Check the accounts in environment variables (and --env FILE), or in the vault with --vault: does each credential still authenticate, and why not',
    usage: USAGE,
    flags: FLAGS,
    examples: ['authdesk check --env .env.production --json', 'authdesk check --vault --only PROD_NMBRS'],
    async run(argv, io: CliIo) {
      const { values } = parseFlags(FLAGS, argv)
      const concurrency = integerOption('concurrency', values.concurrency, DEFAULT_CONCURRENCY, 1, 64)
      const timeoutMs = integerOption('timeout', values.timeout, DEFAULT_TIMEOUT_MS, 100, 300_000)
      const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean)
      if (values.reporter !== undefined && values.reporter !== 'junit') throw new UsageError(`--reporter knows junit only, not "${values.reporter.slice(0, 20)}"`, '--reporter')
      if ((values.reporter === undefined) !== (values.out === undefined)) throw new UsageError('--reporter junit and --out FILE go together', values.out ? '--reporter' : '--out')
      const windowMs = values['expiring-within'] === undefined ? null : parseWindow(values['expiring-within'])
      const print = async (checked: ReadonlyArray<CheckResult>, scrubber: SecretScrubber, deadlines: ReadonlyMap<string, AccountDeadlines> = new Map()): Promise<number> => {
        // Redacted before formatting (which may cut a text short), and the printed text once more.
        const results = scrubber.scrubValue(checked)
        io.stdout(scrubber.scrub(values.json ? formatCheckJson(results) : formatCheckTable(results)))
        if (values.out) await writeJunit(values.out, junitReport(results, (text) => scrubber.scrub(text)))
        const code = exitCode(results)
        if (windowMs === null || code === EXIT.failing) return code
        const expiring = expiringWithin(results, deadlines, Date.now(), windowMs)
        for (const e of expiring) io.stderr(`authdesk check: ${e.account}: ${e.what} ${e.at}, within --expiring-within ${values['expiring-within']}\n`)
        return expiring.length > 0 ? EXIT.expiring : code
      }
      /** Ctrl-C: the accounts checked so far, and exit 130. */
      const stopped = (run: { results: CheckResult[]; total: number }, scrubber: SecretScrubber): number => {
        const results = scrubber.scrubValue(run.results)
        io.stdout(scrubber.scrub(values.json ? formatCheckJson(results) : formatCheckTable(results)))
        io.stderr(`authdesk check: interrupted after ${run.results.length} of ${run.total} account(s); the rest were not checked.\n`)
        return EXIT.interrupted
      }
      if (values.vault) {
        if (values.env) throw new UsageError('--vault and --env cannot be used together: check either the vault or a .env file.')
        return withVault(deps.openServices ?? openDefaultServices, values['data-dir'], io, async (services) => {
          sayWaits(io, services.limiter, budgetLookup())
          const run = await runUntilInterrupted(await vaultChecks(services, only), concurrency, io)
          if (run.stopped) return stopped(run, services.scrubber)
          const code = await print(run.results, services.scrubber, windowMs === null ? new Map() : await vaultDeadlines(services))
          for (const aside of services.health.damagedHistory())
            io.stderr(`authdesk check: a damaged check history was kept aside as ${aside}; the account's history starts again from this check.\n`)
          return code
        })
      }
      if (values['data-dir']) throw new UsageError('--data-dir goes with --vault.')
      const { accounts, ignored } = await loadEnvAccounts(io, values.env, only, values.strict)
      for (const i of ignored) io.stderr(`authdesk check: ignored ${i.variable}: ${i.reason}\n`)

      // Every secret of every account, so no output line can carry one, whatever produced it.
      const scrubber = new SecretScrubber()
      // The same request budgets as the app's checks: a CI job checking dozens of accounts must not trip a provider's limit.
      const limits = budgetLookup(deps.budgets)
      const limiter = new RateLimiter(systemClock, limits)
      sayWaits(io, limiter, limits)
      const network = cliNetwork(io)
      const trust = loadTlsTrust({ caFile: network.caFile ? { path: network.caFile, source: 'flag' } : null, env: io.env })
      for (const problem of trust.problems) io.stderr(`authdesk check: ${problem}\n`)
      const http = createLimitedHttpClient(createHttpClient({ ...deps.http, env: io.env, extraCaCerts: trust.extraCaCerts }), limiter, systemClock)
      let interrupted = false
      try {
        const checks = accounts.map((account) => ({
          name: account.name,
          provider: account.provider,
          run: () => checkAccount({ provider: account.provider, fields: account.values }, { http, timeoutMs, scrubber, retry: deps.retry }),
        }))
        const run = await runUntilInterrupted(checks, concurrency, io)
        interrupted = run.stopped
        return run.stopped ? stopped(run, scrubber) : await print(run.results, scrubber)
      } finally {
        // After Ctrl-C the requests still running are abandoned (the process exits), not awaited.
        if (!interrupted) await http.close()
      }
    },
  }
}

export const checkCommand = createCheckCommand()
