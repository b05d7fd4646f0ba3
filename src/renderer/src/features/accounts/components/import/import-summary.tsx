import type { ImportResult } from '@shared/model'
import { Banner } from '@renderer/components/banner'
import { Icon } from '@renderer/components/icon'

/** The outcome of an import: what came in, what was left out and why, and "Check these N now". */
export function ImportSummary(props: {
  readonly result: ImportResult
  readonly onDone: (imported?: ReadonlyArray<string>) => void
  readonly onCheck?: (ids: ReadonlyArray<string>) => void
}) {
  const { result, onCheck } = props
  const imported = [...result.created, ...result.replaced]
  const ids = imported.map((a) => a.id)
  const invalid = result.invalid ?? []
  const parts = [
    `${result.created.length} created`,
    ...(result.replaced.length ? [`${result.replaced.length} replaced`] : []),
    ...(result.skipped.length ? [`${result.skipped.length} skipped`] : []),
    ...(invalid.length ? [`${invalid.length} not imported`] : []),
  ]
  return (
    <Banner
      tone={invalid.length > 0 ? 'warning' : 'info'}
      alert
      testId="import-result"
      title={`Import finished: ${parts.join(', ')}.`}
      action={
        <div className="banner-actions">
          {onCheck && ids.length > 0 && (
            <button type="button" className="btn btn-primary" onClick={() => onCheck(ids)}>
              <Icon name="refresh" />
              Check {ids.length === 1 ? 'it' : `these ${ids.length}`} now
            </button>
          )}
          <button type="button" className="btn" onClick={() => props.onDone(ids)}>
            Go to accounts
          </button>
        </div>
      }
    >
      {imported.length > 0 && <p>{imported.map((a) => a.label).join(', ')}</p>}
      {invalid.length > 0 && (
        <ul className="plain-list import-rejections" data-testid="import-rejections">
          {invalid.map((rejection) => (
            <li key={rejection.name}>
              <strong>{rejection.name}</strong> was not imported:{' '}
              {rejection.problems.map((p) => (
                <span key={p.field + p.message}>
                  <code>{p.field}</code> {p.message}{' '}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </Banner>
  )
}
