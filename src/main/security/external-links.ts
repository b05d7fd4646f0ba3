/**
 * Links the renderer may open in the user's browser: https only, and only on hosts we
 * publish documentation for. Everything else is dropped.
 */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'docs.groupcall.com',
  'www.groupcall.com',
  'support.nmbrs.com',
  'api.nmbrs.nl',
  'docs.sms-gate.app',
  'sms-gate.app',
  'github.com',
  'docs.authmatech.com',
  'www.authmatech.com',
  'www.electronjs.org',
])

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false
  return EXTERNAL_LINK_HOSTS.has(parsed.hostname.toLowerCase())
}
