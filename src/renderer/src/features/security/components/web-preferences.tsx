import type { SecurityPosture } from '@shared/model'
import { Icon } from '@renderer/components/icon'

/** The value each preference should have in a window that shows untrusted provider text. */
const SECURE: Readonly<Record<string, string | boolean>> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
}

/** The window's effective web preferences as Electron reports them, each marked against the secure value. */
export function WebPreferences({ preferences }: { readonly preferences: SecurityPosture['webPreferences'] }) {
  if (!preferences)
    return (
      <p className="note-box" data-testid="web-preferences-harness">
        <Icon name="info" />
        <span>
          Not running inside Electron (test harness): this renderer runs in a browser page under the end-to-end harness, so there is no Electron window whose
          preferences could be read back. In the desktop app this section lists them.
        </span>
      </p>
    )
  return (
    <table className="data-table kv-table" data-testid="web-preferences">
      <caption className="sr-only">Effective web preferences</caption>
      <tbody>
        {Object.entries(preferences).map(([name, value]) => {
          const expected = SECURE[name]
          const verdict = expected === undefined ? null : expected === value
          return (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>
                <code>{String(value)}</code>
              </td>
              <td className="verdict">
                {verdict === true && (
                  <span className="tag tag-healthy">
                    <Icon name="check" size={13} />
                    Secure
                  </span>
                )}
                {verdict === false && (
                  <span className="tag tag-failing">
                    <Icon name="warning" size={13} />
                    Expected {String(expected)}
                  </span>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
