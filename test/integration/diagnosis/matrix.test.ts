/**
 * Every simulator scenario, every scripted transport fault and the network failures, through
 * the real HTTP path, with the state and cause each must end in; then the cardinal rule as a
 * property of the whole matrix, and no secret in any diagnosis (transcript included).
 */
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stateOf } from '../../../src/shared/causes'
import type { HttpClient } from '../../../src/core/http/client'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import { PROVIDER_IDS } from '../../../src/shared/model'
import { expectNoSecrets, selfSignedCertificate, testHttpClient } from '../../support/diagnosis'
import { matrixCases, SCENARIO_CAUSES, type MatrixCase, type MatrixEnv, type MatrixRun } from './matrix-cases'

const listen = async (server: Server, host = '127.0.0.1'): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  return (server.address() as AddressInfo).port
}

async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

function selfSignedServer(): Server | null {
  const tls = selfSignedCertificate()
  return tls ? createHttpsServer(tls, (_req, res) => res.end('{}')) : null
}

const cases = matrixCases()
const runs: { readonly case: MatrixCase; readonly run: MatrixRun }[] = []
let env: MatrixEnv
let sims: SimulatorSet
const servers: Server[] = []
const clients: HttpClient[] = []

beforeAll(async () => {
  sims = await startAllSimulators()
  const refusingProxy = createHttpServer((_req, res) => res.writeHead(407).end())
  refusingProxy.on('connect', (_req, socket) => socket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n'))
  const tls = selfSignedServer()
  servers.push(refusingProxy, ...(tls ? [tls] : []))
  const proxyPort = await listen(refusingProxy)
  const closedPort = await freePort()
  const http = testHttpClient()
  const refusingProxyHttp = testHttpClient({ env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` } })
  const deadProxyHttp = testHttpClient({ env: { HTTP_PROXY: `http://127.0.0.1:${closedPort}`, HTTPS_PROXY: `http://127.0.0.1:${closedPort}` } })
  clients.push(http, refusingProxyHttp, deadProxyHttp)
  env = { sims, http, refusingProxyHttp, deadProxyHttp, closedPort, selfSignedPort: tls ? await listen(tls) : null }
})

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()))
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
  await sims.close()
})

describe('the matrix', () => {
  it('has a case for every scenario of every simulator, and at least 60 cases', () => {
    for (const id of PROVIDER_IDS) {
      expect(Object.keys(SCENARIO_CAUSES[id]).sort(), id).toEqual(Object.keys(sims.byId[id].scenarioCredentials()).sort())
    }
    expect(cases.length).toBeGreaterThanOrEqual(60)
  })

  it.for(cases.map((c) => [c.name, c] as const))('%s', async ([, matrixCase], context) => {
    const reason = matrixCase.skip?.(env) ?? null
    if (reason !== null) return context.skip(reason)
    const run = await matrixCase.run(env)
    runs.push({ case: matrixCase, run })
    const { diagnosis } = run
    expect({ cause: diagnosis.cause, summary: diagnosis.summary }).toMatchObject({ cause: matrixCase.expect })
    expect(diagnosis.state).toBe(stateOf(matrixCase.expect))
    expect(diagnosis.provider).toBe(matrixCase.provider)
    expect(diagnosis.summary.length).toBeGreaterThan(10)
    expect(diagnosis.evidence.step).toBeTruthy()
    expectNoSecrets(JSON.stringify(diagnosis), run.secrets, matrixCase.name)
  })
})

describe('over the whole matrix', () => {
  it('no network, server or parsing fault is ever reported as failing', () => {
    const faults = runs.filter((r) => r.case.kind === 'fault' || r.case.kind === 'transport')
    expect(faults.length).toBeGreaterThan(40)
    for (const { case: c, run } of faults) expect(run.diagnosis.state, c.name).not.toBe('failing')
  })

  it('nothing is healthy or degraded without a positive answer from the provider', () => {
    for (const { case: c, run } of runs) {
      if (run.diagnosis.state !== 'healthy' && run.diagnosis.state !== 'degraded') continue
      // SMSGate checks scopes only after authenticating: its 403 for a scope proves the credential (docs/diagnosis.md).
      const authenticated = (t: { status: number | null }) => c.provider === 'smsgate' && t.status === 403
      const positive = run.diagnosis.transcript.some((t) => t.status !== null && ((t.status >= 200 && t.status < 300) || authenticated(t)) && t.error === null)
      expect(positive, c.name).toBe(true)
    }
  })

  it('lint findings send nothing; everything else has a transcript without credentials headers', () => {
    for (const { case: c, run } of runs) {
      const { diagnosis } = run
      if (diagnosis.evidence.step === 'lint') expect(diagnosis.transcript, c.name).toEqual([])
      else expect(diagnosis.transcript.length, c.name).toBeGreaterThan(0)
      for (const entry of diagnosis.transcript) {
        for (const name of ['authorization', 'x-api-key']) {
          if (entry.requestHeaders[name] !== undefined) expect(entry.requestHeaders[name]).toBe('[redacted]')
        }
      }
    }
  })

  it('TLS failures from an untrusted issuer are flagged as possible interception, others are not', () => {
    const tls = runs.filter((r) => r.run.diagnosis.cause === 'network.tls')
    expect(tls.length).toBeGreaterThan(0)
    for (const { case: c, run } of tls) expect(run.diagnosis.evidence.possibleInterception === true, c.name).toBe(c.name.includes('self-signed'))
  })
})
