/**
 * The custom providers of a data directory, registered as provider modules: every valid
 * definition in `<data-dir>/providers/` that clashes with no built-in and no earlier file.
 * Accounts of these providers then live in the vault and are checked like built-ins'.
 */
import { setCustomModules } from '../providers/registry'
import { crossCheck, providersDir, readDefinitionDir, type DefinitionEntry } from './definition-files'
import { customProviderModule } from './module'
import type { ProviderDefinitionFile } from './schema'

export async function installCustomProviders(dataDir: string): Promise<ReadonlyArray<DefinitionEntry>> {
  const entries = await readDefinitionDir(providersDir(dataDir))
  const accepted: Array<{ readonly file: string; readonly definition: ProviderDefinitionFile }> = []
  for (const entry of entries) {
    if (entry.result.ok && crossCheck(entry.result.definition, entry.result.locate, accepted).length === 0) accepted.push({ file: entry.file, definition: entry.result.definition })
  }
  setCustomModules(accepted.map((a) => customProviderModule(a.definition)))
  return entries
}
