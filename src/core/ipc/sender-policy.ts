/** What the router knows about who sent a message: filled in by main (Electron) or the e2e harness. */
export interface SenderInfo {
  /** URL of the frame that sent the message. */
  readonly url: string
  /** True only for the top-level frame of the app's own window. */
  readonly isMainFrame: boolean
}

export type SenderPolicy = (sender: SenderInfo) => boolean

/**
 * `scheme://host[:port]` of a URL, or null. Node reports the origin of non-special schemes
 * such as `app://` as "null", so it is rebuilt from the parts.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null
  } catch {
    return null
  }
}

/** Accept messages only from the main frame of a page served from the app's own origin. */
export function sameOriginMainFrame(trustedOrigin: string): SenderPolicy {
  return (sender) => sender.isMainFrame === true && originOf(sender.url) === trustedOrigin
}
