import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The renderer's import aliases, as in electron.vite.config.ts.
  resolve: { alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') } },
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
