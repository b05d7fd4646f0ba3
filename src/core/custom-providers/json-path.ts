/**
 * A small, closed JSONPath subset for rule conditions: `$`, `.name`, `['name']`, `[0]`, `[*]`
 * and `[?(@.a.b == literal)]` / `!=` (string, number, true, false, null). Nothing is evaluated
 * as code. A path selects zero or more values.
 */
export type Literal = string | number | boolean | null

type Segment =
  | { readonly kind: 'member'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'all' }
  | { readonly kind: 'filter'; readonly members: ReadonlyArray<string>; readonly negate: boolean; readonly value: Literal }

export class JsonPathError extends Error {}

const MEMBER = /^\.([A-Za-z_$][\w$-]*)/
const QUOTED = /^\[\s*'((?:[^'\\]|\\.)*)'\s*\]/
const INDEX = /^\[\s*(\d{1,6})\s*\]/
const ALL = /^(\[\s*\*\s*\]|\.\*)/
const FILTER = /^\[\s*\?\(\s*@((?:\.[A-Za-z_$][\w$-]*)+)\s*(==|!=)\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)\s*\)\s*\]/

function literal(text: string): Literal {
  if (text === 'true') return true
  if (text === 'false') return false
  if (text === 'null') return null
  if (text.startsWith("'") || text.startsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1')
  return Number(text)
}

export function parseJsonPath(path: string): ReadonlyArray<Segment> {
  if (!path.startsWith('$')) throw new JsonPathError('must start with $')
  const segments: Segment[] = []
  let rest = path.slice(1)
  while (rest.length > 0) {
    let m: RegExpExecArray | null
    if ((m = ALL.exec(rest))) segments.push({ kind: 'all' })
    else if ((m = MEMBER.exec(rest))) segments.push({ kind: 'member', name: m[1]! })
    else if ((m = QUOTED.exec(rest))) segments.push({ kind: 'member', name: m[1]!.replace(/\\(.)/g, '$1') })
    else if ((m = INDEX.exec(rest))) segments.push({ kind: 'index', index: Number(m[1]) })
    else if ((m = FILTER.exec(rest))) segments.push({ kind: 'filter', members: m[1]!.slice(1).split('.'), negate: m[2] === '!=', value: literal(m[3]!) })
    else throw new JsonPathError(`cannot read "${rest.slice(0, 20)}": use .name, ['name'], [0], [*] or [?(@.name == 'value')]`)
    rest = rest.slice(m[0].length)
  }
  return segments
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function memberOf(value: unknown, name: string): unknown[] {
  return isRecord(value) && Object.prototype.hasOwnProperty.call(value, name) ? [value[name]] : []
}

function dig(value: unknown, members: ReadonlyArray<string>): unknown {
  let current: unknown = value
  for (const name of members) {
    if (!isRecord(current) || !Object.prototype.hasOwnProperty.call(current, name)) return undefined
    current = current[name]
  }
  return current
}

function step(values: unknown[], segment: Segment): unknown[] {
  return values.flatMap((value) => {
    switch (segment.kind) {
      case 'member':
        return memberOf(value, segment.name)
      case 'index':
        return Array.isArray(value) && segment.index < value.length ? [value[segment.index]] : []
      case 'all':
        return Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : []
      case 'filter': {
        const items = Array.isArray(value) ? value : []
        return items.filter((item) => (dig(item, segment.members) === segment.value) !== segment.negate)
      }
    }
  })
}

export function selectJson(document: unknown, path: ReadonlyArray<Segment>): unknown[] {
  return path.reduce<unknown[]>((values, segment) => step(values, segment), [document])
}
