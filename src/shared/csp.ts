/**
 * The renderer's Content-Security-Policy: only the app's own scripts and styles, no inline
 * script, no eval, no network. Sent as a header by the app:// protocol, and injected into
 * index.html at build time (META_CONTENT_SECURITY_POLICY), so both layers carry the policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "media-src 'none'",
].join('; ')

/** Directives a `<meta>` policy may not carry: the browser ignores them there and logs an error for each. */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox']

/** The same policy for index.html's meta tag: frame-ancestors is enforced by the header only. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !HEADER_ONLY.includes(directive.split(' ')[0]!))
  .join('; ')
