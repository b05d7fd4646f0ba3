import type { ImportResult } from '../../../../../../shared/model'
import { Banner } from '../../../../components/banner'

/** The outcome of an import, with the way back to the list. */
export function ImportSummary({ result, onDone }: { readonly result: ImportResult; readonly onDone: () => void }) {
  const parts = [
    `${result.created.length} created`,
    ...(result.replaced.length ? [`${result.replaced.length} replaced`] : []),
    ...(result.skipped.length ? [`${result.skipped.length} skipped`] : []),
  ]
  return (
    <Banner
      tone="info"
      alert
      testId="import-result"
      title={`Import finished: ${parts.join(', ')}.`}
      action={
        <button type="button" className="btn btn-primary" onClick={onDone}>
          Go to accounts
        </button>
      }
    >
      {result.created.length + result.replaced.length > 0 && <p>{[...result.created, ...result.replaced].map((a) => a.label).join(', ')}</p>}
    </Banner>
  )
}
