#!/usr/bin/env node
// Fleet benchmark: 1,000 accounts (250 per provider, 80 % valid, the rest failing as real
// credentials fail) checked by `authdesk check --env FILE --json` against the simulators
// (`authdesk simulate`, in their own process, 50 ms added to every answer). Prints, from one
// run: wall time; the ideal time the concurrency limits allow (per provider: ceil(requests /
// lanes) × latency, the slowest provider sets it); their ratio (goal ≤ 1.25×); CPU per check
// and peak memory of the check process; then the same requests run by Newman (a Postman
// collection this script generates, one request per account per probe step) and how many
// times faster AuthDesk was (goal ≥ 10×).
// usage: npm run build && node bench/fleet/run.mjs [--latency 50] [--concurrency 32] [--skip-newman]
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fleetAccounts, MIX, PROVIDERS, scenarios, writeEnvFile } from './fleet-env.mjs'
import { buildCollection, requestCount } from './postman.mjs'
import { startRecorder } from './recorder.mjs'

const { values } = parseArgs({ options: { latency: { type: 'string', default: '50' }, concurrency: { type: 'string', default: '32' }, 'skip-newman': { type: 'boolean', default: false } } })
const LATENCY = Number(values.latency)
const CONCURRENCY = Number(values.concurrency)
const USAGE_HOOK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nBENCH_USAGE "+JSON.stringify(process.resourceUsage())+"\\n"))'

/** Per-provider check lanes, read from each provider module's source the CLI was built from. */
function lanes() {
  const found = {}
  for (const p of PROVIDERS) {
    const file = new URL(`../../src/core/providers/${p}/module.ts`, import.meta.url)
    const match = /maxConcurrent: (\d+)/.exec(readFileSync(file, 'utf8'))
    if (!match) throw new Error(`no maxConcurrent in src/core/providers/${p}/module.ts`)
    found[p] = Number(match[1])
  }
  return found
}

/** Runs `node ARGS` with its own resource usage reported at exit. */
async function measure(args) {
  const child = spawn(process.execPath, ['--import', USAGE_HOOK, ...args], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const started = performance.now()
  const [code] = await once(child, 'exit')
  const wallMs = performance.now() - started
  const usage = JSON.parse(/BENCH_USAGE (.*)/.exec(stderr)?.[1] ?? 'null')
  if (!usage) throw new Error(`${args.join(' ')} exited ${code} without a usage report: ${stderr.slice(0, 800)}`)
  return { code, stdout, stderr, wallMs, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024 }
}

async function startSimulators() {
  const child = spawn(process.execPath, ['bin/authdesk.js', 'simulate', '--json', '--latency', String(LATENCY)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let text = ''
  while (!text.includes('\n')) text += (await once(child.stdout, 'data'))[0]
  return { child, sims: JSON.parse(text.split('\n')[0]) }
}

const control = (sims, provider, route, method = 'GET') => fetch(new URL(`/__sim/${route}`, sims[provider]), { method })
const simRequests = async (sims) => Object.fromEntries(await Promise.all(PROVIDERS.map(async (p) => [p, (await (await control(sims, p, 'state')).json()).requests])))
// Only Authmatech's per-client minute windows need emptying between runs; a reset of SMSGate
// would re-issue its tokens and turn the scenarios' tokens into revoked ones.
const resetBudgets = (sims) => control(sims, 'authmatech', 'reset', 'POST')
const delta = (a, b) => Object.fromEntries(PROVIDERS.map((p) => [p, b[p] - a[p]]))
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
const goal = (ok) => (ok ? 'met' : 'NOT met')

const { child: simulator, sims } = await startSimulators()
const origins = Object.fromEntries(PROVIDERS.map((p) => [p, new URL(sims[p]).origin]))
const dir = mkdtempSync(join(tmpdir(), 'authdesk-fleet-bench-'))
try {
  // 1. One account per scenario through the recorder: what each check sends, and what it concludes.
  const recorder = await startRecorder(origins)
  const probes = scenarios().map((s, i) => ({ ...s, name: `CAL${i}` }))
  writeEnvFile(join(dir, 'calibrate.env'), probes, sims.credentials, recorder.baseUrl)
  const calibration = await measure(['bin/authdesk.js', 'check', '--env', join(dir, 'calibrate.env'), '--json'])
  const expected = new Map(JSON.parse(calibration.stdout).results.map((r) => [r.account, r]))
  const expectation = (a) => expected.get(`${probes.find((p) => p.provider === a.provider && p.scenario === a.scenario).name}_${a.provider.toUpperCase()}`)
  await recorder.close()
  await resetBudgets(sims)

  // 2. The fleet, checked by AuthDesk.
  const accounts = fleetAccounts()
  writeEnvFile(join(dir, 'fleet.env'), accounts, sims.credentials)
  const before = await simRequests(sims)
  const run = await measure(['bin/authdesk.js', 'check', '--env', join(dir, 'fleet.env'), '--json', '--concurrency', String(CONCURRENCY)])
  const sent = delta(before, await simRequests(sims))
  const { results, summary } = JSON.parse(run.stdout)
  const byName = new Map(results.map((r) => [r.account, r]))
  const wrong = accounts.filter((a) => {
    const got = byName.get(`${a.name}_${a.provider.toUpperCase()}`)
    const want = expectation(a)
    return !got || got.state !== want.state || got.cause !== want.cause
  })

  // 3. The ideal: every lane busy all the time, each request taking exactly the added latency.
  const limits = lanes()
  const perProvider = PROVIDERS.map((p) => {
    const lanesOf = Math.min(CONCURRENCY, limits[p])
    return { p, accounts: accounts.filter((a) => a.provider === p).length, requests: sent[p], lanes: lanesOf, idealMs: Math.ceil(sent[p] / lanesOf) * LATENCY }
  })
  const totalRequests = PROVIDERS.reduce((n, p) => n + sent[p], 0)
  const idealMs = Math.max(...perProvider.map((x) => x.idealMs), Math.ceil(totalRequests / CONCURRENCY) * LATENCY)
  const ratio = run.wallMs / idealMs

  const failing = Object.values(MIX).reduce((n, mix) => n + Object.entries(mix).filter(([s]) => s !== 'valid').reduce((m, [, c]) => m + c, 0), 0)
  console.log(`Fleet: ${accounts.length} accounts, 250 per provider (${failing} failing by design), simulators with ${LATENCY} ms added latency`)
  console.log(`Results: ${JSON.stringify(summary)}; ${accounts.length - wrong.length}/${accounts.length} as each scenario predicts`)
  console.log(`Machine: ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} (1 min) at the end of the AuthDesk run`)
  console.log(`\nAuthDesk  node bin/authdesk.js check --env FILE --json --concurrency ${CONCURRENCY}`)
  console.log(`  wall time        ${seconds(run.wallMs)} (process start to exit)`)
  for (const x of perProvider) console.log(`    ${x.p.padEnd(10)} ${x.accounts} accounts, ${x.requests} requests, ${x.lanes} lanes → ideal ${seconds(x.idealMs)}`)
  console.log(`  ideal time       ${seconds(idealMs)} (slowest provider: ceil(requests / lanes) × ${LATENCY} ms)`)
  console.log(`  ratio            ${ratio.toFixed(2)}× of ideal — goal ≤ 1.25×: ${goal(ratio <= 1.25)}`)
  console.log(`  CPU per check    ${(run.cpuMs / accounts.length).toFixed(2)} ms (${seconds(run.cpuMs)} user+system for the whole process, start-up included)`)
  console.log(`  peak memory      ${run.maxRssMb.toFixed(0)} MB (max RSS)`)
  if (wrong.length > 0) console.log(`  UNEXPECTED results for ${wrong.length} accounts, e.g. ${wrong.slice(0, 3).map((a) => `${a.name} ${a.provider} ${a.scenario}`).join(', ')}`)

  if (!values['skip-newman']) {
    // 4. The same requests, one after another, by Newman.
    await resetBudgets(sims)
    const collection = buildCollection(accounts, recorder.requestsOf, origins)
    writeFileSync(join(dir, 'fleet.postman_collection.json'), JSON.stringify(collection))
    const newmanBefore = await simRequests(sims)
    const newman = await measure(['bench/fleet/newman-run.mjs', join(dir, 'fleet.postman_collection.json')])
    const newmanSent = delta(newmanBefore, await simRequests(sims))
    const ran = JSON.parse(newman.stdout.trim().split('\n').at(-1) ?? '{}')
    const speedUp = newman.wallMs / run.wallMs
    console.log(`\nNewman    the same ${requestCount(collection)} requests (AuthDesk sent ${totalRequests}), from a generated Postman collection`)
    console.log(`  wall time        ${seconds(newman.wallMs)} (${ran.requests} requests run, ${ran.requestErrors} transport errors; simulators saw ${PROVIDERS.reduce((n, p) => n + newmanSent[p], 0)})`)
    console.log(`  CPU per account  ${(newman.cpuMs / accounts.length).toFixed(2)} ms, peak memory ${newman.maxRssMb.toFixed(0)} MB`)
    console.log(`  AuthDesk/Newman  ${speedUp.toFixed(1)}× faster — goal ≥ 10×: ${goal(speedUp >= 10)}`)
  }
} finally {
  simulator.kill('SIGINT')
  rmSync(dir, { recursive: true, force: true })
}
