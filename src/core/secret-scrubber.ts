/**
 * Remembers every secret value core has handled in this process and removes them from any
 * text before it is logged or shown. A last line of defence: code should not put secrets in
 * text in the first place.
 */
export const REDACTED = '[redacted]'

/** Values this short are too likely to occur in ordinary text to be scrubbed blindly. */
const MIN_SECRET_LENGTH = 4

function variants(value: string): string[] {
  return [...new Set([value, value.trim()])].filter((v) => v.length >= MIN_SECRET_LENGTH)
}

export class SecretScrubber {
  private readonly secrets = new Set<string>()
  /** Longest first, so a secret that contains another is removed whole; rebuilt only after a change. */
  private ordered: string[] | null = null

  remember(value: string): void {
    for (const v of variants(value)) if (!this.secrets.has(v)) this.changed(() => this.secrets.add(v))
  }

  /**
   * For values that can no longer be used nor reach any text (a token pair superseded twice):
   * without this a long-running app would scrub ever more values, ever more slowly.
   */
  forget(value: string): void {
    for (const v of variants(value)) if (this.secrets.has(v)) this.changed(() => this.secrets.delete(v))
  }

  /** How many values are remembered (for tests and the benchmark). */
  get size(): number {
    return this.secrets.size
  }

  scrub(text: string): string {
    this.ordered ??= [...this.secrets].sort((a, b) => b.length - a.length)
    let out = text
    for (const secret of this.ordered) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED)
    }
    return out
  }

  private changed(change: () => void): void {
    change()
    this.ordered = null
  }
}
