/**
 * The official npm client `android-sms-gateway` (3.0.0), unchanged, against the simulator over
 * real HTTP. Its only transport hook is an HttpClient object; this one is a thin fetch wrapper
 * that turns non-2xx answers into errors carrying the status and body.
 */
import Client, { ProcessState, type HttpClient } from 'android-sms-gateway'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSmsGateSimulator } from '../../../../../src/core/providers/smsgate/simulator'
import { startSimulator, type RunningSimulator } from '../../../../../src/core/simulators/server'

class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body}`)
  }
}

interface Seen {
  readonly method: string
  readonly url: string
  readonly body: unknown
}

function fetchClient(seen: Seen[]): HttpClient {
  async function call<T>(method: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    seen.push({ method, url, body })
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    const text = await response.text()
    if (!response.ok) throw new HttpStatusError(response.status, text)
    return (text === '' ? undefined : JSON.parse(text)) as T
  }
  return {
    get: <T>(url: string, headers?: Record<string, string>) => call<T>('GET', url, undefined, headers),
    post: <T>(url: string, body: unknown, headers?: Record<string, string>) => call<T>('POST', url, body, headers),
    put: <T>(url: string, body: unknown, headers?: Record<string, string>) => call<T>('PUT', url, body, headers),
    patch: <T>(url: string, body: unknown, headers?: Record<string, string>) => call<T>('PATCH', url, body, headers),
    delete: <T>(url: string, headers?: Record<string, string>) => call<T>('DELETE', url, undefined, headers),
  }
}

let running: RunningSimulator
let seen: Seen[]

beforeEach(async () => {
  running = await startSimulator(createSmsGateSimulator())
  seen = []
})
afterEach(async () => {
  await running.close()
})

const client = (scenario: string): Client => {
  const c = running.scenarioCredentials()[scenario]
  if (!c) throw new Error(`no scenario ${scenario}`)
  return new Client(c.USERNAME ?? '', c.PASSWORD ?? '', fetchClient(seen), c.BASE_URL)
}

describe('official android-sms-gateway client against the simulator', () => {
  it('lists devices', async () => {
    const devices = await client('valid').getDevices()
    expect(devices).toHaveLength(1)
    expect(devices[0]).toMatchObject({ id: 'PyDmBQZZXYmyxMwED8Fzy', name: 'Pixel 7' })
    expect(Number.isNaN(Date.parse(devices[0]?.lastSeen ?? ''))).toBe(false)
    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual([`GET ${running.baseUrl}/devices`])
  })

  it('sends a message through the legacy /message path with the deprecated field, then reads its state', async () => {
    const gateway = client('valid')
    const sent = await gateway.send({ message: 'Hello from the official client', phoneNumbers: ['+15550100009'] }, { skipPhoneValidation: true })
    expect(seen[0]).toEqual({
      method: 'POST',
      url: `${running.baseUrl}/message?skipPhoneValidation=true`,
      body: { message: 'Hello from the official client', phoneNumbers: ['+15550100009'] },
    })
    expect(sent.state).toBe(ProcessState.Pending)
    expect(sent.recipients).toEqual([{ phoneNumber: '+15550100009', state: ProcessState.Pending }])
    const state = await gateway.getState(sent.id)
    expect(seen[1]?.url).toBe(`${running.baseUrl}/message/${sent.id}`)
    expect(state).toMatchObject({ id: sent.id, state: ProcessState.Pending, recipients: sent.recipients })
  })

  it('works against a private server under /api/3rdparty/v1', async () => {
    const devices = await client('private-server').getDevices()
    expect(devices.map((device) => device.id)).toEqual(['Pr1vateServerDev1ce01'])
  })

  it('reads health, webhooks, logs and settings without tripping on the answers', async () => {
    const gateway = client('valid')
    expect((await gateway.getHealth()).status).toBe('pass')
    expect(await gateway.getWebhooks()).toEqual([])
    expect(await gateway.getLogs(new Date(0), new Date())).toEqual([])
    expect(await gateway.getSettings()).toEqual({})
  })

  it.each([
    ['wrong-password', 401, '{"message":"Unauthorized"}'],
    ['unknown-user', 401, '{"message":"Unauthorized"}'],
    ['missing-api-prefix', 404, 'Not Found'],
  ])('surfaces %s as HTTP %i', async (scenario, status, body) => {
    await expect(client(scenario).getDevices()).rejects.toMatchObject({ status, body })
  })

  it('gets 400 failed to select device when the account has no device', async () => {
    await expect(client('no-device').send({ message: 'x', phoneNumbers: ['+15550100009'] })).rejects.toMatchObject({
      status: 400,
      body: '{"message":"failed to select device: not found"}',
    })
  })
})
