/**
 * Wizard steps that do not depend on the provider: fixing a pasted value, the network,
 * proxies and TLS, the clock, and waiting out the provider. Provider folders add their own.
 */
import type { CauseCode } from '../../shared/causes'
import type { KnowledgeStep, Verdict } from './types'

export const step = (id: string, title: string, text: string): KnowledgeStep => ({ id, title, text })

/** Steps by id. */
export function knowledgeBase(steps: ReadonlyArray<KnowledgeStep>): Readonly<Record<string, KnowledgeStep>> {
  return Object.fromEntries(steps.map((s) => [s.id, s]))
}

/** A verdict's wizard steps from a cause → step ids table. */
export function stepsByCause(table: Partial<Record<CauseCode, ReadonlyArray<string>>>): (verdict: Verdict) => ReadonlyArray<string> {
  return (verdict) => table[verdict.cause] ?? []
}

export const COMMON_KNOWLEDGE = knowledgeBase([
  step('common.fill-required', 'Fill in every required field', 'A required credential is empty. Copy it again from the provider and fill it in.'),
  step(
    'common.fix-paste',
    'Re-copy the value exactly',
    'Paste the value alone: no spaces or line breaks around it, no quotes, no "Bearer " or NAME= prefix, and check it is in the right field.',
  ),
  step('common.check-base-url', 'Check the base URL', 'Compare the base URL with the provider’s documented one: scheme, host, port and path prefix.'),
  step('network.check-dns', 'Check the host name', 'The host name does not resolve. Check it for typos, then your DNS and VPN.'),
  step('network.check-connectivity', 'Check the connection', 'Check that this computer reaches the host: firewall, VPN, or a service that is down.'),
  step('network.check-proxy', 'Check the proxy settings', 'Check HTTPS_PROXY, HTTP_PROXY and NO_PROXY, and whether the proxy needs its own login.'),
  step(
    'network.tls-interception',
    'Possible TLS interception',
    'The certificate was signed by an issuer this computer does not trust. A company proxy or security software may be inspecting TLS: ask IT for its CA certificate and add it as an extra CA, or check on another network.',
  ),
  step('network.tls-certificate', 'Check TLS', 'The TLS handshake failed: an https URL to a plain-http port, a wrong host name, or an expired certificate.'),
  step('network.captive-portal', 'Check for a captive portal', 'An HTML page came back instead of the API: log in to the network (hotel, guest Wi-Fi) or check the proxy.'),
  step('provider.retry-later', 'Try again later', 'The provider is busy, rate-limiting or down. Nothing is wrong with the credential; check again in a few minutes.'),
  step('provider.status-page', 'Check the provider’s status', 'If it persists, check the provider’s status page or contact its support with the time of the check.'),
  step('clock.sync', 'Synchronise the clock', 'This computer’s clock differs from the provider’s by minutes. Turn on automatic time synchronisation (NTP).'),
  step(
    'common.secret-unavailable',
    'Enter the secrets again',
    'The account’s secrets could not be read from the OS keychain: the item was removed, the keyring is locked, or this is another keyring. Unlock the keychain, or enter the secrets again.',
  ),
  step('request.report', 'Report the rejected request', 'The provider refused the probe request itself. Export a support bundle and send it to AuthDesk’s maintainers.'),
])

const BY_CAUSE: Partial<Record<CauseCode, ReadonlyArray<string>>> = {
  'credentials.missing': ['common.fill-required'],
  'credentials.malformed': ['common.fix-paste'],
  'endpoint.not_found': ['common.check-base-url'],
  'clock.skew': ['clock.sync'],
  rate_limited: ['provider.retry-later'],
  'server.error': ['provider.retry-later', 'provider.status-page'],
  'server.unavailable': ['provider.retry-later', 'provider.status-page'],
  'network.dns': ['network.check-dns', 'common.check-base-url'],
  'network.refused': ['network.check-connectivity', 'common.check-base-url'],
  'network.timeout': ['network.check-connectivity', 'provider.retry-later'],
  'network.proxy': ['network.check-proxy'],
  'network.reset': ['network.check-connectivity', 'provider.retry-later'],
  'response.malformed': ['network.captive-portal', 'common.check-base-url', 'provider.retry-later'],
  'request.rejected': ['request.report'],
  'config.invalid': ['common.check-base-url', 'network.check-proxy'],
  'secret.unavailable': ['common.secret-unavailable'],
}

export function commonSteps(verdict: Verdict): ReadonlyArray<string> {
  if (verdict.cause === 'network.tls') return verdict.evidence.possibleInterception ? ['network.tls-interception'] : ['network.tls-certificate', 'common.check-base-url']
  return BY_CAUSE[verdict.cause] ?? []
}
