import type { BundlePreviewView } from '@shared/bundle'

/** What goes in: every part can be left out, and identifying fields can be replaced by pseudonyms. */
export function BundleContents(props: {
  readonly items: BundlePreviewView['items']
  readonly excluded: ReadonlyArray<string>
  readonly onExclude: (ids: ReadonlyArray<string>) => void
  readonly maskable: ReadonlyArray<string>
  readonly masked: ReadonlyArray<string>
  readonly onMask: (fields: ReadonlyArray<string>) => void
}) {
  const toggle = (list: ReadonlyArray<string>, id: string, on: boolean): string[] => (on ? [...list, id] : list.filter((x) => x !== id))
  const byFile = new Map<string, BundlePreviewView['items'][number][]>()
  for (const item of props.items) byFile.set(item.file, [...(byFile.get(item.file) ?? []), item])
  return (
    <div className="bundle-contents">
      {props.maskable.length > 0 && (
        <fieldset className="bundle-group">
          <legend className="field-label">Replace with pseudonyms</legend>
          {props.maskable.map((field) => (
            <label key={field} className="checkbox">
              <input type="checkbox" checked={props.masked.includes(field)} onChange={(event) => props.onMask(toggle(props.masked, field, event.target.checked))} />
              <code>{field}</code>
            </label>
          ))}
        </fieldset>
      )}
      {[...byFile].map(([file, items]) => (
        <fieldset key={file} className="bundle-group">
          <legend className="field-label">
            <code>{file}</code>
          </legend>
          {items.map((item) => (
            <label key={item.id} className="checkbox">
              <input
                type="checkbox"
                checked={!props.excluded.includes(item.id)}
                onChange={(event) => props.onExclude(toggle(props.excluded, item.id, !event.target.checked))}
              />
              <span className="bundle-item-label">{item.label}</span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  )
}
