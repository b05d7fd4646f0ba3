#!/usr/bin/env node
// Runs Electronegativity over the main and preload sources (its checks need the literal
// `new BrowserWindow({...})`, which bundling rewrites) plus the built index.html, and fails on any finding of MEDIUM or
// higher severity, except manual-review findings recorded in security/electronegativity-reviewed.json.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
if (!existsSync('out/renderer/index.html')) {
  console.error('electronegativity: out/ is not built; run `npm run build` first.')
  process.exit(2)
}
const electronVersion = require('electron/package.json').version
const work = mkdtempSync(join(tmpdir(), 'eneg-'))
const stage = join(work, 'app')
for (const dir of ['main', 'preload']) cpSync(join('src', dir), join(stage, dir), { recursive: true })
cpSync('out/renderer/index.html', join(stage, 'renderer', 'index.html'))
const csv = join(work, 'findings.csv')
execFileSync(process.execPath, [require.resolve('@doyensec/electronegativity/dist/index.js'), '-i', stage, '-r', '-e', electronVersion, '-o', csv], { stdio: ['ignore', 'ignore', 'inherit'] })

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
console.log(`electronegativity: ${rows.length} findings, ${failures} unreviewed of MEDIUM or higher (Electron ${electronVersion})`)
process.exit(failures > 0 ? 1 : 0)
