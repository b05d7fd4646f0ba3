/**
 * Remembers every secret value core has handled in this process and removes it from any text
 * before that text is stored, logged, printed or sent to the window. The matching is the
 * redaction engine's (bundle/redact/known-values.ts): every secret and `user:secret` pair in
 * the forms a provider can echo it in (encoded, escaped, case-folded, split, cut short).
 * A last line of defence: code should not put secrets in text in the first place.
 */
import { applyFindings, mergeFindings } from './bundle/redact/apply'
import { snapToEscapes } from './bundle/redact/escape-bounds'
import { KnownValues } from './bundle/redact/known-values'
import { REDACTED } from './bundle/redact/types'

export { REDACTED }

/** Values this short are too likely to occur in ordinary text to be scrubbed blindly. */
const MIN_SECRET_LENGTH = 4

/**
 * Compiled matchers by the set of values they look for: every check of an account builds a
 * scrubber for the same few values, round after round, and compiling is most of its cost.
 */
const COMPILED = new Map<string, KnownValues>()
const COMPILED_KEPT = 256

function compiled(secrets: ReadonlyArray<string>, pairs: ReadonlyArray<readonly [string, string]>): KnownValues {
  const key = JSON.stringify([secrets, pairs])
  let known = COMPILED.get(key)
  if (known) {
    COMPILED.delete(key)
  } else {
    known = KnownValues.of({ secrets, pairs, minLength: MIN_SECRET_LENGTH, wholeTokens: true })
    if (COMPILED.size >= COMPILED_KEPT) COMPILED.delete(COMPILED.keys().next().value!)
  }
  COMPILED.set(key, known)
  return known
}

export class SecretScrubber {
  private readonly secrets = new Set<string>()
  private readonly pairs = new Map<string, readonly [string, string]>()
  /** The compiled matcher; rebuilt on the first scrub after a change. */
  private known: KnownValues | null = null

  remember(value: string): void {
    const v = value.trim()
    if (v.length < MIN_SECRET_LENGTH || this.secrets.has(v)) return
    this.secrets.add(v)
    this.known = null
  }

  /** A user name and its secret as a Basic credential would join them (`user:secret`). */
  rememberPair(user: string, secret: string): void {
    const key = `${user.trim()}\u0000${secret.trim()}`
    if (user.trim() === '' || secret.trim() === '' || this.pairs.has(key)) return
    this.pairs.set(key, [user, secret])
    this.known = null
  }

  /**
   * For values that can no longer be used nor reach any text (a token pair superseded twice):
   * without this a long-running app would scrub ever more values, ever more slowly.
   */
  forget(value: string): void {
    const v = value.trim()
    if (!this.secrets.delete(v)) return
    for (const [key, [, secret]] of this.pairs) if (secret.trim() === v) this.pairs.delete(key)
    this.known = null
  }

  /** How many values are remembered (for tests and the benchmark). */
  get size(): number {
    return this.secrets.size
  }

  scrub(text: string): string {
    if (text === '' || (this.secrets.size === 0 && this.pairs.size === 0)) return text
    this.known ??= compiled([...this.secrets], [...this.pairs.values()])
    const found = this.known.find(text)
    return found.length === 0 ? text : applyFindings(text, mergeFindings(found.map((f) => snapToEscapes(text, f)))).text
  }

  /** Every string inside `value` scrubbed: arrays and plain objects are walked (keys kept), anything else is left as it is. */
  scrubValue<T>(value: T): T {
    if (typeof value === 'string') return this.scrub(value) as T
    if (this.secrets.size === 0 && this.pairs.size === 0) return value
    if (Array.isArray(value)) return value.map((v: unknown) => this.scrubValue(v)) as T
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.scrubValue(v)])) as T
    return value
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}
