/**
 * Bundles the child-process fixtures (TypeScript that imports core) into CommonJS files
 * plain Node can run, so tests can kill and restart "the app" for real.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { join, resolve } from 'node:path'
import { build } from 'vite'

const ROOT = resolve(__dirname, '../../..')

export interface Fixtures {
  readonly paths: Readonly<Record<string, string>>
  dispose(): Promise<void>
}

export async function buildFixtures(names: ReadonlyArray<'crash-child' | 'app-child'>): Promise<Fixtures> {
  // Inside the repository, so the bundles resolve keytar and zod from its node_modules.
  const parent = join(ROOT, 'node_modules', '.cache')
  await mkdir(parent, { recursive: true })
  const outDir = await mkdtemp(join(parent, 'authdesk-fixtures-'))
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: true,
      outDir,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: Object.fromEntries(names.map((n) => [n, resolve(__dirname, 'fixtures', `${n}.ts`)])),
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'keytar', 'zod'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  })
  return {
    paths: Object.fromEntries(names.map((n) => [n, join(outDir, `${n}.cjs`)])),
    dispose: () => rm(outDir, { recursive: true, force: true }),
  }
}
