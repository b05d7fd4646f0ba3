/** The Providers screen's view of built-in and custom providers (no secrets: definitions hold none). */

export interface DefinitionProblemView {
  readonly severity: 'error' | 'warning'
  /** JSON path into the definition, e.g. `probe[0].rules[2].cause`; '' for the whole file. */
  readonly path: string
  /** 1-based; null when the place cannot be found in the text. */
  readonly line: number | null
  readonly message: string
  readonly fix: string
}

export interface ProviderCatalogEntry {
  /** Null for a custom file that does not load. */
  readonly id: string | null
  readonly name: string | null
  readonly envToken: string | null
  readonly origin: 'builtin' | 'custom'
  /** The definition file's name, for custom providers. */
  readonly file: string | null
  readonly hosts: ReadonlyArray<string>
  /** Errors of a file that does not load or clashes; warnings of one that does. */
  readonly problems: ReadonlyArray<DefinitionProblemView>
}

export type ProviderAddResult =
  | { readonly ok: true; readonly id: string; readonly name: string; readonly warnings: ReadonlyArray<DefinitionProblemView> }
  | { readonly ok: false; readonly problems: ReadonlyArray<DefinitionProblemView> }

/** Largest definition accepted from the app (the file format's own limit). */
export const MAX_DEFINITION_TEXT = 256 * 1024
