/**
 * Base URLs compared by origin. A new path on the same scheme, host and port is the same server
 * (e.g. SMSGate's `/api` segment corrected): the secrets saved for it may stay.
 */
function originOf(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/** Both URLs parse and share scheme, host and port. */
export function sameOrigin(a: string | null | undefined, b: string | null | undefined): boolean {
  const first = originOf(a)
  return first !== null && first !== 'null' && first === originOf(b)
}
