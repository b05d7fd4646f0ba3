/**
 * The keychain's first calls, made in a child process. A keytar call stuck on an unlock
 * prompt nobody can see cannot be cancelled, and while it runs this process cannot even
 * exit (Node joins its worker threads on exit), so a stuck probe would hang the CLI instead
 * of letting it exit with code 4. A child can be killed.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { FINGERPRINT_KEY_ITEM } from './fingerprint'

// A search, then a read that makes a locked keyring ask to be unlocked. Prints only errors.
const SCRIPT = `
const [keytarPath, service, item] = process.argv.slice(1)
Promise.resolve()
  .then(() => require(keytarPath))
  .then(async (keytar) => {
    await keytar.findCredentials(service)
    await keytar.getPassword(service, item)
  })
  .then(() => process.exit(0), (e) => { process.stderr.write(String(e && e.message || e)); process.exit(1) })
`

export function deadlineMessage(ms: number): string {
  return `the keychain did not answer within ${ms / 1000} s (is it waiting for an unlock prompt?)`
}

export function probeInChild(service: string, timeoutMs: number): Promise<void> {
  // __filename: every way this code runs (CJS bundles, vitest, Playwright's loader) defines it.
  const keytarPath = createRequire(__filename).resolve('keytar')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SCRIPT, keytarPath, service, FINGERPRINT_KEY_ITEM], {
      // Inside Electron, execPath is the app itself: run it as plain Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(deadlineMessage(timeoutMs)))
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new Error(stderr.trim() || `the keychain probe exited with code ${code ?? 'unknown'}`))
    })
  })
}
