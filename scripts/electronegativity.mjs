#!/usr/bin/env node
// Runs Electronegativity over the main and preload sources (its checks need the literal
// `new BrowserWindow({...})`, which bundling rewrites), the built index.html and package.json (for
// the Electron version checks), and fails on any finding of MEDIUM or higher severity, except
// manual-review findings recorded in security/electronegativity-reviewed.json. Every finding is
// listed, LOW and INFORMATIONAL included. It runs offline: the releases download check is left out
// (the Electron version is pinned in package.json and reviewed with each upgrade), and
// scripts/offline-guard.mjs stops the tool's translation download before anything leaves the process.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
if (!existsSync('out/renderer/index.html')) {
  console.error('electronegativity: out/ is not built; run `npm run build` first.')
  process.exit(2)
}
const electronVersion = require('electron/package.json').version
const work = mkdtempSync(join(tmpdir(), 'eneg-'))
process.on('exit', () => rmSync(work, { recursive: true, force: true }))
const stage = join(work, 'app')
for (const dir of ['main', 'preload']) cpSync(join('src', dir), join(stage, dir), { recursive: true })
cpSync('out/renderer/index.html', join(stage, 'renderer', 'index.html'))
cpSync('package.json', join(stage, 'package.json'))
const csv = join(work, 'findings.csv')
const tool = require.resolve('@doyensec/electronegativity/dist/index.js')
const args = ['--import', pathToFileURL(join(import.meta.dirname, 'offline-guard.mjs')).href, tool, '-i', stage, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', csv]
const run = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } })
const guardLines = (run.stderr ?? '').split('\n')
const blocked = guardLines.filter((l) => l.startsWith('offline-guard: blocked'))
const skipped = guardLines.filter((l) => l.startsWith('offline-guard: skipped'))
process.stderr.write((run.stderr ?? '').split('\n').filter((l) => l && !l.startsWith('offline-guard:')).map((l) => `${l}\n`).join(''))
if (run.status !== 0) {
  console.error(`electronegativity: the tool exited with ${run.status}`)
  process.exit(2)
}

function parseCsvLine(line) {
  const cells = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted && ch === '"' && line[i + 1] === '"') { cell += '"'; i++ }
    else if (ch === '"') quoted = !quoted
    else if (ch === ',' && !quoted) { cells.push(cell.trim()); cell = '' }
    else cell += ch
  }
  cells.push(cell.trim())
  return cells
}

const rows = readFileSync(csv, 'utf8').split('\n').slice(1).filter(Boolean).map(parseCsvLine)
const reviewed = JSON.parse(readFileSync('security/electronegativity-reviewed.json', 'utf8')).reviewed
const serious = new Set(['MEDIUM', 'HIGH', 'CRITICAL'])
let failures = 0
for (const [check, severity, confidence, file, location, sample] of rows) {
  const review = reviewed.find((r) => r.check === check && r.sample === sample)
  const label = `${severity} ${check} ${file}:${location}`
  if (!serious.has(severity)) console.log(`info   ${label} (${confidence})`)
  else if (review) console.log(`review ${label}: reviewed, ${review.reason}`)
  else { console.log(`FAIL   ${label}: ${sample}`); failures++ }
}
const counts = new Map()
for (const row of rows) counts.set(row[1], (counts.get(row[1]) ?? 0) + 1)
const bySeverity = [...counts].map(([severity, n]) => `${n} ${severity}`).join(', ')
console.log(`electronegativity: ${rows.length} findings (${bySeverity || 'none'}), ${failures} unreviewed of MEDIUM or higher (Electron ${electronVersion}, from package.json)`)
console.log(`electronegativity: offline (${skipped.length} translation download(s) answered offline without a lookup; ${blocked.length} network attempt(s) blocked)`)
if (blocked.length > 0) {
  console.error(`electronegativity: the tool tried the network: ${blocked.join('; ')}`)
  process.exit(1)
}
process.exit(failures > 0 ? 1 : 0)
