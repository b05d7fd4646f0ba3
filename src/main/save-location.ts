/** Bundles are saved where the person chooses in the system Save dialog; "Show in folder" opens the file manager. */
import { join } from 'node:path'
import { app, dialog, shell, type BrowserWindow } from 'electron'
import type { SaveLocation } from '../core/bundle/save-location'

export function systemSaveLocation(window: () => BrowserWindow | null): SaveLocation {
  return {
    async choose(fileName) {
      const options = {
        title: 'Save support bundle',
        defaultPath: join(app.getPath('documents'), fileName),
        filters: [{ name: 'Zip archive', extensions: ['zip'] }],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      }
      const owner = window()
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    reveal(path) {
      shell.showItemInFolder(path)
    },
  }
}
