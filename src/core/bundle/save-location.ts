/**
 * Where an exported bundle goes, chosen by the person: main shows the system Save dialog and
 * the file manager; the e2e harness gives a test double. Core only asks, so it needs no Electron.
 */
export interface SaveLocation {
  /** The path the person chose for `fileName` (the Save dialog), or null when they cancelled. */
  choose(fileName: string): Promise<string | null>
  /** Shows a file AuthDesk saved in the system's file manager. */
  reveal(path: string): void
}
