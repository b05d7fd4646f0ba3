import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { PROVIDER_IDS } from '../../../src/shared/model'
import { groupEnvAccounts, parseDotenv } from '../../../src/core/vault/dotenv-import'

/** Starts the built `authdesk simulate` and returns its first stdout line parsed, plus the process. */
async function simulate(args: ReadonlyArray<string>) {
  const child = spawn(process.execPath, ['bin/authdesk.js', 'simulate', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer]
  return { child, text: chunk.toString() }
}

describe('authdesk simulate', () => {
  it('prints one JSON line with a BASE_URL per provider and credentials for every scenario, then serves until interrupted', async () => {
    const { child, text } = await simulate(['--json'])
    try {
      expect(text.trim().split('\n')).toHaveLength(1)
      const doc = JSON.parse(text) as Record<string, unknown> & { credentials: Record<string, Record<string, Record<string, string>>> }
      expect(Object.keys(doc).sort()).toEqual([...PROVIDER_IDS, 'credentials'].sort())
      for (const id of PROVIDER_IDS) {
        expect(doc[id]).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)
        const scenarios = doc.credentials[id]!
        expect(Object.keys(scenarios).length, id).toBeGreaterThan(3)
        expect(scenarios.valid, `${id} has a valid scenario`).toBeDefined()
        for (const fields of Object.values(scenarios)) expect(Object.keys(fields).every((k) => /^[A-Z_]+$/.test(k))).toBe(true)
      }
      const smsgate = doc.credentials.smsgate!.valid!
      const devices = await fetch(`${smsgate.BASE_URL}/devices`, {
        headers: { authorization: `Basic ${Buffer.from(`${smsgate.USERNAME}:${smsgate.PASSWORD}`).toString('base64')}` },
      })
      expect(devices.status).toBe(200)
    } finally {
      child.kill('SIGINT')
    }
    const [code] = (await once(child, 'exit')) as [number]
    expect(code).toBe(0)
  })

  it('prints a readable table by default', async () => {
    const { child, text } = await simulate(['--port', '0'])
    child.kill('SIGINT')
    expect(text).toContain('AuthDesk provider simulators')
    expect(text).toMatch(/nmbrs\s+http:\/\/127\.0\.0\.1:\d+\/soap\/v3/)
  })

  it('the default output is paste-ready .env lines: every scenario of every provider, BASE_URL included', async () => {
    const json = await simulate(['--json'])
    json.child.kill('SIGINT')
    const doc = JSON.parse(json.text) as { credentials: Record<string, Record<string, Record<string, string>>> }
    const scenarios = Object.values(doc.credentials).reduce((n, s) => n + Object.keys(s).length, 0)
    const child = spawn(process.execPath, ['bin/authdesk.js', 'simulate'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let text = ''
    for await (const chunk of child.stdout) {
      text += (chunk as Buffer).toString()
      if (text.includes('These are simulator credentials')) break
    }
    child.kill('SIGINT')
    const { accounts, ignored } = groupEnvAccounts(parseDotenv(text))
    expect(ignored).toEqual([])
    expect(accounts).toHaveLength(scenarios)
    for (const account of accounts) expect(account.values.BASE_URL, account.name).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)
    expect(accounts.find((a) => a.name === 'VALID_NMBRS')?.values.BASE_URL).toMatch(/\/soap\/v3$/)
  })

  it('refuses a non-loopback host with exit code 2', async () => {
    const child = spawn(process.execPath, ['bin/authdesk.js', 'simulate', '--host', '0.0.0.0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const [code] = (await once(child, 'exit')) as [number]
    expect(code).toBe(2)
    expect(stderr).toContain('--host must be a loopback address')
  })
})
