/**
 * The app's network setting (extra CA certificates), kept in `network.json` in the data dir,
 * and the facts `info` and the Security screen show: which CA files are trusted besides the
 * built-in list, which proxy applies, and that NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored.
 */
import { join } from 'node:path'
import { z } from 'zod'
import type { NetworkTrust } from '../../shared/model'
import { JsonDocument } from '../json-document'
import { proxySettingsFromEnv } from './proxy-config'
import { loadTlsTrust, readCaFile, type TlsTrust } from './tls-trust'

export const NETWORK_SETTINGS_FILE = 'network.json'

const settingsSchema = z.object({ caFile: z.string().min(1).max(4096).nullable() })
export type NetworkSettings = z.infer<typeof settingsSchema>

type Env = Readonly<Record<string, string | undefined>>

export class NetworkSettingsStore {
  private readonly document: JsonDocument<Partial<NetworkSettings>>

  constructor(dataDir: string) {
    this.document = new JsonDocument(join(dataDir, NETWORK_SETTINGS_FILE), () => ({}))
  }

  async load(): Promise<NetworkSettings> {
    const parsed = settingsSchema.safeParse(await this.document.read())
    return parsed.success ? parsed.data : { caFile: null }
  }

  /** Checks the file before saving it: a path that holds no certificate is refused with the reason. */
  async setCaFile(path: string | null): Promise<void> {
    if (path !== null) readCaFile(path, 'setting')
    await this.document.update((stored) => Object.assign(stored, { caFile: path }))
  }
}

/** A proxy URL as shown: without any user name or password it carries. */
function shownProxy(value: string): string {
  if (value === '') return ''
  try {
    const url = new URL(value)
    url.username = ''
    url.password = ''
    return url.toString().replace(/\/$/, '')
  } catch {
    return '(not a valid URL)'
  }
}

export function networkTrustFacts(trust: TlsTrust, env: Env, savedCaFile: string | null): NetworkTrust {
  const proxy = proxySettingsFromEnv(env)
  return {
    extraCaFiles: trust.extraCaFiles,
    savedCaFile,
    problems: trust.problems,
    ignoredTlsOverride: trust.ignoredTlsOverride,
    proxy: { https: shownProxy(proxy.httpsProxy), http: shownProxy(proxy.httpProxy), noProxy: proxy.noProxy },
  }
}

/** The trust for this process: the CLI's --ca-file wins over the app's setting. */
export async function resolveTlsTrust(store: NetworkSettingsStore, flagCaFile: string | null, env: Env): Promise<TlsTrust> {
  if (flagCaFile) return loadTlsTrust({ caFile: { path: flagCaFile, source: 'flag' }, env })
  const { caFile } = await store.load()
  return loadTlsTrust({ caFile: caFile ? { path: caFile, source: 'setting' } : null, env })
}
