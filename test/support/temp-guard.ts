/**
 * vitest globalSetup: the run gets its own temp folder (TMPDIR, inherited by every worker and
 * every process a test starts), so other runs on the machine cannot mix in. At the end, any
 * entry a test or the product left behind (outside the per-file sandboxes, which remove
 * themselves) fails the run, by name; the folder is removed either way.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const previous = process.env.TMPDIR
  const root = mkdtempSync(join(tmpdir(), 'vitest-temp-guard-'))
  process.env.TMPDIR = root
  return () => {
    const left = readdirSync(root).filter((name) => name.startsWith('authdesk-') || name.startsWith('vitest-file-'))
    rmSync(root, { recursive: true, force: true })
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    if (left.length > 0) throw new Error(`tests left ${left.length} temp folder(s) behind: ${left.sort().join(', ')}`)
  }
}
