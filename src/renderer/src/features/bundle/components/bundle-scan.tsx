import type { BundleScanView } from '@shared/bundle'
import { Banner } from '@renderer/components/banner'

/** The self-scan export runs: clean, or where it found something that looks like a secret (export is then refused). */
export function BundleScan({ scan }: { readonly scan: BundleScanView }) {
  if (scan.clean)
    return (
      <Banner tone="info" title="Self-scan: no secret found" testId="bundle-scan">
        Checked against the {scan.vaultSecrets} secret value{scan.vaultSecrets === 1 ? '' : 's'} in this workspace and common secret patterns. Export runs the same scan again.
      </Banner>
    )
  return (
    <Banner tone="danger" alert title="Self-scan found something that looks like a secret: export is blocked" testId="bundle-scan">
      <ul className="plain-list">
        {scan.hits.map((hit) => (
          <li key={`${hit.file}:${hit.line}:${hit.column}:${hit.rule}`}>
            <code>
              {hit.file}:{hit.line}:{hit.column}
            </code>{' '}
            {hit.rule}
          </li>
        ))}
      </ul>
      <p>Leave that part out below, or mask the field it comes from.</p>
    </Banner>
  )
}
