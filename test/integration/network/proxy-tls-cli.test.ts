/**
 * The built `authdesk check` behind proxies (issue 13, points 2 and 5): a recording proxy and a
 * TLS-intercepting proxy with its own CA, both on loopback, set through HTTP(S)_PROXY for the
 * CLI child process. Needs `npm run build` first.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import { runCli } from '../../support/run-cli'
import { makeInterceptionCa, startRecordingProxy, type InterceptionCa, type RecordingProxy } from '../../support/recording-proxy'

/** A made-up public name; only the proxy "resolves" it, to the simulator's loopback port. */
const PUBLIC_HOST = 'authmatech.authdesk.test'

let sims: SimulatorSet
let dir: string
let ca: InterceptionCa
let caFile: string
let proxy: RecordingProxy | null = null

beforeAll(async () => {
  sims = await startAllSimulators()
  dir = mkdtempSync(join(tmpdir(), 'authdesk-proxy-'))
  ca = makeInterceptionCa([PUBLIC_HOST])
  caFile = join(dir, 'company-ca.pem')
  writeFileSync(caFile, ca.caPem)
})
afterEach(async () => {
  await proxy?.close()
  proxy = null
})
afterAll(async () => {
  await sims.close()
  rmSync(dir, { recursive: true, force: true })
})

const simPort = (): number => Number(new URL(sims.byId.authmatech.baseUrl).port)

/** One Authmatech account (the simulator's valid scenario) with the given base URL, as a .env file. */
function envFile(baseUrl: string): string {
  const fields = { ...sims.byId.authmatech.scenarioCredentials().valid!, BASE_URL: baseUrl }
  const file = join(dir, `accounts-${Math.random().toString(36).slice(2)}.env`)
  writeFileSync(file, Object.entries(fields).map(([k, v]) => `AM_AUTHMATECH_${k}=${v}`).join('\n'))
  return file
}

const check = (file: string, env: Record<string, string>, extra: string[] = []) =>
  runCli(['check', '--env', file, '--json', ...extra], { PATH: process.env.PATH ?? '', ...env })

const causeOf = (stdout: string): string => (JSON.parse(stdout) as { results: Array<{ cause: string }> }).results[0]!.cause

function publicBase(scheme: 'http' | 'https'): string {
  const path = new URL(sims.byId.authmatech.scenarioCredentials().valid!.BASE_URL!).pathname.replace(/\/$/, '')
  return `${scheme}://${PUBLIC_HOST}${path}`
}

describe('proxies never carry a credential in plaintext', () => {
  it.each(['127.0.0.1', 'localhost'])('a loopback base URL (%s) goes direct, not through HTTP_PROXY', async (host) => {
    proxy = await startRecordingProxy({ routes: {} })
    const base = sims.byId.authmatech.scenarioCredentials().valid!.BASE_URL!.replace('127.0.0.1', host)
    const run = await check(envFile(base), { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url })
    expect(run.code, run.stderr).toBe(0)
    expect(proxy.connects).toEqual([])
    expect(proxy.readable).toEqual([])
  })

  it('plain http to a public host is refused before sending (config.invalid); the proxy sees nothing', async () => {
    proxy = await startRecordingProxy({ routes: { [PUBLIC_HOST]: simPort() } })
    const run = await check(envFile(publicBase('http')), { HTTP_PROXY: proxy.url })
    expect(run.code).toBe(1)
    expect(causeOf(run.stdout)).toBe('config.invalid')
    expect(proxy.connects).toEqual([])
    expect(proxy.readable).toEqual([])
  })

  it('NO_PROXY keeps a host off the proxy', async () => {
    proxy = await startRecordingProxy({ routes: { [PUBLIC_HOST]: simPort() } })
    const run = await check(envFile(publicBase('https')), { HTTPS_PROXY: proxy.url, NO_PROXY: `.authdesk.test` })
    // Direct, the made-up name does not resolve: the point is that the proxy was not asked.
    expect(causeOf(run.stdout)).toBe('network.dns')
    expect(proxy.connects).toEqual([])
  })
})

describe('a TLS-intercepting proxy with its own CA', () => {
  it('is refused without the CA, also with NODE_TLS_REJECT_UNAUTHORIZED=0 (which the CLI says it ignores)', async () => {
    proxy = await startRecordingProxy({ routes: { [PUBLIC_HOST]: simPort() }, intercept: ca })
    const file = envFile(publicBase('https'))
    const plain = await check(file, { HTTPS_PROXY: proxy.url })
    expect(plain.code).toBe(3)
    expect(causeOf(plain.stdout)).toBe('network.tls')

    const overridden = await check(file, { HTTPS_PROXY: proxy.url, NODE_TLS_REJECT_UNAUTHORIZED: '0' })
    expect(causeOf(overridden.stdout)).toBe('network.tls')
    expect(overridden.stderr).toContain('NODE_TLS_REJECT_UNAUTHORIZED=0 is set but ignored')
    expect(proxy.connects).toEqual([`${PUBLIC_HOST}:443`, `${PUBLIC_HOST}:443`])
    // The handshake failed, so the proxy never read the request (nor its credential).
    expect(proxy.readable).toEqual([])
  })

  it.each([
    ['--ca-file', (file: string) => ({ env: {}, args: ['--ca-file', file] })],
    ['NODE_EXTRA_CA_CERTS', (file: string) => ({ env: { NODE_EXTRA_CA_CERTS: file }, args: [] })],
  ])('works once its CA is trusted through %s', async (_name, how) => {
    proxy = await startRecordingProxy({ routes: { [PUBLIC_HOST]: simPort() }, intercept: ca })
    const { env, args } = how(caFile)
    const run = await check(envFile(publicBase('https')), { HTTPS_PROXY: proxy.url, ...env }, args)
    expect(run.code, run.stderr + run.stdout).toBe(0)
    expect(causeOf(run.stdout)).toBe('ok')
    expect(proxy.readable.length).toBeGreaterThan(0)
  })

  it('a custom provider check (providers check) is refused without the CA and works with --ca-file', async () => {
    proxy = await startRecordingProxy({ routes: { [PUBLIC_HOST]: simPort() }, intercept: ca })
    // definitions/authmatech.yaml, pointed at the public name the proxy intercepts.
    const definition = join(dir, 'authmatech-public.yaml')
    const text = readFileSync('definitions/authmatech.yaml', 'utf8').replaceAll('https://service.authmatech.com', publicBase('https')).replaceAll('service.authmatech.com', PUBLIC_HOST)
    writeFileSync(definition, text)
    const { API_KEY, CLIENT_ID } = sims.byId.authmatech.scenarioCredentials().valid!
    const accounts = join(dir, 'custom.env')
    writeFileSync(accounts, `AUTHMATECHDEF_API_KEY=${API_KEY}\nAUTHMATECHDEF_CLIENT_ID=${CLIENT_ID}\n`)
    const env = { PATH: process.env.PATH ?? '', HTTPS_PROXY: proxy.url }
    const refused = await runCli(['providers', 'check', definition, '--env', accounts, '--json'], env)
    expect(refused.code, refused.stderr).toBe(3)
    expect(refused.stdout).toContain('network.tls')
    const trusted = await runCli(['providers', 'check', definition, '--env', accounts, '--json', '--ca-file', caFile], env)
    expect(trusted.code, trusted.stderr + trusted.stdout).toBe(0)
  })

  it('--ca-file naming a file without a certificate is a usage error that names the flag', async () => {
    const notPem = join(dir, 'not-a-ca.txt')
    writeFileSync(notPem, 'hello')
    const run = await check(envFile(publicBase('https')), {}, ['--ca-file', notPem])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--ca-file: .*holds no PEM certificate/)
  })

  it('info shows the extra CA file and the ignored override', async () => {
    const run = await runCli(['info', '--ca-file', caFile, '--data-dir', join(dir, 'info-data')], {
      PATH: process.env.PATH ?? '',
      NODE_TLS_REJECT_UNAUTHORIZED: '0',
      HTTPS_PROXY: 'http://user:pw@127.0.0.1:9',
    })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain(`plus 1 certificate(s) from ${caFile} (--ca-file)`)
    expect(run.stdout).toContain('NODE_TLS_REJECT_UNAUTHORIZED=0 is set but ignored')
    expect(run.stdout).toContain('https via http://127.0.0.1:9')
    expect(run.stdout).not.toContain('pw@')
  })
})
