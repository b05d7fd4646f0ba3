#!/usr/bin/env node
// Throughput of one `authdesk simulate` process (all four providers) on loopback.
// Sends an open-loop load at a fixed rate (default 2,000 requests/s for 10 s) of each
// provider's credential probe with valid scenario credentials, from this separate process,
// and prints the achieved rate and the latency percentiles. Goal: 2,000 req/s, p99 < 20 ms.
// On 2 cores this Node client's own scheduling adds a tail of 100+ ms at 2,000 req/s;
// bench/simulators-wrk.mjs measures the simulator with wrk, a C client, instead.
// usage: node bench/simulators.mjs [--rate 2000] [--seconds 10]  (after `npm run build`)
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { Pool } from 'undici'

const { values } = parseArgs({ options: { rate: { type: 'string', default: '2000' }, seconds: { type: 'string', default: '10' } } })
const rate = Number(values.rate)
const seconds = Number(values.seconds)

const nodeArgs = process.env.SIM_NODE_ARGS ? process.env.SIM_NODE_ARGS.split(' ') : []
const child = spawn(process.execPath, [...nodeArgs, 'bin/authdesk.js', 'simulate', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] })
const [firstLine] = await once(child.stdout, 'data')
const sims = JSON.parse(firstLine.toString())

function probes() {
  const g = sims.credentials.groupcall.valid
  const n = sims.credentials.nmbrs.valid
  const s = sims.credentials.smsgate.valid
  const a = sims.credentials.authmatech.valid
  const soap = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><AuthHeader xmlns="https://api.nmbrs.nl/soap/v3/DebtorService"><Username>${n.USERNAME}</Username><Token>${n.TOKEN}</Token></AuthHeader></soap:Header><soap:Body><Environment_Get xmlns="https://api.nmbrs.nl/soap/v3/DebtorService"/></soap:Body></soap:Envelope>`
  const sms = JSON.stringify({ messageData: [{ CustomerId: g.CUSTOMER_ID, Password: g.PASSWORD, Recipients: [{ MobileNumber: '+447700900000' }], SMSMessage: 'AuthDesk credential check' }] })
  return [
    { url: new URL(g.BASE_URL), path: '/api/SendMessage_V3/SMS', method: 'POST', headers: { 'content-type': 'application/json' }, body: sms },
    { url: new URL(n.BASE_URL), path: '/DebtorService.asmx', method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"https://api.nmbrs.nl/soap/v3/DebtorService/Environment_Get"' }, body: soap },
    { url: new URL(s.BASE_URL), path: '/devices', method: 'GET', headers: { authorization: 'Basic ' + Buffer.from(`${s.USERNAME}:${s.PASSWORD}`).toString('base64') } },
    { url: new URL(a.BASE_URL), path: '/v1/api/me/products', method: 'GET', headers: { 'x-api-key': a.API_KEY, 'x-client-id': a.CLIENT_ID } },
  ].map((p) => ({ ...p, pool: new Pool(p.url.origin, { connections: 16, pipelining: 1 }), path: p.url.pathname.replace(/\/$/, '') + p.path }))
}

// The bench measures the simulator, not Authmatech's per-client budget (1,000/min by default).
await fetch(new URL('/__sim/options', sims.authmatech), { method: 'PATCH', body: JSON.stringify({ rateLimitPerMinute: 1_000_000_000 }) })

const targets = probes()
const latencies = []
const byProvider = new Map()
let errors = 0
let unexpected = 0
const total = rate * seconds
const started = performance.now()
const inflight = []

for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / rate
  const wait = due - performance.now()
  if (wait > 1) await new Promise((r) => setTimeout(r, wait))
  const t = targets[i % targets.length]
  const name = ['groupcall', 'nmbrs', 'smsgate', 'authmatech'][i % targets.length]
  const sentAt = performance.now()
  inflight.push(
    t.pool
      .request({ path: t.path, method: t.method, headers: t.headers, body: t.body })
      .then(async (res) => {
        await res.body.text()
        if (res.statusCode !== 200) unexpected++
        const ms = performance.now() - sentAt
        latencies.push(ms)
        if (!byProvider.has(name)) byProvider.set(name, [])
        byProvider.get(name).push(ms)
      })
      .catch(() => errors++),
  )
}
await Promise.all(inflight)
const elapsed = (performance.now() - started) / 1000
const clientCpu = process.cpuUsage()
const serverCpu = (() => {
  // utime + stime of the simulator process, in clock ticks (100 per second on Linux)
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
})()
child.kill('SIGINT')
await Promise.all(targets.map((t) => t.pool.close()))

latencies.sort((a, b) => a - b)
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(2)
console.log(`simulators: ${latencies.length} requests in ${elapsed.toFixed(2)} s = ${(latencies.length / elapsed).toFixed(0)} req/s (target ${rate} req/s, 4 providers round-robin)`)
console.log(`latency ms: p50 ${pct(50)}  p95 ${pct(95)}  p99 ${pct(99)}  max ${latencies.at(-1)?.toFixed(2)}`)
for (const [name, list] of byProvider) {
  list.sort((a, b) => a - b)
  console.log(`  ${name.padEnd(10)} p50 ${list[Math.floor(list.length / 2)].toFixed(2)}  p99 ${list[Math.floor(list.length * 0.99)].toFixed(2)}`)
}
if (serverCpu !== null) console.log(`simulator process CPU: ${((serverCpu / elapsed) * 100).toFixed(0)}% of one core (start-up included)`)
console.log(`load generator CPU: ${(((clientCpu.user + clientCpu.system) / 1e6 / elapsed) * 100).toFixed(0)}% of one core (the same 2 cores serve the simulators)`)
console.log(`errors: ${errors} transport, ${unexpected} non-200`)
console.log(`goal: >= 2000 req/s with p99 < 20 ms -> ${latencies.length / elapsed >= rate * 0.98 && Number(pct(99)) < 20 ? 'met' : 'NOT met'}`)
