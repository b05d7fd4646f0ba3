/** CI gate: `check --reporter junit --out FILE` and `check --expiring-within`. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import { runCli } from '../../support/run-cli'

const env = { PATH: process.env.PATH }

describe('check for CI', () => {
  let sims: SimulatorSet
  let root: string
  let envFile: string
  let tokenFile: string
  beforeAll(async () => {
    sims = await startAllSimulators()
    root = await mkdtemp(join(tmpdir(), 'authdesk-check-ci-'))
    const nmbrs = sims.describe().credentials.nmbrs
    const line = (name: string, fields: Record<string, string>): string[] => Object.entries(fields).map(([k, v]) => `${name}_NMBRS_${k}=${v}`)
    envFile = join(root, 'a.env')
    await writeFile(envFile, [...line('GOOD', nmbrs.valid!), ...line('BAD', nmbrs['domain-wrong']!), 'DOWN_AUTHMATECH_API_KEY=k-123456789', 'DOWN_AUTHMATECH_CLIENT_ID=c', 'DOWN_AUTHMATECH_BASE_URL=http://127.0.0.1:9'].join('\n'))
    const token = sims.describe().credentials.smsgate['token-valid']!
    tokenFile = join(root, 't.env')
    await writeFile(tokenFile, Object.entries(token).map(([k, v]) => `SMSGATE_${k}=${v}`).join('\n'))
  })
  afterAll(async () => {
    await sims?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('--reporter junit --out FILE: valid JUnit XML, one testcase per account, failing and unknown as failures with the cause', async () => {
    const out = join(root, 'report.xml')
    const result = await runCli(['check', '--env', envFile, '--reporter', 'junit', '--out', out, '--timeout', '2000'], env)
    expect(result.code).toBe(1)
    const xml = await readFile(out, 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as { testsuites: { testsuite: { '@_tests': string; '@_failures': string; testcase: Array<Record<string, unknown>> } } }
    const suite = doc.testsuites.testsuite
    expect(suite['@_tests']).toBe('3')
    expect(suite['@_failures']).toBe('2')
    const byName = Object.fromEntries(suite.testcase.map((t) => [t['@_name'], t]))
    expect(byName.GOOD_NMBRS!.failure).toBeUndefined()
    expect(byName.BAD_NMBRS!.failure).toMatchObject({ '@_type': 'domain.invalid', '@_message': expect.stringContaining('failing: domain.invalid') })
    expect(byName.DOWN_AUTHMATECH!.failure).toMatchObject({ '@_message': expect.stringMatching(/^unknown: network\./) })
  })

  it('--reporter without --out, or an unknown reporter, is a usage error', async () => {
    expect((await runCli(['check', '--env', envFile, '--reporter', 'junit'], env)).code).toBe(2)
    expect((await runCli(['check', '--env', envFile, '--reporter', 'tap', '--out', join(root, 'x')], env)).code).toBe(2)
  })

  it('--expiring-within: exit 6 when a token ends within the window, 0 when not', async () => {
    const soon = await runCli(['check', '--env', tokenFile, '--expiring-within', '2d'], env)
    expect(soon.code, soon.stderr).toBe(6)
    expect(soon.stderr).toMatch(/SMSGATE: token expires \S+Z, within --expiring-within 2d/)
    const later = await runCli(['check', '--env', tokenFile, '--expiring-within', '1h'], env)
    expect(later.code, later.stderr).toBe(0)
    expect((await runCli(['check', '--env', tokenFile, '--expiring-within', 'soon'], env)).code).toBe(2)
  })
})
