/**
 * `npm run build && scripts/keyring-run.sh npx playwright test --config bench/renderer-tick.config.ts`:
 * the renderer benchmark (not part of the test command). It prints its figures.
 */
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: '.',
  testMatch: 'renderer-tick.bench.ts',
  globalSetup: '../test/support/harness/global-setup.ts',
  timeout: 180_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../test-results/bench',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
})
