import { useRef, useState } from 'react'
import type { ImportPreview, ImportResult } from '@shared/model'
import { useProviders } from '@renderer/api/get-providers'
import { Banner } from '@renderer/components/banner'
import { Icon } from '@renderer/components/icon'
import { PageHeader } from '@renderer/components/page-header'
import { useImportAccounts } from '@renderer/features/accounts/api/import-accounts'
import { usePreviewImport } from '@renderer/features/accounts/api/preview-import'
import { ImportPreviewTable } from './import-preview-table'
import { ImportSummary } from './import-summary'

const EXAMPLE = ['# <NAME>_<PROVIDER>_<FIELD>=value, one account per prefix', 'PROD_NMBRS_USERNAME=payroll@example.com', 'PROD_NMBRS_TOKEN=…', 'SMSGATE_USERNAME=…', 'SMSGATE_PASSWORD=…'].join('\n')

/**
 * Import from .env: paste or pick a file, preview what would be created, replaced, skipped or
 * refused, then import exactly that preview. The text (it holds secrets) stays in the
 * uncontrolled textarea only and is emptied after the import.
 */
export interface ImportScreenProps {
  /** Back to the list; after an import, with the imported accounts (shown highlighted). */
  readonly onDone: (imported?: ReadonlyArray<string>) => void
  /** "Check these N now" (from the health feature). */
  readonly onCheck?: (ids: ReadonlyArray<string>) => void
}

export function ImportScreen({ onDone, onCheck }: ImportScreenProps) {
  const text = useRef<HTMLTextAreaElement>(null)
  const file = useRef<HTMLInputElement>(null)
  const providers = useProviders()
  const previewAction = usePreviewImport()
  const importAction = useImportAccounts()
  const [replaceExisting, setReplaceExisting] = useState(false)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [stale, setStale] = useState(false)
  const [confirmHosts, setConfirmHosts] = useState(false)
  const [result, setResult] = useState<ImportResult | null>(null)

  const source = () => ({ kind: 'text' as const, text: text.current?.value ?? '' })
  const runPreview = async (): Promise<void> => {
    importAction.clearError()
    setResult(null)
    try {
      setPreview(await previewAction.run({ source: source(), replaceExisting }))
      setStale(false)
      setConfirmHosts(false)
    } catch {
      setPreview(null)
    }
  }
  const runImport = async (): Promise<void> => {
    if (!preview) return
    try {
      setResult(await importAction.run({ source: source(), replaceExisting, digest: preview.digest, confirmUnlistedHosts: confirmHosts, skipInvalid: true }))
      if (text.current) text.current.value = ''
      setPreview(null)
    } catch {
      // Shown from importAction.error.
    }
  }
  const loadFile = async (picked: File | undefined): Promise<void> => {
    if (!picked || !text.current) return
    text.current.value = await picked.text()
    if (file.current) file.current.value = ''
    if (preview) setStale(true)
  }

  const active = preview?.accounts.filter((a) => a.action === 'create' || a.action === 'replace') ?? []
  const invalid = preview?.accounts.filter((a) => a.action === 'invalid').length ?? 0
  const unlisted = [...new Set(active.flatMap((a) => (a.baseUrlUnlisted && a.baseUrl ? [new URL(a.baseUrl).host] : [])))]
  const canImport = preview && !stale && active.length > 0 && (unlisted.length === 0 || confirmHosts) && !importAction.pending

  return (
    <div className="screen screen-import">
      <PageHeader
        back={
          <button type="button" className="btn btn-link back-link" onClick={() => onDone()}>
            <Icon name="arrowLeft" size={14} />
            All accounts
          </button>
        }
        title="Import from .env"
        subtitle="Variables named like PROD_NMBRS_TOKEN or SMSGATE_USERNAME become accounts. Nothing is saved until you import."
      />
      {result && <ImportSummary result={result} onDone={onDone} onCheck={onCheck} />}
      <section className="card" aria-labelledby="import-source-title">
        <h2 id="import-source-title">1. Paste the .env contents</h2>
        <label htmlFor="import-text" className="sr-only">
          .env contents
        </label>
        <textarea
          id="import-text"
          ref={text}
          className="textarea mono import-text"
          rows={9}
          spellCheck={false}
          autoComplete="off"
          placeholder={EXAMPLE}
          onInput={() => preview && setStale(true)}
          aria-describedby="import-text-hint"
        />
        <p id="import-text-hint" className="field-hint">
          The text is sent to AuthDesk’s own process only; secrets go straight to the OS keychain and the preview shows them masked.
        </p>
        <div className="import-controls">
          <input ref={file} id="import-file" aria-label="Choose a .env file" type="file" accept=".env,text/plain" className="sr-only" tabIndex={-1} onChange={(e) => void loadFile(e.target.files?.[0])} />
          <button type="button" className="btn" onClick={() => file.current?.click()}>
            <Icon name="file" />
            Choose a file…
          </button>
          <label className="checkbox">
            <input type="checkbox" checked={replaceExisting} onChange={(e) => {
                setReplaceExisting(e.target.checked)
                if (preview) setStale(true)
              }} />
            <span>Replace accounts that have the same name</span>
          </label>
          <button type="button" className="btn btn-primary import-preview-button" onClick={() => void runPreview()} disabled={previewAction.pending}>
            {previewAction.pending ? 'Reading…' : preview ? 'Preview again' : 'Preview'}
          </button>
        </div>
        {previewAction.error && (
          <p className="field-error" role="alert" data-testid="import-error">
            <Icon name="error" size={14} />
            {previewAction.error.message}
          </p>
        )}
      </section>
      {preview && (
        <section className="card" aria-labelledby="import-preview-title">
          <h2 id="import-preview-title">2. Check what will happen</h2>
          {stale && <Banner tone="warning" title="The text or options changed since this preview. Preview again before importing." />}
          <ImportPreviewTable preview={preview} providers={providers.data ?? []} />
          {preview.ignored.length > 0 && (
            <div className="import-ignored">
              <h3>Ignored variables</h3>
              <ul className="plain-list">
                {preview.ignored.map((v) => (
                  <li key={v.variable}>
                    <code>{v.variable}</code> {v.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {invalid > 0 && (
            <Banner
              tone="warning"
              testId="import-invalid"
              title={`${invalid} account${invalid === 1 ? ' has' : 's have'} problems and will not be imported${active.length > 0 ? `; the other ${active.length} will` : ''}.`}
            >
              Each problem is listed in its row above. Fix them in the text and preview again to import those too.
            </Banner>
          )}
          {unlisted.length > 0 && (
            <label className="checkbox host-confirm-inline">
              <input type="checkbox" checked={confirmHosts} onChange={(e) => setConfirmHosts(e.target.checked)} />
              <span>
                Send these accounts’ credentials to hosts that are not their provider’s: <strong>{unlisted.join(', ')}</strong>
              </span>
            </label>
          )}
          {importAction.error && (
            <p className="field-error" role="alert" data-testid="import-error">
              <Icon name="error" size={14} />
              {importAction.error.message}
            </p>
          )}
          <div className="form-footer">
            <button type="button" className="btn" onClick={() => onDone()}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" disabled={!canImport} onClick={() => void runImport()}>
              {importAction.pending ? 'Importing…' : `Import ${active.length} account${active.length === 1 ? '' : 's'}`}
            </button>
          </div>
        </section>
      )}
    </div>
  )
}
