/**
 * The bundle channels: previews and exports through the same service the CLI uses, with the
 * active workspace's history and wizard trail. Exports go where the person chooses in the
 * system Save dialog (main's SaveLocation), else to `bundles/` in the data dir; the renderer
 * never chooses a path.
 */
import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { ensurePrivateDir } from '../private-dir'
import { dirname, join } from 'node:path'
import type { BundlePreviewView, ExportedBundleView } from '../../shared/bundle'
import type { Services } from '../services'
import { AppError } from '../errors'
import { exportBundle, previewBundle, type BundleRequest, type BundleSources } from './bundle-service'
import { wizardSteps } from './wizard-steps'

export const BUNDLES_DIR = 'bundles'

function sources(services: Services): BundleSources {
  const info = services.appInfo()
  return {
    vault: services.vault,
    appVersion: info.version,
    electron: info.electron,
    env: process.env,
    diagnoses: (id) => services.health.historyOf(id),
    wizardTrail: async (id) => wizardSteps(await services.wizard().get(id)),
  }
}

export async function previewForRenderer(services: Services, request: BundleRequest): Promise<BundlePreviewView> {
  const preview = await previewBundle(sources(services), request)
  return {
    accountId: preview.accountId,
    generatedAt: preview.generatedAt,
    digest: preview.digest,
    files: preview.files,
    items: preview.items,
    scan: { clean: preview.scan.clean, hits: preview.scan.hits, vaultSecrets: preview.scan.vaultSecrets },
  }
}

export async function exportForRenderer(
  services: Services,
  request: BundleRequest & { readonly digest: string; readonly generatedAt: string },
): Promise<ExportedBundleView> {
  const account = (await services.vault.list()).find((a) => a.id === request.accountId)
  const safeLabel = (account?.label ?? 'account').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60)
  const stamp = request.generatedAt.replace(/[:.]/g, '-')
  const fileName = `authdesk-${safeLabel}-${stamp}.zip`
  const chosen = services.saveLocation ? await services.saveLocation.choose(fileName) : join(services.vault.dataDir, BUNDLES_DIR, fileName)
  if (chosen === null) throw new AppError('bundle.save-cancelled', 'Not saved: the Save dialog was closed without choosing a place. Export again to save it.')
  // A folder the person chose is theirs; AuthDesk's own bundles folder stays private.
  if (services.saveLocation) await mkdir(dirname(chosen), { recursive: true })
  else await ensurePrivateDir(dirname(chosen))
  const written = await exportBundle(sources(services), { ...request, path: chosen })
  if (!services.saveLocation) return { path: written.path, bytes: written.bytes, files: written.files }
  const exportId = randomUUID()
  exportsOf(services).set(exportId, written.path)
  return { path: written.path, bytes: written.bytes, files: written.files, exportId }
}

/** Paths of this session's exports by id, so `bundle:reveal` only ever shows a file AuthDesk wrote. */
const EXPORTS = new WeakMap<Services, Map<string, string>>()

function exportsOf(services: Services): Map<string, string> {
  let map = EXPORTS.get(services)
  if (!map) EXPORTS.set(services, (map = new Map()))
  return map
}

export function revealExport(services: Services, exportId: string): null {
  const path = exportsOf(services).get(exportId)
  if (!path || !services.saveLocation) throw new AppError('bundle.unknown-export', 'This bundle was not saved in this session; export it again.', { field: 'exportId' })
  services.saveLocation.reveal(path)
  return null
}
