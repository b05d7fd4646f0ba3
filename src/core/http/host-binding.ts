/**
 * Host binding: a credential goes only to its provider environment's hosts, or to the
 * custom base URL saved on its account, and only under that base URL's path. A redirect
 * that would carry a credential is followed only within the same origin. Pure policy: the
 * HTTP client asks before every request and every redirect.
 */
import type { Environment } from '../../shared/model'
import { environmentOf, type ProviderDefinition } from '../providers/types'

/**
 * What binding reads of a provider: a built-in's definition, or a custom provider's
 * (src/core/custom-providers), whose id is not one of the built-in ids.
 */
export type BindingProvider = Pick<ProviderDefinition, 'label' | 'environments'> & { readonly id: string }

export interface CredentialBinding {
  readonly definition: BindingProvider
  readonly environment: Environment
  /** The account's saved custom base URL, or null for the environment's default. */
  readonly baseUrl: string | null
  /** The account opted in to plain HTTP on its local network (see `mayUsePlainHttp`). */
  readonly allowPrivateHttp?: boolean
}

export type BindingDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string }

const ALLOW: BindingDecision = { allowed: true }
const refuse = (reason: string): BindingDecision => ({ allowed: false, reason })

const MAX_URL_LENGTH = 2048

function parse(url: string | URL, base?: URL): URL | null {
  try {
    return new URL(url, base)
  } catch {
    return null
  }
}

const hostOf = (url: URL): string => url.hostname.toLowerCase().replace(/\.$/, '')

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/** RFC 1918 (10/8, 172.16/12, 192.168/16) and link-local (169.254/16, fe80::/10) addresses, and mDNS `*.local` names. */
export function isPrivateNetworkHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])]
    if (v4.slice(1).some((part) => Number(part) > 255)) return false
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
  }
  if (host.includes(':')) return /^fe[89ab][0-9a-f]?:/.test(host)
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.local$/.test(host)
}

/**
 * May a credential travel over plain http:// to this host? Loopback always (it never leaves
 * the computer); a private-network address only when the account explicitly opted in (the
 * phone's local server); a public address never.
 */
export function mayUsePlainHttp(hostname: string, optedIn: boolean): BindingDecision {
  if (isLoopbackHost(hostname)) return ALLOW
  if (!isPrivateNetworkHost(hostname)) return refuse(`plain http:// is never used for a public address (${hostname})`)
  return optedIn ? ALLOW : refuse(`plain http:// to ${hostname} needs the account's opt-in "allow unencrypted HTTP on my local network"`)
}

/** Whether a host name is one the provider itself lists, in any of its environments. */
export function isProviderHost(definition: Pick<ProviderDefinition, 'environments'>, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  return definition.environments.some((e) => e.hosts.includes(host))
}

/**
 * Checks the shape of a base URL a user wants to save and returns it normalised (no
 * trailing slash), or what is wrong with it, in words that do not repeat it.
 */
export function normaliseBaseUrl(value: string, options: { readonly allowPrivateHttp?: boolean } = {}): { readonly url: string } | { readonly problem: string } {
  if (value.length > MAX_URL_LENGTH) return { problem: `must be at most ${MAX_URL_LENGTH} characters` }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(value)) return { problem: 'must not contain spaces, line breaks or control characters' }
  const url = parse(value)
  if (!url || !url.hostname) return { problem: 'must be a full URL such as https://api.example.com/path' }
  if (url.protocol === 'http:') {
    const plain = mayUsePlainHttp(url.hostname, options.allowPrivateHttp === true)
    if (!plain.allowed)
      return isPrivateNetworkHost(url.hostname)
        ? { problem: 'uses plain http:// to a local-network address: turn on "allow unencrypted HTTP on my local network" for this account, or use https://' }
        : { problem: 'must start with https:// (plain http:// is accepted only for localhost, 127.0.0.1 and, with the account’s opt-in, a private-network address)' }
  } else if (url.protocol !== 'https:') return { problem: 'must start with https://' }
  if (url.username || url.password) return { problem: 'must not contain a user name or password; put credentials in their own fields' }
  if (url.search || url.hash) return { problem: 'must not contain a query (?…) or fragment (#…)' }
  const path = url.pathname.replace(/\/+$/, '')
  return { url: `${url.protocol}//${url.host}${path}` }
}

/** The base URL requests of this binding are built on. */
export function effectiveBaseUrl(binding: CredentialBinding): string | null {
  return binding.baseUrl ?? environmentOf(binding.definition, binding.environment)?.baseUrl ?? null
}

function underPath(url: URL, base: URL): boolean {
  const prefix = base.pathname.replace(/\/+$/, '')
  return prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)
}

/** May a request to `target` carry this binding's credential? */
export function mayReceiveCredential(binding: CredentialBinding, target: string | URL): BindingDecision {
  const url = parse(target)
  if (!url) return refuse('the request URL is not a valid URL')
  if (url.username || url.password) return refuse('the request URL carries a user name or password')
  if (binding.baseUrl !== null) {
    const base = parse(binding.baseUrl)
    if (!base) return refuse('the account’s saved base URL is not a valid URL')
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse(`${url.origin} is neither https nor http`)
    if (url.protocol === 'http:') {
      const plain = mayUsePlainHttp(url.hostname, binding.allowPrivateHttp === true)
      if (!plain.allowed) return plain
    }
    if (url.origin !== base.origin) return refuse(`${url.origin} is not the account’s saved base URL ${base.origin}`)
    return underPath(url, base) ? ALLOW : refuse(`the path is outside the account’s base URL ${base.origin}${base.pathname}`)
  }
  const env = environmentOf(binding.definition, binding.environment)
  if (!env) return refuse(`${binding.definition.label} has no ${binding.environment} environment`)
  if (url.protocol !== 'https:' || url.port !== '') return refuse(`${url.origin} is not https on the default port`)
  if (!env.hosts.includes(hostOf(url))) return refuse(`${url.hostname} is not a ${binding.definition.label} ${env.label} host (${env.hosts.join(', ')})`)
  const base = parse(env.baseUrl)
  return base && underPath(url, base) ? ALLOW : refuse(`the path is outside ${env.baseUrl}`)
}

/**
 * May the client follow a redirect from `from` to `to`? Without a credential on the request,
 * always; with one, only to the same origin (scheme, host and port) and still within the
 * binding. `to` may be relative (a Location header). The client must not re-add credentials
 * to a redirect this refuses.
 */
export function mayFollowRedirect(binding: CredentialBinding, from: string | URL, to: string | URL, carriesCredential: boolean): BindingDecision {
  if (!carriesCredential) return ALLOW
  const source = parse(from)
  const target = source && parse(to, source)
  if (!source || !target) return refuse('the redirect URL is not a valid URL')
  if (source.origin !== target.origin) return refuse(`a redirect to another origin (${target.origin}) would carry the credential`)
  return mayReceiveCredential(binding, target)
}
