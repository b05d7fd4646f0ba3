/**
 * vitest setupFiles: each test file gets its own temp folder (TMPDIR, also inherited by the
 * processes it starts), removed with everything in it when the file's tests end, so no test
 * leaves a folder in the system temp directory. temp-guard.ts fails the run if anything
 * escapes this.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const sandbox = mkdtempSync(join(tmpdir(), 'vitest-file-'))
process.env.TMPDIR = sandbox

afterAll(() => {
  rmSync(sandbox, { recursive: true, force: true })
})
