import { parseArgs } from 'node:util'
import { bulkhead, type BulkheadPolicy } from 'cockatiel'
import type { ProviderId } from '../../shared/model'
import { checkAccount, DEFAULT_TIMEOUT_MS, type CheckDeps } from '../../core/diagnosis/engine'
import { PROVIDER_CHECKS } from '../../core/diagnosis/providers'
import { createHttpClient, type HttpClientOptions } from '../../core/http/client'
import { SecretScrubber } from '../../core/secret-scrubber'
import { loadEnvAccounts } from '../env-accounts'
import { formatCheckJson, formatCheckTable, type CheckResult } from '../format-check'
import { EXIT, UsageError, type CliIo, type Command } from '../io'

const USAGE = 'authdesk check [--env FILE] [--only NAME,...] [--json] [--concurrency N] [--timeout MS]'
const DEFAULT_CONCURRENCY = 8

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

export interface CheckCommandDeps {
  /** Extra client options (tests: loopback only); the proxy variables always come from the CLI's environment. */
  readonly http?: Omit<HttpClientOptions, 'env'>
  readonly retry?: CheckDeps['retry']
}

export function createCheckCommand(deps: CheckCommandDeps = {}): Command {
  return {
    name: 'check',
    summary: 'Check the accounts described by environment variables (and --env FILE): does each credential still authenticate, and why not',
    usage: USAGE,
    async run(argv, io: CliIo) {
      const { values } = parseArgs({
        args: [...argv],
        options: {
          env: { type: 'string' },
          only: { type: 'string' },
          json: { type: 'boolean', default: false },
          concurrency: { type: 'string' },
          timeout: { type: 'string' },
        },
        strict: true,
      })
      const concurrency = integerOption('concurrency', values.concurrency, DEFAULT_CONCURRENCY, 1, 64)
      const timeoutMs = integerOption('timeout', values.timeout, DEFAULT_TIMEOUT_MS, 100, 300_000)
      const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean)
      const { accounts, ignored } = await loadEnvAccounts(io.env, values.env, only)
      for (const i of ignored) io.stderr(`authdesk check: ignored ${i.variable}: ${i.reason}\n`)

      // Every secret of every account, so no output line can carry one, whatever produced it.
      const scrubber = new SecretScrubber()
      const http = createHttpClient({ ...deps.http, env: io.env })
      const all = bulkhead(concurrency, Infinity)
      const perProvider = new Map<ProviderId, BulkheadPolicy>()
      const slot = (provider: ProviderId): BulkheadPolicy => {
        const existing = perProvider.get(provider)
        if (existing) return existing
        const created = bulkhead(Math.min(concurrency, PROVIDER_CHECKS[provider].maxConcurrent), Infinity)
        perProvider.set(provider, created)
        return created
      }
      try {
        const results = await Promise.all(
          accounts.map((account) =>
            slot(account.provider).execute(() =>
              all.execute(async (): Promise<CheckResult> => {
                const diagnosis = await checkAccount({ provider: account.provider, fields: account.values }, { http, timeoutMs, scrubber, retry: deps.retry })
                return { account: account.name, diagnosis }
              }),
            ),
          ),
        )
        io.stdout(scrubber.scrub(values.json ? formatCheckJson(results) : formatCheckTable(results)))
        return exitCode(results)
      } finally {
        await http.close()
      }
    },
  }
}

export const checkCommand = createCheckCommand()
