import { useState } from 'react'
import type { BundleFileView } from '@shared/bundle'
import { Icon } from '@renderer/components/icon'
import { formatBytes, redactionSegments } from '../utils/redaction-segments'

/** The bundle's files, each shown as text with what was redacted highlighted (the removed values are not here). */
export function BundleFileViewer({ files }: { readonly files: ReadonlyArray<BundleFileView> }) {
  const [chosen, setChosen] = useState<string | null>(null)
  const file = files.find((f) => f.name === chosen) ?? files[0]
  if (!file) return <p className="muted">Every part is left out: the bundle would be empty.</p>
  return (
    <div className="bundle-viewer">
      <ul className="bundle-files" aria-label="Files in the bundle">
        {files.map((f) => (
          <li key={f.name}>
            <button type="button" className="bundle-file" aria-current={f.name === file.name ? 'true' : undefined} onClick={() => setChosen(f.name)}>
              <Icon name="file" size={14} />
              <span className="bundle-file-name">{f.name}</span>
              <span className="bundle-file-size">{formatBytes(f.size)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="bundle-file-body">
        <p className="bundle-file-head">
          <code>{file.name}</code>
          <span className="muted">
            {file.mediaType} · {formatBytes(file.size)}
            {file.redactions.length > 0 ? ` · ${file.redactions.length} redaction${file.redactions.length === 1 ? '' : 's'} highlighted` : ''}
          </span>
        </p>
        <pre className="code-block bundle-content" tabIndex={0} aria-label={`Contents of ${file.name}`} data-testid="bundle-content">
          {redactionSegments(file.content, file.redactions).map((segment, index) =>
            segment.redaction ? (
              <mark key={index} className="redaction" title={`Redacted: ${segment.redaction.kind}${segment.redaction.field ? ` (${segment.redaction.field})` : ''}`}>
                {segment.text}
              </mark>
            ) : (
              <span key={index}>{segment.text}</span>
            ),
          )}
        </pre>
      </div>
    </div>
  )
}
