/**
 * Where the extra CA file comes from in the app: main shows the system Open dialog, the e2e
 * harness gives a test double. The renderer never names a path: a page that could would make
 * any PEM on disk trusted. Core only asks, so it needs no Electron.
 */
export interface CaFilePicker {
  /** The file the person chose in the Open dialog, or null when they cancelled. */
  choose(): Promise<string | null>
}
