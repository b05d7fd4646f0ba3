/**
 * HTTP_PROXY / HTTPS_PROXY / NO_PROXY, read from an injected environment (the CLI's, or the
 * app's) rather than from process.env, so tests and the app decide. `proxyFor` mirrors the
 * rules undici's EnvHttpProxyAgent applies, so a connect failure can be blamed on the proxy.
 */

export interface ProxySettings {
  /** '' when none: undici then uses no proxy (undefined would make it read process.env). */
  readonly httpProxy: string
  readonly httpsProxy: string
  readonly noProxy: string
}

type Env = Readonly<Record<string, string | undefined>>

const pick = (env: Env, name: string): string => (env[name.toLowerCase()] ?? env[name] ?? '').trim()

export function proxySettingsFromEnv(env: Env): ProxySettings {
  const httpProxy = pick(env, 'HTTP_PROXY')
  // undici falls back to the HTTP proxy for https targets when HTTPS_PROXY is unset.
  return { httpProxy, httpsProxy: pick(env, 'HTTPS_PROXY') || httpProxy, noProxy: pick(env, 'NO_PROXY') }
}

export const hasProxy = (settings: ProxySettings): boolean => settings.httpProxy !== '' || settings.httpsProxy !== ''

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80'
}

function bypassed(url: URL, noProxy: string): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '')
  const port = url.port || defaultPort(url.protocol)
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase()
    if (entry === '') continue
    if (entry === '*') return true
    const [name = '', entryPort] = entry.replace(/^\*?\./, '').split(/:(?=\d+$)/)
    if (entryPort !== undefined && entryPort !== port) continue
    if (host === name || host.endsWith(`.${name}`)) return true
  }
  return false
}

/** The proxy URL a request to `url` goes through, or null when it goes direct. */
export function proxyFor(url: URL, settings: ProxySettings): string | null {
  const proxy = url.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy
  if (proxy === '' || bypassed(url, settings.noProxy)) return null
  return proxy
}
