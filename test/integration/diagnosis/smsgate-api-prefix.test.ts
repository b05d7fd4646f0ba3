/**
 * SMSGate at a base URL with the `/api` segment wrong: the check finds where SMSGate answers on
 * the same host (without sending a credential there) and names it as the fix. Real HTTP to the
 * simulator on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkAccount } from '../../../src/core/diagnosis/engine'
import type { HttpClient } from '../../../src/core/http/client'
import { otherApiPath } from '../../../src/core/providers/smsgate/api-prefix'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import { fastRetry, testHttpClient } from '../../support/diagnosis'

let sims: SimulatorSet
let http: HttpClient

beforeAll(async () => {
  sims = await startAllSimulators()
  http = testHttpClient()
})

afterAll(async () => {
  await http.close()
  await sims.close()
})

const smsgate = () => sims.byId.smsgate
const scenario = (name: string): Record<string, string> => ({ ...smsgate().scenarioCredentials()[name]! })
const check = (fields: Record<string, string>) => checkAccount({ provider: 'smsgate', fields }, { http, retry: fastRetry })

describe('SMSGate /api prefix', () => {
  it('adds or removes the /api segment, and nothing else', () => {
    expect(otherApiPath('https://sms.example.com/3rdparty/v1')).toBe('https://sms.example.com/api/3rdparty/v1')
    expect(otherApiPath('https://sms.example.com/gw/api/3rdparty/v1')).toBe('https://sms.example.com/gw/3rdparty/v1')
    expect(otherApiPath('http://192.168.1.20:8080')).toBeNull()
  })

  it('a private server saved without /api: SMSGate answers with it, which the diagnosis offers; no credential goes to the other path', async () => {
    const fields = scenario('missing-api-prefix')
    const diagnosis = await check(fields)
    const suggested = fields.BASE_URL!.replace('/private/3rdparty/v1', '/private/api/3rdparty/v1')
    expect(diagnosis).toMatchObject({ cause: 'endpoint.not_found', details: { suggestedBaseUrl: suggested } })
    expect(diagnosis.summary).toContain(`SMSGate answers at ${suggested} (with /api)`)
    const other = diagnosis.transcript.find((entry) => entry.url === `${suggested}/device`)
    expect(other?.requestHeaders.authorization).toBeUndefined()
    expect(other?.status).toBe(401)
    // The suggestion works with the same credentials.
    expect((await check({ ...fields, BASE_URL: suggested })).cause).toBe('ok')
  })

  it('the cloud when its path has /api: suggests the path without it', async () => {
    smsgate().simulator.setOptions({ apiPrefix: true })
    try {
      const fields = scenario('valid')
      const diagnosis = await check({ ...fields, BASE_URL: fields.BASE_URL!.replace('/api/3rdparty/v1', '/3rdparty/v1') })
      expect(diagnosis.details.suggestedBaseUrl).toBe(fields.BASE_URL)
    } finally {
      smsgate().reset()
    }
  })

  it('no suggestion when SMSGate does not answer at the other path either', async () => {
    const fields = scenario('valid')
    const diagnosis = await check({ ...fields, BASE_URL: fields.BASE_URL!.replace('/3rdparty/v1', '/nowhere/3rdparty/v1') })
    expect(diagnosis.cause).toBe('endpoint.not_found')
    expect(diagnosis.details.suggestedBaseUrl).toBeUndefined()
    expect(diagnosis.summary).toContain('No SMSGate API at this path')
  })
})
