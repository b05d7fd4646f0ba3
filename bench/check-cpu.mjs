#!/usr/bin/env node
// CPU cost of `authdesk check` per account, on top of the network wait. Starts the simulators
// (`authdesk simulate --json`) in their own process, writes env files of valid accounts (all
// four providers in turn), and runs the built CLI with `check --json` on 4, N and 5·N accounts,
// reading each run's own process.cpuUsage() at exit. Two figures per run:
//   - fresh: (CPU(N) − CPU(4)) / (N − 4): start-up cancels out, V8's warm-up does not;
//   - steady: (CPU(5N) − CPU(N)) / 4N: the marginal cost of one more check in a warm process.
// Goal: < 2 ms of CPU per account.
// usage: node bench/check-cpu.mjs [--accounts 200] [--runs 3]  (after `npm run build`)
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { accounts: { type: 'string', default: '200' }, runs: { type: 'string', default: '3' } } })
const accounts = Number(values.accounts)
const runs = Number(values.runs)
const BASELINE = 4
const GOAL_MS = 2
const PROVIDERS = ['groupcall', 'nmbrs', 'smsgate', 'authmatech']
const REPORT = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nCPU_USAGE "+JSON.stringify(process.cpuUsage())+"\\n"))'

const sim = spawn(process.execPath, ['bin/authdesk.js', 'simulate', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] })
const [firstLine] = await once(sim.stdout, 'data')
const sims = JSON.parse(firstLine.toString())
// The bench measures the checker, not Authmatech's per-client budget (1,000 requests a minute).
await fetch(new URL('/__sim/options', sims.authmatech), { method: 'PATCH', body: JSON.stringify({ rateLimitPerMinute: 1_000_000 }) })

const dir = mkdtempSync(join(tmpdir(), 'authdesk-bench-'))
function envFile(n) {
  const lines = []
  for (let i = 0; i < n; i++) {
    const provider = PROVIDERS[i % PROVIDERS.length]
    for (const [field, value] of Object.entries(sims.credentials[provider].valid)) lines.push(`B${i}_${provider.toUpperCase()}_${field}=${JSON.stringify(value)}`)
  }
  const path = join(dir, `accounts-${n}.env`)
  writeFileSync(path, lines.join('\n'))
  return path
}

async function cpuOf(file, n) {
  const child = spawn(process.execPath, ['--import', REPORT, 'bin/authdesk.js', 'check', '--env', file, '--json', '--concurrency', '16'], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const started = performance.now()
  const [code] = await once(child, 'exit')
  const wallMs = performance.now() - started
  const summary = JSON.parse(stdout).summary
  if (code !== 0 || summary.healthy !== n) throw new Error(`check exited ${code} with ${JSON.stringify(summary)}: ${stderr.slice(0, 500)}`)
  const usage = JSON.parse(/CPU_USAGE (.*)/.exec(stderr)[1])
  return { cpuMs: (usage.user + usage.system) / 1000, wallMs }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
try {
  const [small, mid, large] = [envFile(BASELINE), envFile(accounts), envFile(5 * accounts)]
  await cpuOf(small, BASELINE) // warm the page cache and the simulators
  const fresh = []
  const steady = []
  for (let r = 0; r < runs; r++) {
    const base = await cpuOf(small, BASELINE)
    const first = await cpuOf(mid, accounts)
    const many = await cpuOf(large, 5 * accounts)
    fresh.push((first.cpuMs - base.cpuMs) / (accounts - BASELINE))
    steady.push((many.cpuMs - first.cpuMs) / (4 * accounts))
    console.log(
      `run ${r + 1}: CPU ${BASELINE} → ${base.cpuMs.toFixed(0)} ms, ${accounts} → ${first.cpuMs.toFixed(0)} ms, ${5 * accounts} → ${many.cpuMs.toFixed(0)} ms ` +
        `(wall ${many.wallMs.toFixed(0)} ms): fresh ${fresh.at(-1).toFixed(3)} ms, steady ${steady.at(-1).toFixed(3)} ms per account`,
    )
  }
  const [f, s] = [median(fresh), median(steady)]
  console.log(`\nCPU per account, median of ${runs}:`)
  console.log(`  first ${accounts} in a fresh process (V8 warm-up included): ${f.toFixed(3)} ms`)
  console.log(`  steady state (each further check):                  ${s.toFixed(3)} ms — goal < ${GOAL_MS} ms: ${s < GOAL_MS ? 'met' : 'NOT met'}`)
  console.log('(the CLI’s share of every HTTP exchange: undici, parsing, classification, redaction, output; not the simulators’ CPU)')
} finally {
  sim.kill('SIGINT')
  rmSync(dir, { recursive: true, force: true })
}
