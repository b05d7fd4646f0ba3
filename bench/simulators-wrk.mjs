#!/usr/bin/env node
// Capacity of one `authdesk simulate` process with wrk (Debian package `wrk`, a C load
// generator) as the client: four wrk processes at once, one per provider, each sending that
// provider's credential probe with valid scenario credentials over 2 keep-alive connections,
// as fast as the simulator answers. Prints the total rate and each provider's latency
// percentiles. Goal: >= 2,000 req/s with p99 < 20 ms. (bench/simulators.mjs does the same at a
// fixed rate with a Node client, whose own scheduling adds tail latency on 2 cores.)
// usage: node bench/simulators-wrk.mjs [--seconds 8]   (after `npm run build`; needs wrk)
import { spawn, execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' } } })
try {
  execFileSync('wrk', ['--version'], { stdio: 'ignore' })
} catch (error) {
  if (error.code === 'ENOENT') {
    console.error('simulators-wrk: wrk is not installed (apt-get install wrk)')
    process.exit(2)
  }
}

const sim = spawn(process.execPath, ['bin/authdesk.js', 'simulate', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] })
const [line] = await once(sim.stdout, 'data')
const sims = JSON.parse(line.toString())
await fetch(new URL('/__sim/options', sims.authmatech), { method: 'PATCH', body: JSON.stringify({ rateLimitPerMinute: 1_000_000_000 }) })

const g = sims.credentials.groupcall.valid
const n = sims.credentials.nmbrs.valid
const s = sims.credentials.smsgate.valid
const a = sims.credentials.authmatech.valid
const ns = 'https://api.nmbrs.nl/soap/v3/DebtorService'
const soap = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><AuthHeader xmlns="${ns}"><Username>${n.USERNAME}</Username><Token>${n.TOKEN}</Token></AuthHeader></soap:Header><soap:Body><Environment_Get xmlns="${ns}"/></soap:Body></soap:Envelope>`
const sms = JSON.stringify({ messageData: [{ CustomerId: g.CUSTOMER_ID, Password: g.PASSWORD, Recipients: [{ MobileNumber: '+447700900000' }], SMSMessage: 'AuthDesk credential check' }] })
const targets = [
  { name: 'groupcall', url: `${g.BASE_URL}/api/SendMessage_V3/SMS`, headers: { 'Content-Type': 'application/json' }, body: sms },
  { name: 'nmbrs', url: `${n.BASE_URL}/DebtorService.asmx`, headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${ns}/Environment_Get"` }, body: soap },
  { name: 'smsgate', url: `${s.BASE_URL}/devices`, headers: { Authorization: `Basic ${Buffer.from(`${s.USERNAME}:${s.PASSWORD}`).toString('base64')}` } },
  { name: 'authmatech', url: `${a.BASE_URL}/v1/api/me/products`, headers: { 'X-API-KEY': a.API_KEY, 'X-CLIENT-ID': a.CLIENT_ID } },
]

const dir = mkdtempSync(join(tmpdir(), 'authdesk-wrk-'))
const lua = (t) => {
  const lines = [`wrk.method = "${t.body ? 'POST' : 'GET'}"`, ...Object.entries(t.headers).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)]
  if (t.body) lines.push(`wrk.body = ${JSON.stringify(t.body)}`)
  // Any answer but 200 would mean the probe is not the one intended: count them.
  lines.push('bad = 0', 'response = function(status) if status ~= 200 then bad = bad + 1 end end', 'done = function() io.write("non-200: " .. bad .. "\\n") end')
  const file = join(dir, `${t.name}.lua`)
  writeFileSync(file, lines.join('\n'))
  return file
}

const toMs = (value) => {
  const [, num, unit] = /([\d.]+)(us|ms|s)/.exec(value) ?? []
  return Number(num) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1)
}

const runs = targets.map(async (t) => {
  const wrk = spawn('wrk', ['-t1', '-c2', `-d${values.seconds}s`, '--latency', '-s', lua(t), t.url], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  wrk.stdout.on('data', (d) => (out += d))
  await once(wrk, 'exit')
  const pct = (p) => toMs(new RegExp(`\\s${p}%\\s+(\\S+)`).exec(out)?.[1] ?? 'NaN')
  return { name: t.name, rate: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0), p50: pct(50), p99: pct(99), bad: Number(/non-200: (\d+)/.exec(out)?.[1] ?? NaN) }
})
const results = await Promise.all(runs)
sim.kill('SIGINT')

const total = results.reduce((sum, r) => sum + r.rate, 0)
const worstP99 = Math.max(...results.map((r) => r.p99))
console.log(`simulators (one process, 4 providers at once, wrk, ${values.seconds} s): ${total.toFixed(0)} req/s in total`)
for (const r of results) console.log(`  ${r.name.padEnd(10)} ${r.rate.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  non-200 ${r.bad}`)
console.log(`goal: >= 2000 req/s with p99 < 20 ms -> ${total >= 2000 && worstP99 < 20 && results.every((r) => r.bad === 0) ? 'met' : 'NOT met'} (worst p99 ${worstP99.toFixed(2)} ms)`)
