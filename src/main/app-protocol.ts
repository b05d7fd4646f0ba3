import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'

/** The renderer is served from app://authdesk/, never from http: or a bare file: URL. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'authdesk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/** Maps an app:// URL to a file inside rendererDir, or null when it points anywhere else. */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  const relative = decodeURIComponent(parsed.pathname).replace(/^\/+/, '') || 'index.html'
  const root = normalize(rendererDir + sep)
  const file = normalize(join(root, relative))
  return file.startsWith(root) ? file : null
}

/** Answers one app:// request; registered with `protocol.handle` by main. */
export async function serveAppRequest(rendererDir: string, url: string): Promise<Response> {
  const file = resolveAppFile(rendererDir, url)
  if (!file) return new Response('Not found', { status: 404 })
  try {
    const body = await readFile(file)
    return new Response(body, {
      headers: {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}
