/** Credential placement: every form, with values escaped so they cannot change the request's structure. */
import { describe, expect, it } from 'vitest'
import { buildRequest } from '../../../../src/core/custom-providers/request'
import { credentialSchema, stepSchema } from '../../../../src/core/custom-providers/schema'

const hostile = `a"b<c>&d/e?f`
const values = { USER: 'u/1', KEY: hostile }
const step = (extra: object = {}) => stepSchema.parse({ id: 's', method: 'POST', path: '/x/{{USER}}', rules: [{ name: 'ok', cause: 'ok', summary: 'ok', example: { status: 200 } }], ...extra })
const build = (credential: object, extra: object = {}) => buildRequest(step(extra), credentialSchema.parse(credential), 'https://api.acme.test/base', values, 'issued-token')

describe('buildRequest', () => {
  it('escapes path values and places header, Basic and Bearer credentials', () => {
    const headers = build({ type: 'headers', headers: { 'X-Key': '{{KEY}}' } })
    expect(headers.url).toBe('https://api.acme.test/base/x/u%2F1')
    expect(headers.headers['x-key']).toBe(hostile)
    const basic = build({ type: 'basic', username: '{{USER}}', password: '{{KEY}}' })
    expect(Buffer.from(basic.headers.authorization!.slice(6), 'base64').toString()).toBe(`u/1:${hostile}`)
    expect(build({ type: 'bearer', token: '{{KEY}}' }).headers.authorization).toBe(`Bearer ${hostile}`)
    expect(build({ type: 'oauth2-client-credentials', tokenUrl: '/oauth/token', clientId: '{{USER}}', clientSecret: '{{KEY}}' }).headers.authorization).toBe('Bearer issued-token')
  })

  it('keeps JSON, form, SOAP and query bodies well-formed whatever the value', () => {
    const json = build({ type: 'json-body', members: { api_key: '{{KEY}}' } }, { body: '{"user": "{{USER}}"}' })
    expect(JSON.parse(json.body!)).toEqual({ user: 'u/1', api_key: hostile })
    const form = build({ type: 'form-body', members: { key: '{{KEY}}' } })
    expect(new URLSearchParams(form.body).get('key')).toBe(hostile)
    const soap = build({ type: 'soap-header', template: '<Auth><Key>{{KEY}}</Key></Auth>' }, { body: '<Envelope><Header>{{SOAP_HEADER}}</Header></Envelope>' })
    expect(soap.body).toBe('<Envelope><Header><Auth><Key>a&quot;b&lt;c&gt;&amp;d/e?f</Key></Auth></Header></Envelope>')
    const query = build({ type: 'query', params: { key: '{{KEY}}' } })
    expect(new URL(query.url).searchParams.get('key')).toBe(hostile)
  })
})
