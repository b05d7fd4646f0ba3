/** The Electronegativity gate (issue 13, point 8): sees package.json, lists every severity, never reaches the network. */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../../..')
const built = existsSync(join(ROOT, 'out/renderer/index.html'))

describe.skipIf(!built)('npm run security (needs npm run build first)', () => {
  it('checks package.json, lists LOW and INFORMATIONAL findings, and runs offline', () => {
    const run = spawnSync(process.execPath, ['scripts/electronegativity.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
    expect(run.status, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toMatch(/ELECTRON_VERSION_JSON_CHECK package\.json/)
    expect(run.stdout).toMatch(/^info {3}LOW /m)
    expect(run.stdout).toContain('from package.json')
    expect(run.stdout).toContain('0 network attempt(s) blocked')
    expect(run.stdout + run.stderr).not.toMatch(/No connectivity|Could not retrieve/)
  }, 130_000)
})
