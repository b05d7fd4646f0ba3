import type { SimResponse } from './types'

/** Canned bodies for faults that replace the provider's answer. Provider-neutral on purpose. */
export const MAINTENANCE_PAGE = `<!DOCTYPE html>
<html><head><title>503 Service Temporarily Unavailable</title></head>
<body><h1>We'll be back soon</h1><p>The service is down for scheduled maintenance.</p></body></html>
`

export const CAPTIVE_PORTAL_PAGE = `<!DOCTYPE html>
<html><head><title>Network login</title></head>
<body><form action="/login"><p>Sign in to continue to the Internet.</p><input name="user"></form></body></html>
`

const html = { 'content-type': 'text/html; charset=utf-8' }
const text = { 'content-type': 'text/plain; charset=utf-8' }

export function serverError(): SimResponse {
  return { status: 500, headers: text, body: 'Internal Server Error' }
}

export function maintenance(): SimResponse {
  return { status: 503, headers: { ...html, 'retry-after': '120' }, body: MAINTENANCE_PAGE }
}

export function rateLimited(retryAfterSeconds: number | null): SimResponse {
  const headers = retryAfterSeconds === null ? text : { ...text, 'retry-after': String(retryAfterSeconds) }
  return { status: 429, headers, body: 'Too Many Requests' }
}

export function captivePortal(): SimResponse {
  return { status: 200, headers: html, body: CAPTIVE_PORTAL_PAGE }
}

/** The real answer's status and headers with a body no JSON or XML parser accepts. */
export function garbled(real: SimResponse): SimResponse {
  return { ...real, body: '{"unterminated": <broken' }
}
