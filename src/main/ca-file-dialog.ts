/** The extra CA file is chosen in the system Open dialog, shown by main: the renderer never names a path. */
import { dialog, type BrowserWindow } from 'electron'
import type { CaFilePicker } from '../core/http/ca-file-picker'

export function systemCaFilePicker(window: () => BrowserWindow | null): CaFilePicker {
  return {
    async choose() {
      const options = {
        title: 'Choose the CA certificate(s) to trust',
        buttonLabel: 'Trust this file',
        filters: [
          { name: 'PEM certificates', extensions: ['pem', 'crt', 'cer'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile' as const],
      }
      const owner = window()
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
  }
}
