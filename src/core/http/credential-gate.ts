/**
 * The one gate every request passes before it leaves (spec/architecture.md, Network). For a
 * request that carries a credential it enforces the whole rule in one place: the scheme and
 * host rules of host binding (the provider environment's hosts, or the custom base URL saved
 * with the secrets), and the route: loopback never goes through a proxy, and a credential
 * never crosses a proxy over plain http. Redirects are never followed by the client, and
 * certificates are always verified (see tls-trust.ts). The HTTP client is the only caller;
 * test/unit/core/http/credential-gate-sites.test.ts fails when a request bypasses it.
 */
import { isLoopbackHost, mayReceiveCredential, type CredentialBinding } from './host-binding'
import { proxyFor, type ProxySettings } from './proxy-config'

export type Route =
  | { readonly kind: 'direct' }
  | { readonly kind: 'proxy'; readonly proxy: string }
  /** Nothing may be sent; `reason` names what is wrong and the fix, never a secret. */
  | { readonly kind: 'refused'; readonly reason: string }

const DIRECT: Route = { kind: 'direct' }

/** Where a request to `url` may go, if anywhere. `binding` is null only for a request that carries no credential. */
export function routeRequest(binding: CredentialBinding | null, url: URL, proxy: ProxySettings): Route {
  if (binding) {
    const decision = mayReceiveCredential(binding, url)
    if (!decision.allowed) return { kind: 'refused', reason: decision.reason }
  }
  // undici's own proxy agent would send a loopback request to the proxy, which then resolves "localhost" itself.
  if (isLoopbackHost(url.hostname)) return DIRECT
  const through = proxyFor(url, proxy)
  if (through === null) return DIRECT
  if (binding && url.protocol === 'http:')
    return {
      kind: 'refused',
      reason: `the request to ${url.host} is plain http and would pass the proxy from HTTP_PROXY in readable form; use an https base URL, or list the host in NO_PROXY if it is on your own network`,
    }
  return { kind: 'proxy', proxy: through }
}
