/**
 * A text with its escapes decoded, for finding a known secret however a provider escaped it:
 * JSON/JavaScript (`\uXXXX` for any character, `\/`, `\"`, `\n`…), HTML/XML entities (named,
 * decimal, hex) and percent-encoding (either hex case, UTF-8 runs). One view decodes all three
 * at once, so mixed forms (.NET's `\u002B` beside plain letters, `&#43;` in an otherwise plain
 * password) are found too; a view of a view undoes double escaping (JSON inside a HAR string).
 * Every decoded character remembers the whole escape it came from, so a match maps back to a
 * range of the original that never cuts an escape in half.
 */

/** Named entities that stand for characters a secret can hold (HTML's punctuation names among them). */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', plus: '+', sol: '/', bsol: '\\', equals: '=', colon: ':', semi: ';',
  comma: ',', period: '.', num: '#', percnt: '%', excl: '!', quest: '?', lpar: '(', rpar: ')', lsqb: '[', rsqb: ']', lbrack: '[',
  rbrack: ']', lcub: '{', rcub: '}', lbrace: '{', rbrace: '}', ast: '*', midast: '*', lowbar: '_', hyphen: '-', dash: '-', dollar: '$',
  commat: '@', grave: '`', Hat: '^', verbar: '|', vert: '|', tilde: '~', newline: '\n', tab: '\t',
}
const JSON_SIMPLE: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', "'": "'" }

// An escape may be split by a line break (a wrapped line, maybe indented): the patterns allow it (B) and the match is compacted before it is read.
const B = String.raw`(?:[\r\n]+[ \t]*)?`
// After a backslash also one space: a split between two escapes one level up (`\\ \"`) is a split inside this one.
const BS = String.raw`(?:[\r\n]+[ \t]*| )?`
const TRIGGER = /[\\&%]/g
const UNICODE = new RegExp(String.raw`\\${B}u(?:${B}[0-9A-Fa-f]){4}`, 'y')
const SIMPLE = new RegExp(String.raw`\\${BS}(["\\/bfnrt'])`, 'y')
const ENTITY = new RegExp(String.raw`&${B}(?:#${B}(?:\d${B}){1,7}|#${B}[xX]${B}(?:[0-9A-Fa-f]${B}){1,6}|(?:[A-Za-z]${B}){2,8});`, 'y')
const PERCENT_RUN = new RegExp(String.raw`%${B}[0-9A-Fa-f]${B}[0-9A-Fa-f](?:${B}%${B}[0-9A-Fa-f]${B}[0-9A-Fa-f])*`, 'y')
/** What a truncation leaves of an escape right before the cut (`\u00…`, `%2…`, `&#4…`): decoded to nothing, so the secret's start meets the cut. */
const PARTIAL = new RegExp(String.raw`(?:\\(?:u[0-9A-Fa-f]{0,3})?|%[0-9A-Fa-f]?|&#?[xX]?[0-9A-Za-z]{0,7})(?=\s*(?:…|\.\.\.|$))`, 'y')
const compact = (s: string): string => s.replace(/\s+/g, '')

/**
 * The decoded escapes, four numbers each: where the decoded characters start in the view, how
 * many there are, where the escape starts in the text below, and how long it is there.
 */
class Escapes {
  data = new Int32Array(64)
  count = 0

  push(view: number, viewLength: number, origin: number, originLength: number): void {
    if ((this.count + 1) * 4 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data.set([view, viewLength, origin, originLength], this.count * 4)
    this.count++
  }
}

export interface DecodedView {
  readonly text: string
  /** The range of the text this view was decoded from that [start, end) of the view stands for. */
  toParent(start: number, end: number): { start: number; end: number }
}

/** Decodes the escape at `at` (whose first character is a trigger), or returns null. */
function escapeAt(text: string, at: number): { decoded: string; length: number } | null {
  const c = text.charCodeAt(at)
  if (c === 92 /* \ */) {
    UNICODE.lastIndex = at
    const u = UNICODE.exec(text)
    if (u) return { decoded: String.fromCharCode(parseInt(compact(u[0]).slice(2), 16)), length: u[0].length }
    SIMPLE.lastIndex = at
    const simple = SIMPLE.exec(text)
    return simple ? { decoded: JSON_SIMPLE[simple[1]!]!, length: simple[0].length } : null
  }
  if (c === 38 /* & */) {
    ENTITY.lastIndex = at
    const m = ENTITY.exec(text)
    if (!m) return null
    const body = compact(m[0]).slice(1, -1)
    const code = body.startsWith('#x') || body.startsWith('#X') ? parseInt(body.slice(2), 16) : body.startsWith('#') ? parseInt(body.slice(1), 10) : -1
    const decoded = code >= 0 ? (code <= 0x10ffff ? String.fromCodePoint(code) : null) : (NAMED[body] ?? null)
    return decoded === null ? null : { decoded, length: m[0].length }
  }
  PERCENT_RUN.lastIndex = at
  const run = PERCENT_RUN.exec(text)
  if (!run) return null
  const bytes = Buffer.from(compact(run[0]).replace(/%/g, ''), 'hex')
  return { decoded: bytes.toString('utf8'), length: run[0].length }
}

function partialAt(text: string, at: number): { decoded: string; length: number } | null {
  PARTIAL.lastIndex = at
  const m = PARTIAL.exec(text)
  return m ? { decoded: '', length: m[0].length } : null
}

/** Stands for a stretch of plain text too far from any escape to be part of a match that holds one. */
const GAP = '\u0000'

/**
 * The text with every escape it holds decoded, or null when it holds none. Plain text farther
 * than `reach` from any escape is left out (one GAP character stands for it): a match there
 * holds no escape, so the text itself already showed it.
 */
export function decodeView(text: string, reach = Number.MAX_SAFE_INTEGER, partials = true): (DecodedView & { readonly partial: boolean }) | null {
  let partial = false
  const parts: string[] = []
  const escapes = new Escapes()
  let copied = 0
  let viewLength = 0
  const copyPlain = (to: number, last: boolean): void => {
    // Counted in characters the matcher reads (whitespace is skipped there).
    const headEnd = escapes.count === 0 ? copied : forwardBy(text, copied, reach, to)
    const tailStart = last ? to : backBy(text, to, reach, copied)
    if (tailStart <= headEnd + 1) {
      parts.push(text.slice(copied, to))
      viewLength += to - copied
      return
    }
    parts.push(text.slice(copied, headEnd), GAP, text.slice(tailStart, to))
    escapes.push(viewLength + headEnd - copied, 1, headEnd, tailStart - headEnd)
    viewLength += headEnd - copied + 1 + to - tailStart
  }
  TRIGGER.lastIndex = 0
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
    const whole = escapeAt(text, m.index)
    const found = whole ?? (partials ? partialAt(text, m.index) : null)
    if (!found) continue
    partial ||= whole === null
    copyPlain(m.index, false)
    parts.push(found.decoded)
    escapes.push(viewLength, found.decoded.length, m.index, found.length)
    viewLength += found.decoded.length
    copied = m.index + found.length
    TRIGGER.lastIndex = copied
  }
  if (escapes.count === 0) return null
  copyPlain(text.length, true)
  return { text: parts.join(''), partial, toParent: (start, end) => ({ start: originOf(escapes, start, false), end: originOf(escapes, end - 1, true) }) }
}

const isBlank = (c: number): boolean => c === 32 || (c >= 9 && c <= 13)

/** The position `count` non-blank characters after `from` (at most `limit`). */
function forwardBy(text: string, from: number, count: number, limit: number): number {
  let i = from
  for (let left = count; i < limit && left > 0; i++) if (!isBlank(text.charCodeAt(i))) left--
  return i
}

/** The position `count` non-blank characters before `to` (at least `limit`). */
function backBy(text: string, to: number, count: number, limit: number): number {
  let i = to
  for (let left = count; i > limit && left > 0; i--) if (!isBlank(text.charCodeAt(i - 1))) left--
  return i
}

/** Where view position `at` comes from: the start of its character's origin, or (`after`) the end. */
function originOf(escapes: Escapes, at: number, after: boolean): number {
  const d = escapes.data
  let lo = 0
  let hi = escapes.count - 1
  let last = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (d[mid * 4]! <= at) {
      last = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  if (last < 0) return after ? at + 1 : at
  const [view, viewLength, origin, originLength] = [d[last * 4]!, d[last * 4 + 1]!, d[last * 4 + 2]!, d[last * 4 + 3]!]
  if (at < view + viewLength) return after ? origin + originLength : origin
  const plain = origin + originLength + (at - view - viewLength)
  return after ? plain + 1 : plain
}

/** Views of views down to this depth (a .NET `\u002B` inside JSON inside a HAR string is two deep). */
const MAX_DEPTH = 2

/** The text's decoded views, outermost first, each mapping straight back to the original text; `reach`: the longest pattern looked for. */
export function decodedViews(text: string, reach = Number.MAX_SAFE_INTEGER): DecodedView[] {
  const views: DecodedView[] = []
  let below: DecodedView | null = null
  let current = text
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const view = decodeView(current, reach)
    if (!view) break
    const mapped = mappedTo(below, view)
    views.push(mapped)
    // What looked like an escape cut short may be the secret's own text (`…&abc` at the end): a view without that guess too.
    const plain = view.partial ? decodeView(current, reach, false) : null
    if (plain) views.push(mappedTo(below, plain))
    below = mapped
    current = view.text
  }
  return views
}

function mappedTo(parent: DecodedView | null, view: DecodedView): DecodedView {
  if (!parent) return view
  return {
    text: view.text,
    toParent: (start, end) => {
      const r = view.toParent(start, end)
      return parent.toParent(r.start, r.end)
    },
  }
}
