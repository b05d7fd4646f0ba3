/**
 * Definition files on disk: one read with the size limit checked first, a directory of them
 * (`<data-dir>/providers/` by default), and the checks across definitions: an id or variable
 * token that another definition, or a built-in provider, already uses.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { writeFileAtomic } from '../vault/durable-file'
import { builtInModules } from '../providers/registry'
import { loadDefinition, MAX_DEFINITION_BYTES, type DefinitionProblem, type LoadResult, type Locate } from './load'
import type { ProviderDefinitionFile } from './schema'

export const DEFINITION_EXTENSIONS = ['.yaml', '.yml', '.json']

export class DefinitionFileError extends Error {
  override readonly name = 'DefinitionFileError'
}

export function providersDir(dataDir: string): string {
  return join(dataDir, 'providers')
}

export async function readDefinitionFile(path: string): Promise<LoadResult> {
  return (await readDefinitionText(path)).result
}

async function readDefinitionText(path: string): Promise<{ readonly text: string; readonly result: LoadResult }> {
  let size: number
  try {
    size = (await stat(path)).size
  } catch {
    throw new DefinitionFileError(`cannot read ${path}: no such file (check the path).`)
  }
  if (size > MAX_DEFINITION_BYTES) {
    const problem: DefinitionProblem = {
      severity: 'error',
      path: '',
      line: null,
      message: `The file is ${size} bytes; a definition may be at most ${MAX_DEFINITION_BYTES} bytes.`,
      fix: 'Shorten the example bodies: an example needs only the members the rules read.',
    }
    return { text: '', result: { ok: false, problems: [problem] } }
  }
  const text = await readFile(path, 'utf8')
  return { text, result: loadDefinition(text) }
}

export interface DefinitionEntry {
  readonly file: string
  readonly result: LoadResult
}

export async function readDefinitionDir(dir: string): Promise<DefinitionEntry[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const files = names.filter((n) => DEFINITION_EXTENSIONS.some((ext) => n.toLowerCase().endsWith(ext))).sort()
  return Promise.all(files.map(async (name) => ({ file: join(dir, name), result: await readDefinitionFile(join(dir, name)) })))
}

const BUILT_IN_TOKENS = new Map(builtInModules().map(({ definition: p }) => [p.envName, p.label]))

/** Problems of `definition` against the built-ins and the other definitions given. */
export function crossCheck(
  definition: ProviderDefinitionFile,
  locate: Locate,
  others: ReadonlyArray<{ readonly file: string; readonly definition: ProviderDefinitionFile }>,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  const idLine = locate(['id'])
  const tokenLine = locate(['envToken'])
  const builtIn = BUILT_IN_TOKENS.get(definition.envToken)
  if (builtIn) {
    problems.push({ severity: 'error', path: 'envToken', line: tokenLine, message: `envToken ${definition.envToken} is the variable token of the built-in provider ${builtIn}.`, fix: 'Choose another token: variables must name one provider.' })
  }
  for (const other of others) {
    if (other.definition.id === definition.id) {
      problems.push({ severity: 'error', path: 'id', line: idLine, message: `id "${definition.id}" is also the id of ${other.file}.`, fix: 'Give each definition its own id (or remove the older file).' })
    }
    if (other.definition.envToken === definition.envToken) {
      problems.push({ severity: 'error', path: 'envToken', line: tokenLine, message: `envToken ${definition.envToken} is also the token of ${other.file}.`, fix: 'Give each definition its own variable token.' })
    }
  }
  return problems
}

export type AddOutcome =
  | { readonly ok: true; readonly id: string; readonly path: string; readonly warnings: ReadonlyArray<DefinitionProblem> }
  | { readonly ok: false; readonly problems: ReadonlyArray<DefinitionProblem> }

/**
 * Saves a definition into `dir` as `<id>.yaml|json`, its text unchanged (comments and sources
 * kept), only when it has no error, also against the built-ins and the definitions already there.
 */
export async function addDefinition(dir: string, source: string): Promise<AddOutcome> {
  const { text, result } = await readDefinitionText(source)
  return saveDefinition(dir, text, result, extname(source).toLowerCase() === '.json' ? '.json' : '.yaml')
}

/** The same, for pasted text (saved as YAML, which JSON is too). */
export function addDefinitionText(dir: string, text: string): Promise<AddOutcome> {
  return saveDefinition(dir, text, loadDefinition(text), '.yaml')
}

async function saveDefinition(dir: string, text: string, result: LoadResult, extension: string): Promise<AddOutcome> {
  if (!result.ok) return result
  const existing = (await readDefinitionDir(dir)).flatMap((e) => (e.result.ok ? [{ file: e.file, definition: e.result.definition }] : []))
  const clashes = crossCheck(result.definition, result.locate, existing)
  if (clashes.length > 0) return { ok: false, problems: [...clashes, ...result.warnings] }
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const path = join(dir, `${result.definition.id}${extension}`)
  await writeFileAtomic(path, text)
  return { ok: true, id: result.definition.id, path, warnings: result.warnings }
}

/** Removes the definition with this id from `dir`; the file it was in, or null when none has it. */
export async function removeDefinition(dir: string, id: string): Promise<string | null> {
  const entry = (await readDefinitionDir(dir)).find((e) => e.result.ok && e.result.definition.id === id)
  if (!entry) return null
  await unlink(entry.file)
  return entry.file
}
