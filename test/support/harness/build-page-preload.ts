import { resolve } from 'node:path'
import { build } from 'vite'

export const PAGE_PRELOAD_PATH = resolve('out/harness/page-preload.js')

/** Bundles page-preload.ts into one classic script for `page.addInitScript`. */
export async function buildPagePreload(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: 'out/harness',
      emptyOutDir: true,
      minify: false,
      lib: { entry: resolve('test/support/harness/page-preload.ts'), formats: ['iife'], name: 'authdeskHarness', fileName: () => 'page-preload.js' },
    },
  })
}
