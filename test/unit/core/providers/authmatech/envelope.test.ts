import { describe, expect, it } from 'vitest'
import {
  authmatechAuthHeaders,
  authmatechEnvelopeSchema,
  failureEnvelope,
  successEnvelope,
  withoutNullMembers,
} from '../../../../../src/core/providers/authmatech/envelope'

describe('Authmatech envelope builders', () => {
  it('builds the A-TEST success sample exactly, member order included', () => {
    const envelope = successEnvelope({ validNumber: true })
    expect(JSON.stringify(envelope)).toBe(
      '{"success":true,"messages":[{"type":"SUCCESS","code":null,"message":null,"httpStatus":"OK","technical":false,"arguments":null}],"data":{"validNumber":true}}',
    )
    expect(successEnvelope({}, 201).messages[0]?.httpStatus).toBe('CREATED')
  })

  it.each([
    [401, 'Unauthorized', null, 'UNAUTHORIZED', false],
    [429, 'Rate limit exceeded.', null, 'TOO_MANY_REQUESTS', false],
    [404, 'Client not found.', 'resource_not_found', 'NOT_FOUND', false],
    [400, 'Invalid mobile number.', 'INVALID_MOBILE_NUMBER', 'BAD_REQUEST', false],
    [500, 'Unexpected error.', 'internal_server_error', 'INTERNAL_SERVER_ERROR', true],
  ] as const)('builds the %i failure with data null', (status, message, code, httpStatus, technical) => {
    expect(failureEnvelope(status, message, code)).toEqual({
      success: false,
      messages: [{ type: 'FAILURE', code, message, httpStatus, technical, arguments: null }],
      data: null,
    })
  })

  it('drops null message members for the OpenAPI-sample form, keeping data', () => {
    expect(withoutNullMembers(failureEnvelope(401, 'Unauthorized'))).toEqual({
      success: false,
      messages: [{ type: 'FAILURE', message: 'Unauthorized', httpStatus: 'UNAUTHORIZED', technical: false }],
      data: null,
    })
  })

  it('parses both envelope forms and refuses other shapes', () => {
    expect(authmatechEnvelopeSchema.safeParse(successEnvelope({ validNumber: false })).success).toBe(true)
    expect(authmatechEnvelopeSchema.safeParse(withoutNullMembers(successEnvelope({ validNumber: false }))).success).toBe(true)
    expect(authmatechEnvelopeSchema.safeParse({ timestamp: '2025-01-01', status: 404, error: 'Not Found' }).success).toBe(false)
    expect(authmatechEnvelopeSchema.safeParse({ success: true, messages: 'x' }).success).toBe(false)
  })

  it('names both credential headers as documented', () => {
    expect(authmatechAuthHeaders('k', 'c')).toEqual({ 'X-API-KEY': 'k', 'X-CLIENT-ID': 'c', Accept: 'application/json' })
  })
})
