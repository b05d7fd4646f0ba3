import { describe, expect, it } from 'vitest'
import { classifyProducts, classifyUsage } from '../../../../../src/core/providers/authmatech/classify'
import { failureEnvelope, successEnvelope, withoutNullMembers } from '../../../../../src/core/providers/authmatech/envelope'
import type { ResponseView } from '../../../../../src/core/diagnosis/types'

const view = (status: number, body: unknown): ResponseView => ({
  step: 'GET /v1/api/me/products',
  url: 'https://service.authmatech.com/v1/api/me/products',
  status,
  headers: {},
  body: typeof body === 'string' ? body : JSON.stringify(body),
})
const products = successEnvelope({ products: [{ product: 'VERIFY', enabled: false }, { product: 'TRUST', enabled: true }] })

describe('classifyProducts', () => {
  it('reads which products are enabled', () => {
    expect(classifyProducts(view(200, products))).toMatchObject({ cause: 'ok', data: { enabled: ['TRUST'], disabled: ['VERIFY'] } })
    expect(classifyProducts(view(200, withoutNullMembers(products)))).toMatchObject({ cause: 'ok' })
  })

  it('accepts a success whose data it cannot read, saying nothing about products', () => {
    expect(classifyProducts(view(200, successEnvelope({ something: 'else' })))).toMatchObject({ cause: 'ok', data: null })
  })

  it.each([
    ['401 Unauthorized', view(401, failureEnvelope(401, 'Unauthorized')), 'credentials.invalid'],
    ['404 Client not found.', view(404, failureEnvelope(404, 'Client not found.', 'resource_not_found')), 'credentials.invalid'],
    ['404 for a path', view(404, failureEnvelope(404, 'Resource not found.', 'resource_not_found')), 'endpoint.not_found'],
    ['400 product not enabled', view(400, failureEnvelope(400, 'Product VERIFY is not enabled for this client.')), 'permission.denied'],
    ['400 balance', view(400, failureEnvelope(400, 'Insufficient balance.')), 'balance.exhausted'],
    ['400 anything else', view(400, failureEnvelope(400, 'Malformed JSON request.')), 'request.rejected'],
  ] as const)('%s → %s', (_name, response, cause) => {
    expect(classifyProducts(response)?.cause).toBe(cause)
  })

  it.each([
    ['a body that is not the envelope', view(200, { products: [] })],
    ['HTML', view(200, '<html></html>')],
    ['a 500 envelope (the shared rules retry it)', view(500, failureEnvelope(500, 'boom', 'internal_server_error'))],
    ['a 429 envelope', view(429, failureEnvelope(429, 'Rate limit exceeded.'))],
  ])('does not recognise %s', (_name, response) => {
    expect(classifyProducts(response)).toBeNull()
  })
})

describe('classifyUsage', () => {
  it('reads the balance in the shapes it may have, and null when there is none', () => {
    expect(classifyUsage(view(200, successEnvelope({ balance: { remaining: 0, expiresAt: '2025-01-01T00:00:00.000Z' } })))?.data).toEqual({ remaining: 0, expiresAt: '2025-01-01T00:00:00.000Z' })
    expect(classifyUsage(view(200, successEnvelope({ remaining: 12 })))?.data).toEqual({ remaining: 12, expiresAt: null })
    expect(classifyUsage(view(200, successEnvelope({ balance: 7 })))?.data).toEqual({ remaining: 7, expiresAt: null })
    expect(classifyUsage(view(200, successEnvelope({})))?.data).toBeNull()
  })
})
