/**
 * Reading a definition file: size limit, YAML (JSON is YAML too), the zod schema, then the
 * semantic lint. Every problem carries the JSON path, the line and the fix; a definition with
 * an error is never returned, so nothing built on it can be saved.
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml'
import { definitionSchema, type ProviderDefinitionFile } from './schema'
import { lintDefinition } from './lint-definition'

export const MAX_DEFINITION_BYTES = 256 * 1024

export interface DefinitionProblem {
  readonly severity: 'error' | 'warning'
  /** JSON path into the file, e.g. `probe[0].rules[2].cause`; '' for the whole file. */
  readonly path: string
  /** 1-based; null when the place cannot be found in the text. */
  readonly line: number | null
  readonly message: string
  readonly fix: string
}

export type PathSegment = string | number

export type LoadResult =
  | { readonly ok: true; readonly definition: ProviderDefinitionFile; readonly warnings: ReadonlyArray<DefinitionProblem>; readonly locate: Locate }
  | { readonly ok: false; readonly problems: ReadonlyArray<DefinitionProblem> }

export function formatPath(path: ReadonlyArray<PathSegment>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out === '' ? part : `${out}.${part}`), '')
}

/** The node a path names; for a map member, its key (a block value starts on the line after it). */
function nodeAt(document: Document, path: ReadonlyArray<PathSegment>): unknown {
  if (path.length === 0) return document.contents
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true)
  const last = path[path.length - 1]
  if (isMap(parent)) return parent.items.find((pair) => isScalar(pair.key) && pair.key.value === last)?.key
  return document.getIn(path, true)
}

/** Finds the line of a path, or of its nearest parent that exists in the text. */
function lineOf(document: Document, counter: LineCounter, path: ReadonlyArray<PathSegment>): number | null {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = nodeAt(document, path.slice(0, length))
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line
  }
  return null
}

export type Locate = (path: ReadonlyArray<PathSegment>) => number | null

function fail(problems: DefinitionProblem[]): LoadResult {
  return { ok: false, problems }
}

const wholeFile = (message: string, fix: string, line: number | null = null): DefinitionProblem => ({ severity: 'error', path: '', line, message, fix })

export function loadDefinition(text: string): LoadResult {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_DEFINITION_BYTES) {
    return fail([wholeFile(`The file is ${bytes} bytes; a definition may be at most ${MAX_DEFINITION_BYTES} bytes.`, 'Shorten the example bodies: an example needs only the members the rules read.')])
  }
  const counter = new LineCounter()
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true })
  if (document.errors.length > 0) {
    return fail(
      document.errors.map((error) =>
        wholeFile(`Not valid YAML or JSON: ${error.message.split('\n')[0]}`, 'Fix the syntax at this line (indentation, quotes, a missing colon).', counter.linePos(error.pos[0]).line),
      ),
    )
  }
  const locate: Locate = (path) => lineOf(document, counter, path)
  const parsed = definitionSchema.safeParse(document.toJS({ maxAliasCount: 50 }))
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol')
        return { severity: 'error', path: formatPath(path), line: locate(path), message: issue.message, fix: fixFor(issue.code, path) }
      }),
    )
  }
  const problems = lintDefinition(parsed.data, locate)
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) return fail(problems)
  return { ok: true, definition: parsed.data, warnings: problems, locate }
}

function fixFor(code: string, path: ReadonlyArray<PathSegment>): string {
  const where = formatPath(path) || 'the file'
  switch (code) {
    case 'unrecognized_keys':
      return `Remove the keys ${where} does not know, or check their spelling against docs/schema/provider-v1.schema.json.`
    case 'invalid_type':
      return `Give ${where} a value of the type the schema asks for.`
    case 'invalid_union':
      return `Set ${where} to one of the forms docs/providers/custom.md lists.`
    default:
      return `Correct ${where} as the message says.`
  }
}
