import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Each file's temp folders go when it ends; the run fails when anything is left in the temp directory.
    globalSetup: ['test/support/temp-guard.ts'],
    setupFiles: ['test/support/temp-sandbox.ts'],
  },
})
