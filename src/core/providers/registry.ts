import type { ProviderId } from '../../shared/model'
import { AppError } from '../errors'
import { authmatechModule } from './authmatech/module'
import { groupcallModule } from './groupcall/module'
import { missingProviderModule } from './missing-provider'
import type { ProviderModule } from './module'
import { nmbrsModule } from './nmbrs/module'
import { smsGateModule } from './smsgate/module'
import type { ProviderDefinition } from './types'

/** Every built-in provider, in the order simulators take ports; adding one is one folder and one line here. */
const BUILT_IN: ReadonlyArray<ProviderModule> = [groupcallModule, nmbrsModule, smsGateModule, authmatechModule]

const builtIn = new Map<string, ProviderModule>(BUILT_IN.map((m) => [m.definition.id, m]))
/** Where custom modules come from: the data directory's definition files, or the Demo workspace's own. */
export type CustomSource = 'data-dir' | 'demo'
const custom = new Map<CustomSource, ReadonlyMap<string, ProviderModule>>()

/** Replaces one source's custom providers; an id a built-in (or the data directory) has stays theirs. */
export function setCustomModules(modules: ReadonlyArray<ProviderModule>, source: CustomSource = 'data-dir'): void {
  custom.set(source, new Map(modules.filter((m) => !builtIn.has(m.definition.id)).map((m) => [m.definition.id, m])))
}

function customModule(id: string): ProviderModule | undefined {
  return custom.get('data-dir')?.get(id) ?? custom.get('demo')?.get(id)
}

/** The source of a custom provider, or null for a built-in or an unknown id. */
export function customSourceOf(id: string): CustomSource | null {
  if (builtIn.has(id)) return null
  return custom.get('data-dir')?.has(id) ? 'data-dir' : custom.get('demo')?.has(id) ? 'demo' : null
}

export function builtInModules(): ReadonlyArray<ProviderModule> {
  return BUILT_IN
}

export function providerModules(): ReadonlyArray<ProviderModule> {
  const own = [...(custom.get('data-dir')?.values() ?? [])]
  const demo = [...(custom.get('demo')?.values() ?? [])].filter((m) => !own.some((o) => o.definition.id === m.definition.id))
  return [...BUILT_IN, ...own, ...demo]
}

export function findProviderModule(id: string): ProviderModule | undefined {
  return builtIn.get(id) ?? customModule(id)
}

/** The module of `id`; for an id no module has (a removed definition), one whose check says so and sends nothing. */
export function providerModule(id: ProviderId): ProviderModule {
  return findProviderModule(id) ?? missingProviderModule(id)
}

/** Refuses an id no module has, naming the fix (new accounts, imports). */
export function requireKnownProvider(id: ProviderId): ProviderModule {
  const found = findProviderModule(id)
  if (!found) throw new AppError('provider.unknown', `Provider "${id}" is not known here: add its definition first (authdesk providers add FILE, or the Providers screen).`, { field: 'provider' })
  return found
}

export function providerDefinition(id: ProviderId): ProviderDefinition {
  return providerModule(id).definition
}

/** By the convention's provider token (`NMBRS`), case-insensitive. */
export function providerByEnvName(token: string): ProviderDefinition | undefined {
  return providerModules().find((m) => m.definition.envName === token.toUpperCase())?.definition
}
