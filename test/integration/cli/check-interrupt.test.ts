/** --progress, --quiet and Ctrl-C during `authdesk check`, through the built command. */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import { runCli } from '../../support/run-cli'

describe('check: progress, quiet and Ctrl-C', () => {
  let sims: SimulatorSet
  let root: string
  let file: string
  beforeAll(async () => {
    sims = await startAllSimulators()
    root = await mkdtemp(join(tmpdir(), 'authdesk-interrupt-'))
    const valid = sims.describe().credentials.authmatech.valid!
    const nmbrs = sims.describe().credentials.nmbrs.valid!
    file = join(root, 'a.env')
    await writeFile(file, [...Object.entries(valid).map(([k, v]) => `AUTHMATECH_${k}=${v}`), ...Object.entries(nmbrs).map(([k, v]) => `NMBRS_${k}=${v}`), 'stray line'].join('\n'))
  })
  afterAll(async () => {
    sims.byId.nmbrs.faults.clear()
    await sims?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('--progress prints plain progress lines on a non-terminal stderr; --quiet drops every note', async () => {
    const shown = await runCli(['check', '--env', file, '--progress'], { PATH: process.env.PATH })
    expect(shown.code, shown.stderr).toBe(0)
    expect(shown.stderr).toMatch(/^Checked 2 of 2 accounts…$/m)
    const quiet = await runCli(['check', '--env', file, '--progress', '--quiet'], { PATH: process.env.PATH })
    expect(quiet.code).toBe(0)
    expect(quiet.stderr).toBe('')
  })

  it('Ctrl-C prints the accounts checked so far and exits 130', async () => {
    sims.byId.nmbrs.faults.add({ kind: 'hang' })
    const child = spawn(process.execPath, ['bin/authdesk.js', 'check', '--env', file, '--progress', '--timeout', '60000'], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    await new Promise<void>((resolve, reject) => {
      setTimeout(() => reject(new Error(`no progress line: ${stderr}`)), 8000).unref()
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString()
        if (stderr.includes('Checked 1 of 2')) resolve()
      })
    })
    child.kill('SIGINT')
    const [code] = (await once(child, 'exit')) as [number]
    expect(code, stderr + stdout).toBe(130)
    expect(stdout).toMatch(/AUTHMATECH\s+authmatech\s+healthy/)
    expect(stdout).not.toMatch(/^NMBRS /m)
    expect(stderr).toContain('interrupted after 1 of 2 account(s)')
  })
})
