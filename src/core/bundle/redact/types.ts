/** What the redaction engine reports: where it removed something and what kind, never the value. */

export const REDACTED = '[redacted]'

export const REDACTION_KINDS = [
  'json-field',
  'xml-field',
  'header',
  'query',
  'form',
  'assignment',
  'authorization-basic',
  'authorization-bearer',
  'authorization-bearer-signature',
  'authorization-other',
  'jwt-signature',
  'cookie',
  'url-userinfo',
  'private-key',
  'known-secret',
  'known-secret-encoded',
  'known-secret-split',
  'repeated-secret',
  'high-entropy',
  'pseudonym',
] as const
export type RedactionKind = (typeof REDACTION_KINDS)[number]

/**
 * How a known secret was written where it was found: `escaped` is any mix of JSON escapes,
 * HTML/XML entities and percent-encoding; `cut` is the start or end of a secret at a truncation.
 */
export type SecretEncoding = 'raw' | 'escaped' | 'form' | 'base64' | 'base64url' | 'cut'

/** One removal, as listed in the manifest. Positions are in the redacted text. */
export interface Removal {
  readonly kind: RedactionKind
  /** 1-based line and column of the replacement in the redacted text. */
  readonly where: { readonly line: number; readonly column: number }
  /** Offsets of the replacement in the redacted text (for highlighting in a preview). */
  readonly output: { readonly start: number; readonly end: number }
  /** How many characters were removed. */
  readonly length: number
  /** The name of the field, header, parameter or cookie the value belonged to. */
  readonly field?: string
  /** For known secrets: how the value was encoded where it was found. */
  readonly encoding?: SecretEncoding
}

export interface RedactResult {
  readonly text: string
  readonly manifest: ReadonlyArray<Removal>
}

/** A range of the input to replace (internal to the engine). */
export interface Finding {
  readonly start: number
  readonly end: number
  readonly kind: RedactionKind
  readonly field?: string
  readonly encoding?: SecretEncoding
  /** Defaults to REDACTED; pseudonyms carry their own. */
  readonly replacement?: string
}

export interface Range {
  readonly start: number
  readonly end: number
}

/** What a structural pass found: ranges to replace, ranges to keep (JWT header and claims), values to look for elsewhere. */
export interface PassOutput {
  readonly findings: Finding[]
  readonly keep: Range[]
  readonly discovered: Set<string>
}

export const newPassOutput = (): PassOutput => ({ findings: [], keep: [], discovered: new Set() })
