/** The rule engine: conditions, ordered rules, and the cardinal rule's defaults. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stateOf, CAUSE_CODES, type CauseCode } from '../../../../src/shared/causes'
import { nonSecretValues, stepClassifier } from '../../../../src/core/custom-providers/classify'
import { parseJsonPath, selectJson } from '../../../../src/core/custom-providers/json-path'
import { fieldSchema, stepSchema, type ProbeStep } from '../../../../src/core/custom-providers/schema'

const NOW = Date.UTC(2026, 0, 1)

function classify(step: ProbeStep, status: number, body: unknown, headers: Record<string, string> = {}, environment = 'production', fields: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return stepClassifier(step, 'Acme', () => NOW, environment, fields)({ step: 'me', url: 'https://api.acme.test/me', status, headers, body: text })
}

const step = (rules: unknown[]): ProbeStep => stepSchema.parse({ id: 'me', path: '/me', rules })
const example = { status: 200 }

describe('conditions', () => {
  const rules = step([
    { name: 'expired', when: { status: 200, json: [{ path: '$.plan.endsAt', before: 'now' }] }, cause: 'account.disabled', summary: 'Plan ended.', example },
    { name: 'no-verify', when: { status: '2xx', json: [{ path: "$.products[?(@.enabled == true)].name", equals: 'VERIFY', not: true }] }, cause: 'permission.denied', summary: 'No VERIFY.', example },
    { name: 'live-on-test', when: { environment: 'sandbox', status: 200, json: [{ path: '$.live', equals: true }] }, cause: 'environment.mismatch', summary: 'Live key.', example },
    { name: 'limited', when: { status: '400-499', headers: [{ name: 'X-Remaining', equals: '0' }] }, cause: 'rate_limited', summary: 'Limited.', example },
    { name: 'text', when: { body: { matches: 'blocked', ignoreCase: true } }, cause: 'account.disabled', summary: 'Blocked.', example },
    { name: 'ok', when: { status: 200 }, cause: 'ok', summary: 'OK.', example },
  ])

  it('reads dates against the provider clock, array filters, environments, headers and bodies, first match wins', () => {
    const enabled = { products: [{ name: 'VERIFY', enabled: true }] }
    expect(classify(rules, 200, { ...enabled, plan: { endsAt: '2025-12-31T00:00:00Z' } }).cause).toBe('account.disabled')
    expect(classify(rules, 200, { ...enabled, plan: { endsAt: '2026-02-01T00:00:00Z' } }).cause).toBe('ok')
    expect(classify(rules, 200, { products: [{ name: 'VERIFY', enabled: false }] }).cause).toBe('permission.denied')
    expect(classify(rules, 200, { ...enabled, live: true }, {}, 'sandbox').cause).toBe('environment.mismatch')
    expect(classify(rules, 200, { ...enabled, live: true }, {}, 'production').cause).toBe('ok')
    expect(classify(rules, 403, {}, { 'x-remaining': '0' }).cause).toBe('rate_limited')
    expect(classify(rules, 403, 'Your account is BLOCKED').cause).toBe('account.disabled')
    expect(classify(rules, 200, { ...enabled }).data?.rule?.name).toBe('ok')
  })

  it('selects values with the JSONPath subset', () => {
    const doc = { a: { 'b-c': [1, 2, { d: 'x' }] }, items: [{ k: 'v', n: 1 }, { k: 'w', n: 2 }] }
    expect(selectJson(doc, parseJsonPath("$.a['b-c'][2].d"))).toEqual(['x'])
    expect(selectJson(doc, parseJsonPath('$.items[*].n'))).toEqual([1, 2])
    expect(selectJson(doc, parseJsonPath("$.items[?(@.k != 'v')].n"))).toEqual([2])
    expect(selectJson(doc, parseJsonPath('$.missing.deeper'))).toEqual([])
    expect(() => parseJsonPath('$..a')).toThrow()
  })
})

describe('conditions on the account’s non-secret fields', () => {
  const rules = step([
    {
      name: 'used-product-off',
      when: { status: 200, json: [{ path: '$.products[?(@.enabled == false)].name', inField: 'PRODUCTS', ignoreCase: true }] },
      cause: 'feature.disabled',
      summary: 'A used product is off.',
      example,
    },
    { name: 'eu-region', when: { status: 200, fields: { REGION: { oneOf: ['eu-west', 'eu-central'] } } }, cause: 'environment.mismatch', summary: 'EU.', example },
    { name: 'no-plan', when: { status: 200, fields: { PLAN: { exists: false } } }, cause: 'account.disabled', summary: 'No plan.', example },
    { name: 'trial', when: { status: 200, fields: { PLAN: { matches: '^trial-', ignoreCase: true } } }, cause: 'balance.exhausted', summary: 'Trial.', example },
    { name: 'not-pro', when: { status: 200, fields: { TIERS: { includes: 'pro', not: true } } }, cause: 'scope.missing', summary: 'Not pro.', example },
    { name: 'ok', when: { status: 200 }, cause: 'ok', summary: 'OK.', example },
  ])
  const answer = { products: [{ name: 'verify', enabled: false }, { name: 'SHIELD', enabled: true }] }
  const plain = { PLAN: 'gold', TIERS: 'basic, pro' }
  const cause = (fields: Record<string, string>, body: unknown = answer) => classify(rules, 200, body, {}, 'production', fields).cause

  it('compares a value the answer lists with the items of a field (any case, comma list)', () => {
    expect(cause({ ...plain, PRODUCTS: 'TRUST, VERIFY' })).toBe('feature.disabled')
    expect(cause({ ...plain, PRODUCTS: 'SHIELD' })).toBe('ok')
    expect(cause({ ...plain, PRODUCTS: '' })).toBe('ok')
    expect(cause({ ...plain, PRODUCTS: 'VERIFYX' })).toBe('ok')
  })

  it('reads equals/oneOf, exists, matches, includes and not on the field values', () => {
    expect(cause({ ...plain, REGION: 'eu-west' })).toBe('environment.mismatch')
    expect(cause({ ...plain, REGION: 'us-east' })).toBe('ok')
    expect(cause({ TIERS: 'pro' })).toBe('account.disabled')
    expect(cause({ PLAN: '  ', TIERS: 'pro' })).toBe('account.disabled')
    expect(cause({ PLAN: 'Trial-2026', TIERS: 'pro' })).toBe('balance.exhausted')
    expect(cause({ PLAN: 'gold', TIERS: 'basic,professional' })).toBe('scope.missing')
    expect(cause({ PLAN: 'gold', TIERS: ' pro ,basic' })).toBe('ok')
  })

  it('gives rules the declared non-secret fields only, never a secret', () => {
    const fields = [
      fieldSchema.parse({ name: 'API_KEY', label: 'Key', secret: true }),
      fieldSchema.parse({ name: 'PRODUCTS', label: 'Products', secret: false, required: false }),
    ]
    expect(nonSecretValues(fields, { API_KEY: 'ak_secret', PRODUCTS: 'VERIFY', BASE_URL: 'https://x.test', OTHER: '1' })).toEqual({ PRODUCTS: 'VERIFY' })
    const onKey = step([{ name: 'key', when: { fields: { API_KEY: { exists: true } } }, cause: 'ok', summary: 'Key.', example }])
    expect(classify(onKey, 200, {}, {}, 'production', nonSecretValues(fields, { API_KEY: 'ak_secret' })).data?.rule).toBeUndefined()
  })
})

describe('defaults (the cardinal rule)', () => {
  const onlyOk = step([{ name: 'ok', when: { status: 200, json: [{ path: '$.ok', equals: true }] }, cause: 'ok', summary: 'OK.', example }])

  it.each([
    [401, '{}', 'credentials.invalid', 'failing'],
    [200, '{"ok": false}', 'response.malformed', 'unknown'],
    [200, '<html><title>Login</title></html>', 'response.malformed', 'unknown'],
    [204, '', 'response.malformed', 'unknown'],
    [500, 'oops', 'server.error', 'unknown'],
    [502, '', 'server.error', 'unknown'],
    [404, '{"message":"Not Found"}', 'request.rejected', 'unknown'],
    [403, '{"message":"Forbidden"}', 'request.rejected', 'unknown'],
    [407, '', 'network.proxy', 'unknown'],
  ])('an unmatched %i is %s (%s)', (status, body, cause, state) => {
    const verdict = classify(onlyOk, status, body)
    expect(verdict.cause).toBe(cause)
    expect(stateOf(verdict.cause)).toBe(state)
    expect(verdict.data?.rule).toBeUndefined()
  })

  it('never says failing without an explicit failing rule, except for a 401 (property)', () => {
    const notFailing = CAUSE_CODES.filter((c) => stateOf(c) !== 'failing')
    const condition = fc.oneof(
      fc.record({ status: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.constantFrom('2xx', '4xx', '5xx', '400-499')) }),
      fc.record({ json: fc.constant([{ path: '$.state', equals: 'x' }]) }),
      fc.record({ body: fc.record({ contains: fc.string({ maxLength: 3 }) }) }),
      fc.record({ headers: fc.constant([{ name: 'x-a', exists: true }]) }),
      fc.record({ fields: fc.constant({ PLAN: { includes: 'pro' } }) }),
      fc.record({ json: fc.constant([{ path: '$.items[*]', inField: 'PLAN' }]) }),
      fc.constant({}),
    )
    const rule = fc.record({ when: condition, cause: fc.constantFrom(...notFailing) })
    const body = fc.oneof(fc.string(), fc.json(), fc.constant('{"state":"x"}'), fc.constant('<html></html>'))
    // Every status, with the ones a careless default would call failing drawn often.
    const status = fc.oneof(fc.integer({ min: 100, max: 599 }), fc.constantFrom(200, 400, 401, 403, 404, 410, 500))
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 6 }), status, body, fc.boolean(), fc.string({ maxLength: 12 }), (rules, status, text, header, plan) => {
        const s = step(rules.map((r, i) => ({ name: `r${i}`, when: r.when, cause: r.cause, summary: 's', example })))
        const verdict = classify(s, status, text, header ? { 'x-a': '1' } : {}, 'production', { PLAN: plan })
        return stateOf(verdict.cause as CauseCode) !== 'failing' || status === 401
      }),
      { numRuns: 500 },
    )
  })
})
