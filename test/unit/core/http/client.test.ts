import { createServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpClient, HostNotAllowedError } from '../../../../src/core/http/client'
import type { CredentialBinding } from '../../../../src/core/http/host-binding'
import { providerDefinition } from '../../../../src/core/providers/registry'
import { selfSignedCertificate, testHttpClient } from '../../../support/diagnosis'

let server: Server
let origin = ''
const seen: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '')
    if (req.url === '/redirect') return res.writeHead(302, { location: 'https://elsewhere.example/login' }).end()
    if (req.url === '/big') return res.end('x'.repeat(5000))
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 2000)
    res.setHeader('x-multi', ['a', 'b'])
    res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization ?? null }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const binding = (baseUrl: string | null): CredentialBinding => ({ definition: providerDefinition('authmatech'), environment: 'production', baseUrl })

describe('createHttpClient', () => {
  it('sends, and returns status, lower-case headers and body', async () => {
    const http = testHttpClient()
    const outcome = await http.send({ method: 'POST', url: `${origin}/x`, headers: { authorization: 'Basic eA==' }, body: '{}', timeoutMs: 1000, binding: binding(origin) })
    await http.close()
    expect(outcome).toMatchObject({ kind: 'response', status: 200, headers: { 'x-multi': 'a, b' } })
    expect(outcome.kind === 'response' && JSON.parse(outcome.body)).toEqual({ method: 'POST', auth: 'Basic eA==' })
  })

  it('refuses to send a credential where host binding does not allow it, without connecting', async () => {
    const http = testHttpClient()
    const before = seen.length
    const outcome = await http.send({ method: 'GET', url: `${origin}/x`, headers: {}, timeoutMs: 1000, binding: binding(null) })
    await http.close()
    expect(outcome).toMatchObject({ kind: 'blocked' })
    expect(outcome.kind === 'blocked' && outcome.reason).toMatch(/not https|not a Authmatech/)
    expect(seen.length).toBe(before)
  })

  it('does not follow redirects: the 3xx comes back to be classified', async () => {
    const http = testHttpClient()
    const outcome = await http.send({ method: 'GET', url: `${origin}/redirect`, headers: {}, timeoutMs: 1000, binding: null })
    await http.close()
    expect(outcome).toMatchObject({ kind: 'response', status: 302, headers: { location: 'https://elsewhere.example/login' } })
  })

  it('cuts bodies at the limit', async () => {
    const http = testHttpClient({ maxBodyBytes: 100 })
    const outcome = await http.send({ method: 'GET', url: `${origin}/big`, headers: {}, timeoutMs: 1000, binding: null })
    await http.close()
    expect(outcome.kind === 'response' && outcome.body.length).toBe(100)
  })

  it('gives up at the deadline with an error outcome, never a throw', async () => {
    const http = testHttpClient()
    const outcome = await http.send({ method: 'GET', url: `${origin}/slow`, headers: {}, timeoutMs: 150, binding: null })
    await http.close()
    expect(outcome).toMatchObject({ kind: 'error', proxied: false })
  })

  it('in tests, refuses any host that is not loopback', async () => {
    const http = testHttpClient()
    await expect(http.send({ method: 'GET', url: 'https://api.nmbrs.nl/soap/v3', headers: {}, timeoutMs: 100, binding: null })).rejects.toBeInstanceOf(HostNotAllowedError)
    await http.close()
  })

  it('goes direct for hosts in NO_PROXY', async () => {
    const http = createHttpClient({ env: { HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '127.0.0.1' }, allowHost: () => true })
    const outcome = await http.send({ method: 'GET', url: `${origin}/x`, headers: {}, timeoutMs: 1000, binding: null })
    await http.close()
    expect(outcome).toMatchObject({ kind: 'response', status: 200 })
  })

  const tls = selfSignedCertificate()
  it.skipIf(tls === null)('trusts extra CA certificates (a TLS-inspecting proxy’s CA), and only when given', async () => {
    const https = createHttpsServer(tls!, (_req, res) => res.end('trusted'))
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve))
    const url = `https://127.0.0.1:${(https.address() as AddressInfo).port}/`
    const plain = testHttpClient()
    const trusting = testHttpClient({ extraCaCerts: [tls!.cert] })
    try {
      expect(await plain.send({ method: 'GET', url, headers: {}, timeoutMs: 1000, binding: null })).toMatchObject({ kind: 'error' })
      expect(await trusting.send({ method: 'GET', url, headers: {}, timeoutMs: 1000, binding: null })).toMatchObject({ kind: 'response', status: 200, body: 'trusted' })
    } finally {
      await Promise.all([plain.close(), trusting.close()])
      https.closeAllConnections()
      await new Promise((resolve) => https.close(resolve))
    }
  })
})
