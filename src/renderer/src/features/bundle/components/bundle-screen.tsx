import { useState } from 'react'
import type { AccountView } from '@shared/model'
import { Icon } from '@renderer/components/icon'
import { PageHeader } from '@renderer/components/page-header'
import { SectionCard } from '@renderer/components/section-card'
import { ApiError } from '@renderer/lib/call'
import { useExportBundle } from '../api/export-bundle'
import { RevealButton } from './reveal-button'
import { useBundlePreview } from '../api/preview-bundle'
import { formatBytes } from '../utils/redaction-segments'
import { BundleContents } from './bundle-contents'
import { BundleFileViewer } from './bundle-file-view'
import { BundleScan } from './bundle-scan'

/** Fields worth replacing by pseudonyms by default: who the account is. */
const IDENTIFYING = new Set(['USERNAME', 'CUSTOMER_ID', 'CLIENT_ID'])

/**
 * A support bundle for one account: the diagnosis, the redacted transcript and the wizard's
 * answers, previewed as text before anything is written, then exported after the self-scan.
 */
export function BundleScreen({ account, onClose }: { readonly account: AccountView; readonly onClose: () => void }) {
  const maskable = Object.keys(account.fields)
  const [exclude, setExclude] = useState<ReadonlyArray<string>>([])
  const [mask, setMask] = useState<ReadonlyArray<string>>(() => maskable.filter((f) => IDENTIFYING.has(f)))
  const preview = useBundlePreview(account.id, { exclude, mask })
  const exporter = useExportBundle()
  const data = preview.data
  const wizardParts = data?.items.filter((i) => i.id.startsWith('wizard:')).length ?? 0

  const exportNow = (): void => {
    if (!data) return
    exporter.mutate({ accountId: account.id, exclude: [...exclude], mask: [...mask], digest: data.digest, generatedAt: data.generatedAt })
  }

  return (
    <div className="screen screen-bundle" data-testid="bundle">
      <PageHeader
        back={
          <button type="button" className="btn btn-link back-link" onClick={onClose}>
            <Icon name="arrowLeft" size={14} />
            Back to the account
          </button>
        }
        title="Support bundle"
        subtitle={`For “${account.label}”: review what it contains; nothing is written until you export.`}
        actions={
          <button type="button" className="btn btn-primary" onClick={exportNow} disabled={!data || !data.scan.clean || exporter.isPending || preview.isFetching}>
            <Icon name="box" />
            {exporter.isPending ? 'Exporting…' : 'Export bundle'}
          </button>
        }
      />
      {preview.isError && (
        <p role="alert" className="form-alert">
          {preview.error.message}
        </p>
      )}
      {exporter.isError &&
        (exporter.error instanceof ApiError && exporter.error.code === 'bundle.save-cancelled' ? (
          <p role="status" className="muted" data-testid="bundle-not-saved">
            {exporter.error.message}
          </p>
        ) : (
          <p role="alert" className="form-alert">
            {exporter.error.message}
          </p>
        ))}
      {exporter.data && (
        <div className="banner banner-info" role="status" data-testid="bundle-exported">
          <Icon name="check" size={18} className="banner-icon" />
          <div className="banner-body">
            <p className="banner-title">Bundle written ({formatBytes(exporter.data.bytes)}, {exporter.data.files.length} files)</p>
            <p className="banner-text">
              <code className="bundle-path">{exporter.data.path}</code>
            </p>
          </div>
          {exporter.data.exportId && (
            <div className="banner-action">
              <RevealButton exportId={exporter.data.exportId} />
            </div>
          )}
        </div>
      )}
      {!data && !preview.isError && (
        <p role="status" className="loading">
          Preparing the preview…
        </p>
      )}
      {data && (
        <>
          <BundleScan scan={data.scan} />
          <div className="bundle-grid">
            <SectionCard title="Contents" icon="box" subtitle={wizardParts > 0 ? `Includes your ${wizardParts} troubleshooting answer${wizardParts === 1 ? '' : 's'}.` : 'Untick what should not be sent.'}>
              <BundleContents items={data.items} excluded={exclude} onExclude={setExclude} maskable={maskable} masked={mask} onMask={setMask} />
            </SectionCard>
            <SectionCard title="Preview" icon="file" subtitle="Exactly what the bundle will contain, redacted. Highlighted: what was replaced.">
              <BundleFileViewer files={data.files} />
            </SectionCard>
          </div>
        </>
      )}
    </div>
  )
}
