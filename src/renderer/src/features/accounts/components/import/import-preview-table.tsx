import type { ImportAction, ImportPreview, ProviderInfo } from '@shared/model'
import { Icon, type IconName } from '@renderer/components/icon'

const ACTIONS: { readonly [A in ImportAction]: { readonly label: string; readonly icon: IconName; readonly tone: string } } = {
  create: { label: 'Create', icon: 'plus', tone: 'healthy' },
  replace: { label: 'Replace', icon: 'edit', tone: 'unknown' },
  skip: { label: 'Skip: exists', icon: 'arrowDown', tone: 'unchecked' },
  invalid: { label: 'Invalid', icon: 'failing', tone: 'failing' },
}

/** What an import would do, account by account; secrets appear only masked. */
export function ImportPreviewTable({ preview, providers }: { readonly preview: ImportPreview; readonly providers: ReadonlyArray<ProviderInfo> }) {
  return (
    <table className="data-table import-table" data-testid="import-preview">
      <caption className="sr-only">Accounts found in the .env text</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Provider</th>
          <th scope="col">Credentials</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {preview.accounts.map((c) => {
          const provider = providers.find((p) => p.id === c.provider)
          const action = ACTIONS[c.action]
          return (
            <tr key={c.name} data-testid="import-candidate" data-action={c.action}>
              <td>
                <strong>{c.name}</strong>
                {c.baseUrl && <div className="cell-sub mono">{c.baseUrl}</div>}
              </td>
              <td>
                {provider?.label ?? c.provider}
                <div className="cell-sub">{provider?.environments.find((e) => e.id === c.environment)?.label ?? c.environment}</div>
              </td>
              <td className="mono cell-credentials">
                {Object.entries(c.fields).map(([name, value]) => (
                  <div key={name}>
                    {name} {value}
                  </div>
                ))}
                {Object.entries(c.secrets).map(([name, view]) => (
                  <div key={name}>
                    {name} {view.maskedTail}
                  </div>
                ))}
              </td>
              <td>
                <span className={`tag tag-${action.tone}`}>
                  <Icon name={action.icon} size={13} />
                  {action.label}
                </span>
                {c.problems.map((p) => (
                  <p key={p.field + p.message} className="cell-problem">
                    <code>{p.field}</code>: {p.message}
                  </p>
                ))}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
