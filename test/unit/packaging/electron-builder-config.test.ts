/**
 * Packaging (issue 13, point 8): electron-builder.json builds the four targets, keeps keytar's
 * native module outside the asar, sets the Electron fuses, and names only files that exist.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../../..')
const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as Record<string, unknown> & {
  files: string[]
  asarUnpack: string[]
  electronFuses: Record<string, boolean>
  directories: { buildResources: string; output: string }
  linux: { target: string[]; icon: string }
  mac: { target: string[]; icon: string }
  win: { target: string[]; icon: string }
  icon: string
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string>; dependencies: Record<string, string> }

function electronBinaryInstalled(): boolean {
  const root = join(ROOT, 'node_modules/electron')
  const pathFile = join(root, 'path.txt')
  return existsSync(pathFile) && existsSync(join(root, 'dist', readFileSync(pathFile, 'utf8').trim()))
}

describe('electron-builder.json', () => {
  it('sets the fuses: no RunAsNode, no NODE_OPTIONS, no inspect arguments, app only from an integrity-checked asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
    expect(config.asar).toBe(true)
  })

  it('builds AppImage and deb, dmg, and nsis; keytar stays outside the asar', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
    expect(pkg.dependencies.keytar).toBeDefined()
    expect(config.asarUnpack).toContain('node_modules/keytar/**/*')
  })

  it('names only files that exist, and packs the app entry and the window icon', () => {
    const named = [config.icon, config.linux.icon, config.mac.icon, config.win.icon, config.directories.buildResources, ...config.files.filter((f) => !/[*!]/.test(f))]
    for (const file of named) expect(existsSync(join(ROOT, file)), file).toBe(true)
    expect(config.files).toContain('out/**/*')
    expect(pkg.main.startsWith('./out/')).toBe(true)
    // The window uses the same icon, from where the package puts it.
    expect(readFileSync(join(ROOT, 'src/main/index.ts'), 'utf8')).toContain("join(__dirname, '../../resources/icon.png')")
    expect(existsSync(join(ROOT, dirname(pkg.main), '../../resources/icon.png'))).toBe(true)
    const png = readFileSync(join(ROOT, 'resources/icon.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
  })

  it.skipIf(electronBinaryInstalled())('npm run dist says clearly that the Electron binary is missing, and builds nothing', () => {
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs')
    const run = spawnSync(process.execPath, ['scripts/dist.mjs'], { cwd: ROOT, encoding: 'utf8' })
    expect(run.status).toBe(3)
    expect(run.stderr).toContain('this machine has no Electron binary')
    expect(run.stdout).not.toContain('Downloading')
  })
})
