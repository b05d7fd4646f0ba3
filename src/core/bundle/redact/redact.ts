/**
 * The redaction engine: structural passes (by name and syntax), then the literal values (the
 * vault's secrets in every encoding, values removed elsewhere in the same text, identifiers to
 * mask), then high-entropy tokens nobody named. Every pass reads the original text and proposes
 * ranges; overlapping ranges merge into one removal, so pass order never hides a secret.
 * Passes do not depend on the content type: support text mixes JSON, XML, headers and logs.
 */
import { applyFindings, coveredRanges, mergeFindings } from './apply'
import { commandLinePass, pemPass, urlPass } from './assignment-passes'
import { clientCodePass } from './client-code-pass'
import { entropyPass } from './entropy-pass'
import { snapToEscapes } from './escape-bounds'
import { authorizationPass, cookiePass, harPass, jwtPass } from './header-passes'
import { KnownValues } from './known-values'
import { namedValuePass } from './named-values'
import { newPassOutput, type PassOutput, type RedactResult } from './types'

export interface RedactOptions {
  /** Secret values to remove wherever and however they are written (the vault's secrets). */
  readonly knownSecrets?: ReadonlyArray<string>
  /** Identifiers the user chose to mask; each becomes `[masked-N]`, N its place in this list. */
  readonly pseudonymize?: ReadonlyArray<string>
}

export interface Redactor {
  redact(text: string): RedactResult
}

const STRUCTURAL: ReadonlyArray<(text: string, out: PassOutput) => void> = [
  pemPass,
  jwtPass,
  authorizationPass,
  cookiePass,
  harPass,
  namedValuePass,
  commandLinePass,
  urlPass,
  clientCodePass,
]

/** Compiles the known values once, for many texts (one bundle's files share one redactor, hence one set of pseudonyms). */
export function createRedactor(options: RedactOptions = {}): Redactor {
  const known = KnownValues.create(options.knownSecrets ?? [], options.pseudonymize ?? [])
  return {
    redact(text) {
      const out = newPassOutput()
      for (const pass of STRUCTURAL) pass(text, out)
      const named = mergeFindings(out.findings.concat(known.withDiscovered(out.discovered).find(text)).map((f) => snapToEscapes(text, f)))
      const keep = out.keep.sort((a, b) => a.start - b.start)
      const unnamed = entropyPass(text, coveredRanges(named, keep))
      return applyFindings(text, unnamed.length === 0 ? named : mergeFindings(named.concat(unnamed)))
    },
  }
}

export function redact(text: string, options: RedactOptions = {}): RedactResult {
  return createRedactor(options).redact(text)
}
