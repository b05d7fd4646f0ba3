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
  step('common.fill-required', 'Fill in every required field', 'A required credential is empty. Get it again from the provider (or whoever manages the account there) and fill it in.'),
  step(
    'common.fix-paste',
    'Re-copy the value exactly',
    'Copy the value again and paste it alone into its own field: no spaces or line breaks around it, no quotes, and no name or label in front of it (such as "Bearer " or TOKEN=).',
  ),
  step(
    'common.check-base-url',
    'Check the base URL',
    'Compare the account’s base URL with the address the provider (or your company’s IT, for a server of your own) gives: https or http, the server name, any port number, and the path after it.',
  ),
  step('network.check-dns', 'Check the server name', 'This computer cannot find the server by its name. Check the name for typos, then whether a VPN is needed to reach it.'),
  step('network.check-connectivity', 'Check the connection', 'This computer does not reach the server. Check that it is online, whether a VPN or firewall blocks the connection, or whether the service is down.'),
  step(
    'network.check-proxy',
    'Check the proxy settings',
    'A proxy stands between this computer and the provider. Ask IT which proxy to use (the HTTPS_PROXY, HTTP_PROXY and NO_PROXY settings AuthDesk was started with) and whether it needs its own login.',
  ),
  step(
    'network.tls-interception',
    'Possible TLS interception',
    'The server’s certificate was signed by an issuer this computer does not trust. A company proxy or security software may be inspecting secure connections: ask IT for its CA certificate and choose it under Security → Extra CA certificates, or try from another network.',
  ),
  step(
    'network.tls-certificate',
    'Check the secure connection',
    'The secure (TLS) connection failed: the base URL may use https for a server that only speaks http, name the server wrongly, or the server’s certificate has expired.',
  ),
  step('network.captive-portal', 'Check for a login page', 'A web page came back instead of the provider’s answer: log in to the network first (hotel or guest Wi-Fi), or ask IT about the proxy.'),
  step('provider.retry-later', 'Try again later', 'The provider is busy, limiting requests or down. Nothing is wrong with the credential; check again in a few minutes.'),
  step('provider.status-page', 'Check the provider’s status', 'If it persists, look at the provider’s status page or contact its support with the time of the check.'),
  step('clock.sync', 'Set the clock right', 'This computer’s clock differs from the provider’s by minutes. Turn on automatic date and time in the system settings.'),
  step(
    'common.secret-unavailable',
    'Enter the secrets again',
    'The account’s secrets could not be read from the system keychain: the entry was removed, the keychain is locked, or this is another user’s keychain. Unlock the keychain, or enter the secrets again in the account.',
  ),
  step('request.report', 'Report the rejected request', 'The provider refused AuthDesk’s own check request. Create a support bundle and send it to AuthDesk’s maintainers.'),
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
