/**
 * Writing a bundle: the self-scan runs over exactly the files that will be zipped; any hit
 * refuses the export and nothing is written. Otherwise the zip is written atomically (temp file,
 * fsync, rename), so the target is either absent, the old file, or the whole new bundle.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { AppError } from '../errors'
import { describeHits, selfScan } from './self-scan'
import type { BundleFile, ScanReport } from './types'

export class BundleScanError extends AppError {
  constructor(readonly scan: ScanReport) {
    super('bundle.scan-blocked', `The secret scan found ${scan.hits.length} secret(s) in the bundle, so nothing was written: ${describeHits(scan.hits)}.`)
  }
}

export interface WrittenBundle {
  readonly path: string
  readonly bytes: number
  readonly files: ReadonlyArray<string>
  readonly scan: ScanReport
}

/** The zip's bytes; every entry gets `modified` as its time, so the same bundle zips the same. */
export function zipBundle(files: ReadonlyArray<BundleFile>, modified: Date): Uint8Array {
  const mtime = modified.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : modified
  return zipSync(Object.fromEntries(files.map((f) => [f.name, [strToU8(f.content), { mtime }]])), { level: 6 })
}

async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
  const handle = await open(temp, 'wx', 0o600)
  try {
    await handle.writeFile(bytes)
    await handle.sync()
    await handle.close()
    await rename(temp, path)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await rm(temp, { force: true })
    throw error
  }
}

/** Where the zip goes instead of a file (the CLI's `--out -`: stdout). */
export type BundleSink = (zip: Uint8Array) => Promise<void>

export async function writeBundle(
  path: string,
  files: ReadonlyArray<BundleFile>,
  vaultSecrets: ReadonlyArray<string>,
  modified = new Date(),
  sink?: BundleSink,
): Promise<WrittenBundle> {
  const scan = await selfScan(files, vaultSecrets)
  if (!scan.clean) throw new BundleScanError(scan)
  const zip = zipBundle(files, modified)
  try {
    await (sink ? sink(zip) : writeAtomic(path, zip))
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'write failed'
    throw new AppError('bundle.write-failed', `Could not write the bundle to ${path} (${reason}).`, { cause: error })
  }
  return { path, bytes: zip.length, files: files.map((f) => f.name), scan }
}
