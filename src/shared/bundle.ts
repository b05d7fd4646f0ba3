/** The support bundle as the renderer previews it: redacted files with what was removed where (never the values). */

export interface BundleRedactionView {
  readonly start: number
  readonly end: number
  readonly kind: string
  readonly field?: string
}

export interface BundleFileView {
  readonly name: string
  readonly mediaType: string
  readonly size: number
  /** Already redacted. */
  readonly content: string
  readonly redactions: ReadonlyArray<BundleRedactionView>
}

export interface BundleScanView {
  readonly clean: boolean
  readonly hits: ReadonlyArray<{ readonly file: string; readonly line: number; readonly column: number; readonly rule: string }>
  readonly vaultSecrets: number
}

export interface BundlePreviewView {
  readonly accountId: string
  readonly generatedAt: string
  /** Pass back to `bundle:export` so exactly what was previewed is written. */
  readonly digest: string
  readonly files: ReadonlyArray<BundleFileView>
  /** Parts the user may leave out (ids for `exclude`). */
  readonly items: ReadonlyArray<{ readonly id: string; readonly file: string; readonly label: string }>
  readonly scan: BundleScanView
}

export interface ExportedBundleView {
  readonly path: string
  readonly bytes: number
  readonly files: ReadonlyArray<string>
  /** Pass to `bundle:reveal` to show the file in the file manager (absent where that is not possible). */
  readonly exportId?: string
}
