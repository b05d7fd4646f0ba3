/**
 * Remembers every secret value core has handled in this process and removes them from any
 * text before it is logged or shown. A last line of defence: code should not put secrets in
 * text in the first place.
 */
export const REDACTED = '[redacted]'

/** Values this short are too likely to occur in ordinary text to be scrubbed blindly. */
const MIN_SECRET_LENGTH = 4

export class SecretScrubber {
  private readonly secrets = new Set<string>()

  remember(value: string): void {
    const trimmed = value.trim()
    if (trimmed.length >= MIN_SECRET_LENGTH) this.secrets.add(trimmed)
    if (value.length >= MIN_SECRET_LENGTH) this.secrets.add(value)
  }

  scrub(text: string): string {
    let out = text
    // Longest first, so a secret that contains another is removed whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED)
    }
    return out
  }
}
