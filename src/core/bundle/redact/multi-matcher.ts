/**
 * Finds many literal patterns in one linear pass (Aho–Corasick over a dense transition table).
 * ASCII letters match case-insensitively: over-matching a secret is safe, and URL-encoding
 * (`%2f`/`%2F`), upper-cased echoes and pseudonyms (`ACME`/`acme`) need it anyway. Whitespace
 * (spaces, tabs, line breaks) is skipped in the text and left out of the patterns, so a pattern
 * split by a space or across lines is still found (its reported range then spans the break).
 * At a cut (`…`, `...` or the end of the text) the matcher also reports the longest start of a
 * pattern that ends there, which is what a truncation leaves of a secret.
 */

/** 64 MB of transitions; callers split larger pattern sets (KnownValues does). */
const MAX_TABLE_ENTRIES = 16 * 1024 * 1024

const foldAscii = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code)

/** Space, tab, line feed, vertical tab, form feed, carriage return. */
export const isSkipped = (c: number): boolean => c === 32 || (c >= 9 && c <= 13)

const HORIZONTAL_ELLIPSIS = 0x2026

/** Shortest start of a pattern reported at a cut: shorter ones are too likely to be ordinary text. */
export const MIN_CUT_PREFIX = 8

/** A pattern as the matcher reads it: without whitespace. */
export const matchForm = (pattern: string): string => pattern.replace(/\s+/g, '')

export class MultiMatcher {
  readonly size: number
  private readonly classOf = new Uint16Array(65_536)
  private readonly stride: number
  private readonly table: Int32Array
  private readonly output: Int32Array
  private readonly outputLink: Int32Array
  /** Per state: itself when a pattern ends there, else the nearest suffix state where one does, else -1. */
  private readonly firstOutput: Int32Array
  private readonly lengths: Int32Array
  /** Per state: how many pattern characters it has read (the length of the pattern start it stands for). */
  private readonly depth: Int32Array

  /** Pattern i is reported as i; whitespace in a pattern is ignored; a duplicate (once ASCII-folded) is reported as its first copy. */
  constructor(input: ReadonlyArray<string>) {
    const patterns = input.map(matchForm)
    this.size = patterns.length
    let classes = 1
    for (const p of patterns)
      for (let i = 0; i < p.length; i++) {
        const c = foldAscii(p.charCodeAt(i))
        if (this.classOf[c] === 0) this.classOf[c] = classes++
      }
    for (let c = 65; c <= 90; c++) this.classOf[c] = this.classOf[c + 32]!
    this.stride = classes

    const children: Array<Map<number, number>> = [new Map()]
    const ends: number[] = [-1]
    const depths: number[] = [0]
    this.lengths = new Int32Array(patterns.length)
    patterns.forEach((p, index) => {
      if (p.length === 0) return
      let state = 0
      for (let i = 0; i < p.length; i++) {
        const cls = this.classOf[foldAscii(p.charCodeAt(i))]!
        let next = children[state]!.get(cls)
        if (next === undefined) {
          next = children.length
          children.push(new Map())
          ends.push(-1)
          depths.push(i + 1)
          children[state]!.set(cls, next)
        }
        state = next
      }
      if (ends[state] === -1) ends[state] = index
      this.lengths[index] = p.length
    })
    if (children.length * this.stride > MAX_TABLE_ENTRIES) throw new RangeError('too many patterns for one matcher')

    const states = children.length
    this.depth = Int32Array.from(depths)
    this.table = new Int32Array(states * this.stride)
    this.output = Int32Array.from(ends)
    this.outputLink = new Int32Array(states).fill(-1)
    const fail = new Int32Array(states)
    const queue = new Int32Array(states)
    let head = 0
    let tail = 0
    for (const [cls, child] of children[0]!) {
      this.table[cls] = child
      queue[tail++] = child
    }
    while (head < tail) {
      const s = queue[head++]!
      const f = fail[s]!
      this.outputLink[s] = this.output[f]! >= 0 ? f : this.outputLink[f]!
      const row = s * this.stride
      const failRow = f * this.stride
      for (let cls = 1; cls < this.stride; cls++) {
        const child = children[s]!.get(cls)
        if (child === undefined) {
          this.table[row + cls] = this.table[failRow + cls]!
        } else {
          this.table[row + cls] = child
          fail[child] = this.table[failRow + cls]!
          queue[tail++] = child
        }
      }
    }
    this.firstOutput = this.output.map((p, s) => (p >= 0 ? s : this.outputLink[s]!))
  }

  /**
   * Every match as a triple in the returned array: start, end (exclusive), pattern. A match
   * may span skipped whitespace. Ends are ascending. With `cuts`, every cut the text ends in
   * the start of a pattern (at least MIN_CUT_PREFIX characters) adds a pair to it: start, end.
   */
  scan(text: string, cuts?: number[]): number[] {
    const found: number[] = []
    if (this.size === 0) return found
    const { classOf, table, stride, output, outputLink, firstOutput, lengths } = this
    let state = 0
    const n = text.length
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i)
      if (isSkipped(code)) continue
      if (cuts && (code === HORIZONTAL_ELLIPSIS || (code === 46 && text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46))) this.cut(text, i, state, cuts)
      state = table[state * stride + classOf[code]!]!
      let s = firstOutput[state]!
      while (s >= 0) {
        const p = output[s]!
        found.push(matchStart(text, i + 1, lengths[p]!), i + 1, p)
        s = outputLink[s]!
      }
    }
    if (cuts) this.cut(text, n, state, cuts)
    return found
  }

  private cut(text: string, at: number, state: number, cuts: number[]): void {
    const read = this.depth[state]!
    if (read < MIN_CUT_PREFIX) return
    let end = at
    while (end > 0 && isSkipped(text.charCodeAt(end - 1))) end--
    cuts.push(matchStart(text, end, read), end)
  }
}

/** Where a match of `length` characters ending at `end` starts, stepping over the whitespace `scan` skipped. */
function matchStart(text: string, end: number, length: number): number {
  let j = end
  let left = length
  while (left > 0 && j > 0) {
    if (!isSkipped(text.charCodeAt(j - 1))) left--
    j--
  }
  return j
}
