import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { expect, test } from '../support/harness/fixtures'
import { openApp } from '../support/harness/harness'
import { dashboardReady } from './pages/app-page'

test('the built page carries the app CSP in its meta tag, without the header-only frame-ancestors', async ({ app }) => {
  const meta = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(meta).toBe(META_CONTENT_SECURITY_POLICY)
  expect(meta).not.toContain('frame-ancestors')
  expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
})

test('loading the page logs no CSP warning', async ({ page }) => {
  // The harness opened by hand, so the console is watched from the very first load.
  const messages: string[] = []
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`))
  const app = await openApp(page)
  try {
    await dashboardReady(page)
    expect(messages.filter((m) => /Content Security Policy|frame-ancestors/i.test(m))).toEqual([])
  } finally {
    await app.close()
  }
})

test('inline scripts, inline handlers, foreign scripts and outbound requests are blocked by the CSP', async ({ app }) => {
  const outcome = await app.page.evaluate(async () => {
    const violations: string[] = []
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective))
    const marker = window as unknown as { inlineRan?: boolean }
    const script = document.createElement('script')
    script.textContent = 'window.inlineRan = true'
    document.body.appendChild(script)
    const handler = document.createElement('button')
    handler.setAttribute('onclick', 'window.inlineRan = true')
    document.body.appendChild(handler)
    handler.click()
    const external = document.createElement('script')
    external.src = 'data:text/javascript,window.inlineRan=true'
    document.body.appendChild(external)
    let fetchFailed = false
    try {
      await fetch('https://example.com/')
    } catch {
      fetchFailed = true
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    return { inlineRan: marker.inlineRan === true, fetchFailed, violations }
  })
  expect(outcome.inlineRan).toBe(false)
  expect(outcome.fetchFailed).toBe(true)
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'connect-src']))
})
