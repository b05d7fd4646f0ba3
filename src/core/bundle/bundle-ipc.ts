/**
 * The bundle channels: previews and exports through the same service the CLI uses, with the
 * active workspace's history and wizard trail. Exports go to `bundles/` in the data dir; the
 * renderer never chooses a path.
 */
import { ensurePrivateDir } from '../private-dir'
import { dirname, join } from 'node:path'
import type { BundlePreviewView, ExportedBundleView } from '../../shared/bundle'
import type { Services } from '../services'
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
  const path = join(services.vault.dataDir, BUNDLES_DIR, `authdesk-${safeLabel}-${stamp}.zip`)
  await ensurePrivateDir(dirname(path))
  const written = await exportBundle(sources(services), { ...request, path })
  return { path: written.path, bytes: written.bytes, files: written.files }
}
