/**
 * Gathers the environment facts a bundle reports. Proxy variables are reported by name with
 * the proxy's scheme and host only: never its credentials or path.
 */
import { arch, release, type } from 'node:os'
import type { SecretStorageStatus } from '../../shared/model'
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

/** As the HTTP client reads them (core/http/proxy-config): lower case wins, then upper case. */
const pick = (env: Env, name: string): string => (env[name.toLowerCase()] ?? env[name] ?? '').trim()

export function proxySettings(env: Env): ProxySetting[] {
  const out: ProxySetting[] = []
  for (const variable of ['HTTPS_PROXY', 'HTTP_PROXY']) {
    const value = pick(env, variable)
    if (value) out.push({ variable, value: proxyHost(value) })
  }
  const noProxy = pick(env, 'NO_PROXY')
  if (noProxy) out.push({ variable: 'NO_PROXY', value: noProxy.split(/[,\s]+/).filter(Boolean).join(',') })
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
