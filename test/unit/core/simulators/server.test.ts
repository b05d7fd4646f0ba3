import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../../../src/core/simulators/server'
import { createEchoSimulator } from '../../../support/echo-simulator'

let sim: RunningSimulator

beforeEach(async () => {
  sim = await startSimulator(createEchoSimulator())
})
afterEach(async () => {
  await sim.close()
})

const get = (path = '/echo/ping', account?: string, signal?: AbortSignal) =>
  fetch(sim.origin + path, { headers: account ? { 'x-account': account } : {}, signal })

describe('simulator server', () => {
  it('listens on loopback and answers through the provider with a Date header from the simulated clock', async () => {
    expect(sim.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sim.baseUrl).toBe(`${sim.origin}/echo`)
    sim.clock.advance(3_600_000)
    const res = await get()
    expect(res.status).toBe(200)
    const body = (await res.json()) as { path: string; now: number }
    expect(body.path).toBe('/echo/ping')
    expect(Math.abs(body.now - (Date.now() + 3_600_000))).toBeLessThan(5_000)
    expect(Math.abs(Date.parse(res.headers.get('date')!) - (Date.now() + 3_600_000))).toBeLessThan(5_000)
  })

  it('resolves scenario BASE_URL paths against its origin', () => {
    expect(sim.scenarioCredentials()).toEqual({
      valid: { USERNAME: 'alice', BASE_URL: `${sim.origin}/echo` },
      elsewhere: { USERNAME: 'bob', BASE_URL: `${sim.origin}/other` },
    })
  })

  it('applies a fault to the next N requests only, then answers normally', async () => {
    sim.faults.add({ kind: 'server-error', count: 2 })
    expect((await get()).status).toBe(500)
    expect((await get()).status).toBe(500)
    expect((await get()).status).toBe(200)
  })

  it('applies a per-account fault only to that account', async () => {
    sim.faults.add({ kind: 'maintenance', account: 'bob' })
    const bob = await get('/echo/x', 'bob')
    expect(bob.status).toBe(503)
    expect(bob.headers.get('content-type')).toContain('text/html')
    expect(await bob.text()).toContain('maintenance')
    expect((await get('/echo/x', 'alice')).status).toBe(200)
  })

  it('answers 429 with and without Retry-After', async () => {
    sim.faults.add({ kind: 'rate-limit', retryAfterSeconds: 7, count: 1 })
    sim.faults.add({ kind: 'rate-limit-no-retry-after', count: 1 })
    const first = await get()
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '7'])
    const second = await get()
    expect([second.status, second.headers.get('retry-after')]).toEqual([429, null])
  })

  it('sends a Date header off by the configured skew', async () => {
    sim.faults.add({ kind: 'clock-skew', skewSeconds: -900, count: 1 })
    const res = await get()
    expect(res.status).toBe(200)
    const offset = Date.parse(res.headers.get('date')!) - Date.now()
    expect(offset).toBeLessThan(-890_000)
    expect(offset).toBeGreaterThan(-910_000)
  })

  it('delays answers by the fault latency', async () => {
    sim.faults.add({ kind: 'latency', latencyMs: 300, count: 1 })
    const started = performance.now()
    expect((await get()).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
  })

  it('resets the connection before answering', async () => {
    sim.faults.add({ kind: 'reset', count: 1 })
    await expect(get()).rejects.toThrow()
    expect((await get()).status).toBe(200)
  })

  it('truncates the real answer mid-body', async () => {
    sim.faults.add({ kind: 'truncated', count: 1 })
    const res = await get()
    await expect(res.text()).rejects.toThrow()
  })

  it('serves bodies that are neither JSON nor XML, and captive-portal HTML with status 200', async () => {
    sim.faults.add({ kind: 'invalid-body', count: 1 })
    sim.faults.add({ kind: 'html-proxy', count: 1 })
    const garbled = await get()
    expect(garbled.headers.get('content-type')).toBe('application/json')
    await expect(garbled.json()).rejects.toThrow()
    const portal = await get()
    expect([portal.status, portal.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
  })

  it('can hang before headers, or after a first chunk, until the client gives up', async () => {
    sim.faults.add({ kind: 'hang', count: 1 })
    await expect(get('/echo/x', undefined, AbortSignal.timeout(300))).rejects.toThrow(/abort|timeout/i)
    sim.faults.add({ kind: 'never-ends', count: 1 })
    const res = await get('/echo/x', undefined, AbortSignal.timeout(500))
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow(/abort|timeout/i)
  })
})

describe('control API', () => {
  const control = (method: string, route: string, body?: unknown) =>
    fetch(`${sim.origin}/__sim/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) })

  it('scripts faults from outside the process and reports them in the state', async () => {
    expect((await control('POST', 'faults', { kind: 'server-error', count: 1, account: 'carol' })).status).toBe(201)
    const state = (await (await control('GET', 'state')).json()) as { faults: unknown[] }
    expect(state.faults).toEqual([{ kind: 'server-error', count: 1, account: 'carol', remaining: 1 }])
    expect((await get('/echo/x', 'carol')).status).toBe(500)
    expect((await control('POST', 'faults', { kind: 'server-error' })).status).toBe(201)
    expect((await control('DELETE', 'faults')).status).toBe(204)
    expect((await get()).status).toBe(200)
  })

  it('rejects malformed fault rules and unknown options with a message naming the field', async () => {
    const bad = await control('POST', 'faults', { kind: 'meteor-strike' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(/^kind:/)
    const unknown = await control('PATCH', 'options', { colour: 'red' })
    expect(unknown.status).toBe(400)
    expect(((await unknown.json()) as { error: string }).error).toContain('colour')
  })

  it('changes provider options, moves the clock and resets to the seeded state', async () => {
    expect(await (await control('PATCH', 'options', { greeting: 'hi' })).json()).toEqual({ greeting: 'hi' })
    expect(((await (await get()).json()) as { greeting: string }).greeting).toBe('hi')
    const before = sim.clock.now()
    await control('POST', 'clock', { advanceMs: 60_000 })
    expect(sim.clock.now() - before).toBeGreaterThanOrEqual(60_000)
    expect((await control('POST', 'reset')).status).toBe(204)
    expect(((await (await get()).json()) as { greeting: string }).greeting).toBe('hello')
  })
})
