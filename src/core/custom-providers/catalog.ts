/**
 * The app's Providers screen over core: the built-ins and the definitions in
 * `<data-dir>/providers/`, adding one from pasted text (all its problems at once, nothing saved
 * on an error) and removing one no account uses. Every change re-registers the custom modules.
 */
import { basename } from 'node:path'
import type { ProviderAddResult, ProviderCatalogEntry } from '../../shared/provider-catalog'
import { AppError } from '../errors'
import { builtInModules } from '../providers/registry'
import { accountLabelsUsing } from '../vault/provider-usage'
import { addDefinitionText, crossCheck, providersDir, removeDefinition, type DefinitionEntry } from './definition-files'
import { installCustomProviders } from './install'

function customEntry(entry: DefinitionEntry, all: ReadonlyArray<DefinitionEntry>): ProviderCatalogEntry {
  const file = basename(entry.file)
  if (!entry.result.ok) return { id: null, name: null, envToken: null, origin: 'custom', file, hosts: [], problems: entry.result.problems }
  const d = entry.result.definition
  const earlier = all.slice(0, all.indexOf(entry)).flatMap((e) => (e.result.ok ? [{ file: basename(e.file), definition: e.result.definition }] : []))
  const problems = [...crossCheck(d, entry.result.locate, earlier), ...entry.result.warnings]
  return { id: d.id, name: d.name, envToken: d.envToken, origin: 'custom', file, hosts: [...new Set(d.environments.flatMap((e) => e.hosts))], problems }
}

export class ProviderCatalog {
  constructor(private readonly dataDir: string) {}

  async list(): Promise<ReadonlyArray<ProviderCatalogEntry>> {
    const custom = await installCustomProviders(this.dataDir)
    const builtIn = builtInModules().map(({ definition: d }): ProviderCatalogEntry => ({
      id: d.id,
      name: d.label,
      envToken: d.envName,
      origin: 'builtin',
      file: null,
      hosts: [...new Set(d.environments.flatMap((e) => e.hosts))],
      problems: [],
    }))
    return [...builtIn, ...custom.map((e) => customEntry(e, custom))]
  }

  async add(text: string): Promise<ProviderAddResult> {
    const outcome = await addDefinitionText(providersDir(this.dataDir), text)
    if (!outcome.ok) return { ok: false, problems: outcome.problems }
    await installCustomProviders(this.dataDir)
    const entry = (await this.list()).find((e) => e.id === outcome.id)
    return { ok: true, id: outcome.id, name: entry?.name ?? outcome.id, warnings: outcome.warnings }
  }

  async remove(id: string): Promise<{ readonly removed: string }> {
    const users = await accountLabelsUsing(this.dataDir, id)
    if (users.length > 0)
      throw new AppError('provider.in-use', `${users.length} account(s) use this provider (${users.slice(0, 5).join(', ')}): delete them first, then remove the provider.`, { field: 'id' })
    const removed = await removeDefinition(providersDir(this.dataDir), id)
    if (removed === null) throw new AppError('provider.not-found', `No custom provider has the id "${id}"; built-in providers cannot be removed.`, { field: 'id' })
    await installCustomProviders(this.dataDir)
    return { removed: id }
  }
}
