#!/usr/bin/env node
// Throughput of the redaction engine (src/core/bundle/redact) on ~10 MB of mixed transcripts:
// HAR entries with escaped JSON and SOAP bodies, raw HTTP exchanges with Basic and Bearer
// headers, JSON-lines logs, .env snippets, stack traces and prose, with 20 known (vault)
// secrets, some of them base64- or URL-encoded or split across lines. Prints MB/s and the goal.
// The engine is TypeScript; this script bundles it with Vite (as the CLI build does) into
// node_modules/.tmp and imports that, so it needs no other build step.
// The wall-clock median is the figure; CPU seconds are printed too because build machines are
// shared (another engineer's browser tests halve the wall-clock figure).
// usage: node bench/redact.mjs [--mb 10] [--runs 5]
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'

const GOAL_MB_S = 20
const { values } = parseArgs({ options: { mb: { type: 'string', default: '10' }, runs: { type: 'string', default: '5' } } })
const targetBytes = Number(values.mb) * 1024 * 1024
const runs = Number(values.runs)

const outDir = resolve('node_modules/.tmp/bench-redact')
await build({
  logLevel: 'warn',
  configFile: false,
  build: {
    ssr: resolve('src/core/bundle/redact/redact.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { format: 'esm', entryFileNames: 'redact.mjs' } },
  },
})
const { createRedactor } = await import(pathToFileURL(resolve(outDir, 'redact.mjs')).href)

// Deterministic enough to compare runs; the secrets are random per run.
let n = 0
const pick = (list) => list[n++ % list.length]
const secret = () => randomBytes(18).toString('base64url')
const known = Array.from({ length: 20 }, secret)
const b64 = (s) => Buffer.from(s).toString('base64')
const jwt = () => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify({ jti: secret(), sub: 'QWERTZ', exp: 1777886100, scopes: ['messages:send'] })).toString('base64url')}.${pick(known)}`
const time = () => new Date(1777885200000 + n * 137).toISOString()

const pieces = [
  () => JSON.stringify({ startedDateTime: time(), time: 120.5, request: { method: 'POST', url: 'https://m5api.groupcall.com/api/SendMessage_V3/SMS', headers: [{ name: 'Content-Type', value: 'application/json' }], postData: { mimeType: 'application/json', text: JSON.stringify({ messageData: [{ CustomerId: '1469', Password: pick(known), Recipients: [{ MobileNumber: '+447700900000' }], SMSMessage: 'AuthDesk credential check' }] }) } }, response: { status: 200, content: { mimeType: 'application/json', text: JSON.stringify([{ WarningMessages: ['No recipients with valid addresses'], errorMsg: null, MessageSentId: 0, MessageId: null }]) } } }, null, 2),
  () => `POST /soap/v3/DebtorService.asmx HTTP/1.1\nHost: api.nmbrs.nl\nContent-Type: text/xml; charset=utf-8\nSOAPAction: "https://api.nmbrs.nl/soap/v3/DebtorService/Environment_Get"\n\n<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><AuthHeader xmlns="https://api.nmbrs.nl/soap/v3/DebtorService"><Username>ops@acme.nl</Username><Token>${pick(known)}</Token></AuthHeader></soap:Header><soap:Body><Environment_Get xmlns="https://api.nmbrs.nl/soap/v3/DebtorService" /></soap:Body></soap:Envelope>\n\nHTTP/1.1 500 Internal Server Error\nDate: ${new Date(1777885200000 + n).toUTCString()}\n\n<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Server was unable to process request. ---&gt; 1001: Invalid Authentication</faultstring></soap:Fault>`,
  () => `GET /3rdparty/v1/devices HTTP/1.1\nHost: api.sms-gate.app\nAuthorization: Basic ${b64(`QWERTZ:${pick(known)}`)}\nAccept: application/json\n\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n[{"id":"ffffffffceb0b1db0000018e937c815b","name":"Pixel 7","createdAt":"2026-01-02T10:00:00Z","lastSeen":"${time()}"}]`,
  () => `GET /3rdparty/v1/messages?limit=1 HTTP/1.1\nAuthorization: Bearer ${jwt()}\n\nHTTP/1.1 403 Forbidden\n\n{"message":"scope required: messages:list"}`,
  () => `{"success":false,"messages":[{"type":"FAILURE","code":null,"message":"Unauthorized","httpStatus":"UNAUTHORIZED","technical":false,"arguments":null}],"data":null,"request":{"url":"https://service.authmatech.com/v1/api/me/products","headers":{"X-API-KEY":"${pick(known)}","X-CLIENT-ID":"cl_7Kq2Vd"}}}`,
  () => Array.from({ length: 6 }, (_, i) => JSON.stringify({ t: time(), level: i % 3 ? 'info' : 'debug', msg: i % 2 ? 'check finished' : 'retrying after 429', account: 'PROD_GROUPCALL', cause: 'rate_limited', durationMs: 100 + i, url: `https://api.example/cb?page=${i}&token=${pick(known)}` })).join('\n'),
  () => `GROUPCALL_CUSTOMER_ID=1469\nGROUPCALL_PASSWORD=${pick(known)}\nNMBRS_USERNAME=ops@acme.nl\nNMBRS_TOKEN="${pick(known)}"\nSMSGATE_REFRESH_TOKEN=${jwt()}\nAUTHMATECH_API_KEY=${encodeURIComponent(pick(known))}`,
  () => `Error: request failed with status 401\n    at checkAccount (/home/dev/authdesk/src/core/diagnosis/engine.ts:141:13)\n    at async Promise.all (index 2)\n    at async runChecks (/home/dev/authdesk/src/cli/commands/check.ts:88:5)\ncaused by a key the customer pasted: ${pick(known).slice(0, 11)}\n  ${known[(n - 1) % known.length].slice(11)}`,
  () => `Hello support, since ${time()} (Europe/Amsterdam) our reminders fail with "Data is not valid, no messages sent". Customer 1469, reference INC-0042317, message id 1469.20250704.02516506506657265717-e0684dbcb71f402ab39d4d6b86d44cbb. The integration worked last week. Attachment: ${b64(`config: key=${pick(known)}; retries=3; endpoint=https://m5api.groupcall.com`)}`,
]

const parts = []
let size = 0
for (let i = 0; size < targetBytes; i++) {
  const piece = pieces[i % pieces.length]()
  parts.push(piece)
  size += piece.length + 1
}
const text = parts.join('\n')
const mb = Buffer.byteLength(text) / 1024 / 1024

const redactor = createRedactor({ knownSecrets: known, pseudonymize: ['ops@acme.nl'] })
redactor.redact(text.slice(0, 200_000)) // warm-up
const rates = []
let cpuSeconds = 0
let result
for (let i = 0; i < runs; i++) {
  const cpu = process.cpuUsage()
  const started = performance.now()
  result = redactor.redact(text)
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  cpuSeconds += (used.user + used.system) / 1e6
  rates.push(mb / seconds)
}
const leaked = known.filter((s) => result.text.includes(s))
rates.sort((a, b) => a - b)
const median = rates[Math.floor(rates.length / 2)]
console.log(`redact: ${mb.toFixed(1)} MB of mixed transcripts, ${known.length} known secrets, ${runs} runs`)
console.log(`  removals: ${result.manifest.length}; known secrets left in the output: ${leaked.length}`)
console.log(`  throughput: median ${median.toFixed(1)} MB/s wall clock (min ${rates[0].toFixed(1)}, max ${rates[rates.length - 1].toFixed(1)}); ${((mb * runs) / cpuSeconds).toFixed(1)} MB per CPU second`)
console.log(`  goal: > ${GOAL_MB_S} MB/s — ${median > GOAL_MB_S ? 'met' : 'NOT met'}`)
if (leaked.length > 0) process.exitCode = 1
