import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { META_CONTENT_SECURITY_POLICY } from './src/shared/csp'

/** Writes the policy into index.html's meta tag (the header, sent by main, also carries frame-ancestors). */
function injectCsp(): Plugin {
  return {
    name: 'authdesk-csp',
    transformIndexHtml: (html: string) => html.replace('%AUTHDESK_CSP%', META_CONTENT_SECURITY_POLICY),
  }
}

/** The renderer's import aliases (also in tsconfig.web.json, tsconfig.test.json and vitest.config.mts). */
const RENDERER_ALIASES = { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') }

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
  },
  preload: {
    // Sandboxed preloads cannot require anything but electron: bundle everything else in.
    build: { externalizeDeps: false, rollupOptions: { input: { index: resolve('src/preload/index.ts') }, external: ['electron'] } },
  },
  renderer: {
    root: 'src/renderer',
    resolve: { alias: RENDERER_ALIASES },
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react(), injectCsp()],
  },
})
