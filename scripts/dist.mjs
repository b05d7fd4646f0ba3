#!/usr/bin/env node
// `npm run dist [-- electron-builder options]`: builds and packages AuthDesk with
// electron-builder.json (Linux AppImage + deb, macOS dmg, Windows nsis; Electron fuses set).
// Packaging needs the Electron binary; where it is missing this says so and exits 3.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The installed Electron binary, found the way the electron package does, without `require('electron')` (which downloads a missing one). */
function electronBinary() {
  const root = dirname(require.resolve('electron/package.json'))
  const pathFile = join(root, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(root, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

if (!electronBinary()) {
  console.error(
    [
      'npm run dist: this machine has no Electron binary (node_modules/electron was installed without it,',
      'e.g. with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or its download failed), and packaging needs one.',
      'Fix: on a machine that can download it, run `node node_modules/electron/install.js` (it downloads',
      'the binary for this platform), then `npm run dist` again. Nothing was built.',
    ].join('\n'),
  )
  process.exit(3)
}

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
run('npm', ['run', 'build'])
run(process.execPath, [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.json', ...process.argv.slice(2)])
