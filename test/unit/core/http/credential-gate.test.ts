import { describe, expect, it } from 'vitest'
import { routeRequest } from '../../../../src/core/http/credential-gate'
import type { CredentialBinding } from '../../../../src/core/http/host-binding'
import { proxySettingsFromEnv } from '../../../../src/core/http/proxy-config'
import { providerDefinition } from '../../../../src/core/providers/registry'

const proxy = proxySettingsFromEnv({ HTTP_PROXY: 'http://127.0.0.1:3128', HTTPS_PROXY: 'http://127.0.0.1:3128', NO_PROXY: 'internal.example' })
const custom = (baseUrl: string): CredentialBinding => ({ definition: providerDefinition('smsgate'), environment: 'production', baseUrl })
const provider: CredentialBinding = { definition: providerDefinition('smsgate'), environment: 'production', baseUrl: null }
const providerHost = providerDefinition('smsgate').environments[0]!.baseUrl

describe('routeRequest', () => {
  it.each(['http://127.0.0.1:8080/api', 'http://127.9.3.1/api', 'http://localhost:9/api', 'http://[::1]:9/api'])('sends a credential for loopback %s direct, never through the proxy', (base) => {
    expect(routeRequest(custom(base), new URL(`${base}/x`), proxy)).toEqual({ kind: 'direct' })
  })

  it('sends an https provider request through the proxy (a CONNECT tunnel: the proxy sees only the host)', () => {
    expect(routeRequest(provider, new URL(`${providerHost}/x`), proxy)).toEqual({ kind: 'proxy', proxy: 'http://127.0.0.1:3128' })
  })

  it('keeps NO_PROXY hosts direct', () => {
    expect(routeRequest(custom('https://api.internal.example'), new URL('https://api.internal.example/x'), proxy)).toEqual({ kind: 'direct' })
  })

  it('refuses plain http with a credential to anything but this computer, proxy or not', () => {
    for (const settings of [proxy, proxySettingsFromEnv({})]) {
      const route = routeRequest(custom('http://api.example.com'), new URL('http://api.example.com/x'), settings)
      expect(route).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/plain http:\/\/ is never used for a public address/) })
    }
  })

  it('refuses a host the binding does not name, before any route is chosen', () => {
    expect(routeRequest(provider, new URL('https://elsewhere.example/x'), proxy)).toMatchObject({ kind: 'refused' })
    expect(routeRequest(custom('https://a.example'), new URL('http://a.example/x'), proxy)).toMatchObject({ kind: 'refused' })
  })

  it('lets a request without a credential use the proxy over http', () => {
    expect(routeRequest(null, new URL('http://api.example.com/x'), proxy)).toEqual({ kind: 'proxy', proxy: 'http://127.0.0.1:3128' })
  })
})
