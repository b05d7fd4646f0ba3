import { test as base } from '@playwright/test'
import { openApp, type Harness } from './harness'

/**
 * `app`: the renderer opened through the harness with fresh core services per test. A test
 * fails if the page threw an uncaught error.
 */
export const test = base.extend<{ app: Harness }>({
  app: async ({ page }, use) => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    const harness = await openApp(page)
    await use(harness)
    await harness.close()
    if (errors.length > 0) throw new Error(`Uncaught errors in the page: ${errors.join(' | ')}`)
  },
})

export { expect } from '@playwright/test'
