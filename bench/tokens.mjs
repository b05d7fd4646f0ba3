#!/usr/bin/env node
// Token lifecycle under load: 1,000 SMSGate accounts with 60-second tokens for 5 minutes against
// the simulator, every account using its token every few seconds. The simulator runs in a child
// process and counts, on its side, requests that arrive with an expired token and refresh tokens
// presented more than once; this process runs AuthDesk's core (vault, token service with its
// one timer) and measures when each refresh left against when it was due, and CPU per refresh.
// Goals: 0 requests with expired tokens, 0 duplicate refreshes, timing error p99 < 1 s.
// The core is TypeScript: like bench/redact.mjs, this bundles it with Vite into node_modules/.tmp.
// usage: node bench/tokens.mjs [--minutes 5] [--accounts 1000] [--ttl 60] [--use-every 5]
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    accounts: { type: 'string', default: '1000' },
    ttl: { type: 'string', default: '60' },
    'use-every': { type: 'string', default: '5' },
    role: { type: 'string', default: 'client' },
  },
})
const outDir = resolve('node_modules/.tmp/bench-tokens')
const load = (name) => import(pathToFileURL(join(outDir, `${name}.mjs`)).href)

async function bundle() {
  const { build } = await import('vite')
  const input = {
    services: 'src/core/services.ts',
    simulators: 'src/core/simulators/start-all.ts',
    store: 'src/core/vault/secret-store.ts',
    jwt: 'src/core/providers/smsgate/jwt.ts',
    refresh: 'src/core/tokens/token-refresh.ts',
  }
  await build({
    logLevel: 'warn',
    configFile: false,
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { input: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, resolve(v)])), output: { format: 'esm', entryFileNames: '[name].mjs' } },
    },
  })
}

// ---- the simulator process: serves and counts ---------------------------------------------------
async function simulator() {
  const { startAllSimulators } = await load('simulators')
  const { peekSmsGateClaims, isExpiredAt } = await load('jwt')
  const sims = await startAllSimulators()
  const ttl = Number(values.ttl)
  sims.byId.smsgate.simulator.setOptions({ defaultTtlSeconds: ttl, maxTtlSeconds: ttl })
  const counts = { requests: 0, bearer: 0, expiredSent: 0, refreshes: 0, duplicateRefreshes: 0, issues: 0, unauthorized: 0 }
  const refreshUses = new Set()
  const sim = sims.byId.smsgate.simulator
  const handle = sim.handle.bind(sim)
  sim.handle = async (request, context) => {
    counts.requests += 1
    const header = request.headers.authorization ?? ''
    const bearer = /^bearer /i.test(header) ? header.slice(7) : null
    const claims = bearer ? peekSmsGateClaims(bearer) : null
    if (bearer) counts.bearer += 1
    if (claims && isExpiredAt(claims, context.now())) counts.expiredSent += 1
    if (request.path.endsWith('/auth/token/refresh')) {
      counts.refreshes += 1
      if (refreshUses.has(claims?.jti)) counts.duplicateRefreshes += 1
      refreshUses.add(claims?.jti)
    } else if (request.method === 'POST' && request.path.endsWith('/auth/token')) counts.issues += 1
    const response = await handle(request, context)
    if (response.status === 401) counts.unauthorized += 1
    return response
  }
  process.on('message', (message) => {
    if (message === 'stats') process.send({ counts, cpu: process.cpuUsage() })
    if (message === 'stop') void sims.close().then(() => process.exit(0))
  })
  process.send({ ready: true, baseUrl: sims.byId.smsgate.baseUrl, valid: sims.byId.smsgate.scenarioCredentials().valid })
}

// ---- the client process: AuthDesk's core -------------------------------------------------------
const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))])
const cpuMs = (usage) => (usage.user + usage.system) / 1000
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

async function pool(items, limit, work) {
  let next = 0
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++])
  }))
}

async function client() {
  const minutes = Number(values.minutes)
  const accounts = Number(values.accounts)
  const useEveryMs = Number(values['use-every']) * 1000
  await bundle()
  const child = fork(fileURLToPath(import.meta.url), ['--role', 'simulator', '--ttl', values.ttl], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const [ready] = await once(child, 'message')
  const stats = async () => {
    child.send('stats')
    return (await once(child, 'message'))[0]
  }
  const { createServices } = await load('services')
  const { MemorySecretStore } = await load('store')
  const { refreshNow } = await load('refresh')
  const { Agent } = await import('undici')

  const dataDir = mkdtempSync(join(tmpdir(), 'authdesk-bench-tokens-'))
  const observations = []
  const secretStore = new MemorySecretStore({ backend: 'memory', persistent: false, reason: 'benchmark', hint: null, error: null })
  const services = await createServices({ dataDir, appVersion: 'bench', secretStore, tokens: { schedule: true, observe: (o) => observations.push(o) } })
  const env = Array.from({ length: accounts }, (_, i) =>
    [`B${i}_SMSGATE_USERNAME=${ready.valid.USERNAME}`, `B${i}_SMSGATE_PASSWORD=${ready.valid.PASSWORD}`, `B${i}_SMSGATE_BASE_URL=${ready.baseUrl}`, `B${i}_SMSGATE_SCOPES=devices:list`].join('\n'),
  ).join('\n')
  const request = { source: { kind: 'text', text: env } }
  const preview = await services.vault.previewImport(request)
  await services.vault.importAccounts({ ...request, digest: preview.digest, confirmUnlistedHosts: true })
  const ids = (await services.vault.list()).map((a) => a.id)

  let started = performance.now()
  await pool(ids, 32, (id) => services.tokens.issue(id, { ttlSeconds: Number(values.ttl) }))
  console.log(`${ids.length} accounts, each issued a ${values.ttl}-second token (${((performance.now() - started) / 1000).toFixed(1)} s); running ${minutes} min…`)

  const dispatcher = new Agent({ connections: 64 })
  const api = { sent: 0, ok: 0, unauthorized: 0, refusedByCore: 0, errors: 0 }
  let running = true
  const worker = async (id) => {
    await sleep(Math.random() * useEveryMs)
    while (running) {
      try {
        const token = await services.tokens.accessToken(id)
        api.sent += 1
        const response = await fetch(`${ready.baseUrl}/devices`, { headers: { authorization: `Bearer ${token}` }, dispatcher })
        await response.arrayBuffer()
        if (response.status === 200) api.ok += 1
        else if (response.status === 401) api.unauthorized += 1
        else api.errors += 1
      } catch (error) {
        if (error?.name === 'AppError') api.refusedByCore += 1
        else api.errors += 1
      }
      await sleep(useEveryMs)
    }
  }
  observations.length = 0
  const soakCpu = process.cpuUsage()
  const simBefore = await stats()
  started = performance.now()
  const workers = ids.map(worker)
  await sleep(minutes * 60_000)
  running = false
  await Promise.all(workers)
  const soakMs = performance.now() - started
  const soakCpuMs = cpuMs(process.cpuUsage(soakCpu))
  await services.tokens.settled()
  const soak = [...observations]
  const simAfter = await stats()

  // Marginal CPU of one refresh: every account refreshed once more, with nothing else running.
  const calibrationCpu = process.cpuUsage()
  const manager = services.tokens.manager()
  await pool(ids, 32, (id) => refreshNow(manager, id, true))
  const perRefreshMs = cpuMs(process.cpuUsage(calibrationCpu)) / ids.length

  const refreshes = soak.filter((o) => o.outcome !== 'failed')
  const late = soak.filter((o) => o.plannedAtMs !== null).map((o) => Math.abs(o.startedAtMs - o.plannedAtMs)).sort((a, b) => a - b)
  const sim = Object.fromEntries(Object.keys(simAfter.counts).map((k) => [k, simAfter.counts[k] - simBefore.counts[k]]))
  const goal = (ok) => (ok ? 'ok' : 'MISSED')
  console.log(`\nsoak: ${(soakMs / 1000).toFixed(0)} s, ${accounts} accounts, ${values.ttl}-second tokens, one API call per account every ${values['use-every']} s`)
  console.log(`API requests sent: ${api.sent} (200: ${api.ok}, 401: ${api.unauthorized}, other: ${api.errors}; refused by core before sending: ${api.refusedByCore})`)
  console.log(`requests that reached the simulator with an expired token: ${sim.expiredSent} (goal 0: ${goal(sim.expiredSent === 0)})`)
  const margin = Math.max(10, Math.min(300, Number(values.ttl) / 4))
  console.log(`refreshes: ${refreshes.length} by AuthDesk (${(refreshes.length / accounts).toFixed(1)} per account, one every ${Number(values.ttl) - margin} s), ${sim.refreshes} seen by the simulator; failed: ${soak.length - refreshes.length}; re-issues: ${soak.filter((o) => o.outcome === 'reissued').length}`)
  console.log(`duplicate refreshes (a refresh token presented twice): ${sim.duplicateRefreshes} (goal 0: ${goal(sim.duplicateRefreshes === 0)})`)
  console.log(`refresh timing error |sent − due|: p50 ${percentile(late, 50)} ms, p99 ${percentile(late, 99)} ms, max ${late.at(-1)} ms (goal p99 < 1000 ms: ${goal(percentile(late, 99) < 1000)})`)
  console.log(`CPU per refresh: ${perRefreshMs.toFixed(2)} ms marginal (refresh request, keychain item write through the vault, record file write); soak total ${(soakCpuMs / 1000).toFixed(1)} s CPU in this process (${((soakCpuMs / soakMs) * 100).toFixed(0)} % of one core, API traffic included) = ${(soakCpuMs / Math.max(1, refreshes.length)).toFixed(1)} ms per refresh`)
  console.log(`simulator process CPU: ${((cpuMs(simAfter.cpu) - cpuMs(simBefore.cpu)) / 1000).toFixed(1)} s`)

  await services.close()
  await dispatcher.close()
  child.send('stop')
  rmSync(dataDir, { recursive: true, force: true })
}

if (values.role === 'simulator') await simulator()
else await client()
