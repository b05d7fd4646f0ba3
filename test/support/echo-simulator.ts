import type { ProviderSimulator } from '../../src/core/simulators/types'

/** A minimal provider for testing the shared simulator server: echoes the request as JSON. */
export function createEchoSimulator(): ProviderSimulator<{ greeting: string }> {
  const options = { greeting: 'hello' }
  return {
    id: 'groupcall',
    baseUrlPath: () => '/echo',
    scenarios: () => ({
      valid: { credentials: { USERNAME: 'alice' }, description: 'accepted' },
      elsewhere: { credentials: { USERNAME: 'bob', BASE_URL: '/other' }, description: 'lives under another path' },
    }),
    accountOf: (request) => (typeof request.headers['x-account'] === 'string' ? request.headers['x-account'] : null),
    handle: (request, context) => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ greeting: options.greeting, method: request.method, path: request.path, body: request.body, now: context.now() }),
    }),
    options,
    setOptions: (patch) => Object.assign(options, patch),
    reset: () => Object.assign(options, { greeting: 'hello' }),
  }
}
