/**
 * Gathers the environment facts a bundle reports. Proxy variables are reported by name with
 * the proxy's scheme and host only: never its credentials or path.
 */
import { arch, release, type } from 'node:os'
import type { SecretStorageStatus } from '../../shared/model'
import { proxySettingsFromEnv } from '../http/proxy-config'
import type { EnvironmentFacts, ProxySetting } from './types'

export interface EnvironmentSource {
  readonly appVersion: string
  readonly secretStorage: SecretStorageStatus
  readonly electron?: string | null
  readonly env?: Env
  readonly now?: () => Date
  readonly timeZone?: string
}

/** `http://proxy.corp.example:3128` from a proxy URL, whatever credentials or path it carries. */
export function proxyHost(value: string): string {
  try {
    const url = new URL(value.includes('://') ? value : `http://${value}`)
    return `${url.protocol}//${url.host}`
  } catch {
    return '(set, but not a URL)'
  }
}

type Env = Readonly<Record<string, string | undefined>>

/** The proxies the HTTP client itself uses (core/http/proxy-config), by the variable they serve. */
export function proxySettings(env: Env): ProxySetting[] {
  const settings = proxySettingsFromEnv(env)
  const out: ProxySetting[] = []
  if (settings.httpsProxy) out.push({ variable: 'HTTPS_PROXY', value: proxyHost(settings.httpsProxy) })
  if (settings.httpProxy) out.push({ variable: 'HTTP_PROXY', value: proxyHost(settings.httpProxy) })
  if (settings.noProxy) out.push({ variable: 'NO_PROXY', value: settings.noProxy.split(/[,\s]+/).filter(Boolean).join(',') })
  return out
}

export function collectEnvironment(source: EnvironmentSource): EnvironmentFacts {
  return {
    appVersion: source.appVersion,
    os: `${type()} ${release()} ${arch()}`,
    node: process.versions.node,
    electron: source.electron ?? null,
    secretStorage: { backend: source.secretStorage.backend, persistent: source.secretStorage.persistent, reason: source.secretStorage.reason },
    proxy: proxySettings(source.env ?? process.env),
    timeZone: source.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    generatedAt: (source.now?.() ?? new Date()).toISOString(),
  }
}
