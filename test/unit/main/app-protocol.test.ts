import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveAppFile, serveAppRequest } from '../../../src/main/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'authdesk-proto-'))
  await mkdir(join(dir, 'assets'))
  await writeFile(join(dir, 'index.html'), '<!doctype html>')
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)')
})

describe('app:// protocol', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppFile(dir, 'app://authdesk/')).toBe(join(dir, 'index.html'))
    expect(resolveAppFile(dir, 'app://authdesk/assets/app.js')).toBe(join(dir, 'assets', 'app.js'))
  })

  it.each(['app://authdesk/..%2f..%2fetc/passwd', 'app://authdesk/assets%2f..%2f..%2f..%2fetc/passwd', 'app://other/index.html', 'file:///etc/passwd', 'http://authdesk/index.html'])(
    'refuses %s',
    (url) => expect(resolveAppFile(dir, url)).toBeNull(),
  )

  it.each(['app://authdesk/../../etc/passwd', 'app://authdesk/%2e%2e/%2e%2e/etc/passwd'])('keeps dot segments inside the folder: %s', (url) => {
    expect(resolveAppFile(dir, url)).toBe(join(dir, 'etc', 'passwd'))
  })

  it('serves files with the CSP header and the right type, and 404 for anything else', async () => {
    const page = await serveAppRequest(dir, 'app://authdesk/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect((await serveAppRequest(dir, 'app://authdesk/assets/app.js')).headers.get('content-type')).toContain('javascript')
    expect((await serveAppRequest(dir, 'app://authdesk/missing.js')).status).toBe(404)
    expect((await serveAppRequest(dir, 'app://authdesk/../secret')).status).toBe(404)
  })
})
