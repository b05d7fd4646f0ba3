import { describe, expect, it } from 'vitest'
import { classifyTransportError, transportSummary } from '../../../../src/core/diagnosis/transport'

const coded = (code: string, message = code, name = 'Error'): Error => Object.assign(new Error(message), { code, name })

describe('classifyTransportError', () => {
  it.each([
    ['getaddrinfo ENOTFOUND', coded('ENOTFOUND'), 'network.dns'],
    ['EAI_AGAIN (DNS server unreachable)', coded('EAI_AGAIN'), 'network.dns'],
    ['ECONNREFUSED', coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), 'network.refused'],
    ['EHOSTUNREACH', coded('EHOSTUNREACH'), 'network.refused'],
    ['undici connect timeout', coded('UND_ERR_CONNECT_TIMEOUT'), 'network.timeout'],
    ['undici headers timeout', coded('UND_ERR_HEADERS_TIMEOUT'), 'network.timeout'],
    ['undici body timeout', coded('UND_ERR_BODY_TIMEOUT'), 'network.timeout'],
    ['AbortSignal.timeout', Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError', code: 23 }), 'network.timeout'],
    ['an abort', Object.assign(new Error('This operation was aborted'), { name: 'AbortError' }), 'network.timeout'],
    ['ECONNRESET', coded('ECONNRESET'), 'network.reset'],
    ['undici "other side closed"', coded('UND_ERR_SOCKET', 'other side closed', 'SocketError'), 'network.reset'],
    ['a body shorter than Content-Length', coded('UND_ERR_RES_CONTENT_LENGTH_MISMATCH'), 'network.reset'],
    ['an expired certificate', coded('CERT_HAS_EXPIRED'), 'network.tls'],
    ['a host name the certificate does not cover', coded('ERR_TLS_CERT_ALTNAME_INVALID'), 'network.tls'],
    ['https to a plain-http port', coded('ERR_SSL_WRONG_VERSION_NUMBER'), 'network.tls'],
    ['a self-signed certificate', coded('DEPTH_ZERO_SELF_SIGNED_CERT'), 'network.tls'],
    ['a proxy refusing the tunnel', coded('UND_ERR_ABORTED', 'Proxy response (407) !== 200 when HTTP Tunneling', 'AbortError'), 'network.proxy'],
    ['a TLS failure talking to the proxy', coded('UND_ERR_PRX_TLS'), 'network.proxy'],
    ['an HTTP parser error', coded('HPE_INVALID_CONSTANT'), 'response.malformed'],
    ['something never seen before', new Error('boom'), 'network.reset'],
    ['not even an Error', 'a string', 'network.reset'],
  ])('%s → %s', (_name, error, cause) => {
    expect(classifyTransportError(error, false).cause).toBe(cause)
  })

  it('finds the code in the cause chain and inside AggregateErrors (happy eyeballs)', () => {
    const wrapped = new Error('fetch failed', { cause: new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]) })
    expect(classifyTransportError(wrapped, false)).toMatchObject({ cause: 'network.refused', code: 'ECONNREFUSED' })
  })

  it('blames the proxy for failing to connect at all when the request went through one', () => {
    expect(classifyTransportError(coded('ECONNREFUSED'), true).cause).toBe('network.proxy')
    expect(classifyTransportError(coded('ENOTFOUND'), true).cause).toBe('network.proxy')
    expect(classifyTransportError(coded('UND_ERR_SOCKET', 'other side closed'), true).cause).toBe('network.reset')
  })

  it.each(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'])(
    'flags %s (an issuer nobody trusts) as possible interception',
    (code) => {
      const found = classifyTransportError(coded(code), false)
      expect(found).toMatchObject({ cause: 'network.tls', possibleInterception: true })
      expect(transportSummary(found, 'api.nmbrs.nl')).toMatch(/possible TLS interception/)
    },
  )

  it('does not flag other TLS failures as interception', () => {
    for (const code of ['CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_SSL_WRONG_VERSION_NUMBER']) {
      const found = classifyTransportError(coded(code), false)
      expect(found.possibleInterception, code).toBe(false)
      expect(transportSummary(found, 'h')).not.toMatch(/interception/)
    }
  })

  it('every classification is unknown-state, never a verdict on the credential', () => {
    const causes = ['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'CERT_HAS_EXPIRED', 'UND_ERR_HEADERS_TIMEOUT', 'X'].map((c) => classifyTransportError(coded(c), false).cause)
    for (const cause of causes) expect(cause).toMatch(/^(network\.|response\.malformed)/)
  })
})
