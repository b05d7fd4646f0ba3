/**
 * Everything about a provider lives in its folder: outside `src/core/providers/<id>/` and the
 * registry, no code names a built-in provider's id or imports from its folder. Core, the CLI
 * and the renderer ask the registry and the module's capabilities instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtInModules } from '../../../src/core/providers/registry'

const ROOT = join(__dirname, '../../..')
/** The one list of built-in ids in shared code: the IPC contract and the vault's schemas validate against it (shared cannot import core). */
const ALLOWED = new Set(['src/core/providers/registry.ts', 'src/shared/model.ts'])

interface Leak {
  readonly file: string
  readonly line: number
  readonly text: string
}

export function providerLeaks(file: string, text: string, ids: ReadonlyArray<string>): Leak[] {
  const own = ids.find((id) => file.startsWith(`src/core/providers/${id}/`))
  const others = ids.filter((id) => id !== own)
  const patterns = others.flatMap((id) => [new RegExp(`(['"\`])${id}\\1`), new RegExp(`providers/${id}/`)])
  return text.split('\n').flatMap((line, index) => (patterns.some((p) => p.test(line)) ? [{ file, line: index + 1, text: line.trim() }] : []))
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

describe('provider ids stay in their folders', () => {
  const ids = builtInModules().map((m) => m.definition.id)

  it('the scanner finds an id literal and a folder import, and lets a folder name its own id', () => {
    const sample = "const x = account.provider === 'smsgate'\nimport { a } from '../providers/nmbrs/probe'\nconst ok = 'smsgate-ish'"
    expect(providerLeaks('src/core/health/x.ts', sample, ids).map((l) => l.line)).toEqual([1, 2])
    expect(providerLeaks('src/core/providers/smsgate/x.ts', "const id = 'smsgate'", ids)).toEqual([])
  })

  it('no file outside a provider folder and the registry names a built-in provider', () => {
    const leaks = sourceFiles(join(ROOT, 'src'))
      .map((path) => relative(ROOT, path).split('\\').join('/'))
      .filter((file) => !ALLOWED.has(file))
      .flatMap((file) => providerLeaks(file, readFileSync(join(ROOT, file), 'utf8'), ids))
    expect(leaks.map((l) => `${l.file}:${l.line}: ${l.text}`)).toEqual([])
  })
})
