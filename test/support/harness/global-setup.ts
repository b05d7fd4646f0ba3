import { existsSync } from 'node:fs'
import { buildPagePreload } from './build-page-preload'

export default async function globalSetup(): Promise<void> {
  if (!existsSync('out/renderer/index.html')) throw new Error('The renderer is not built: run `npm run build` before the e2e tests.')
  await buildPagePreload()
}
