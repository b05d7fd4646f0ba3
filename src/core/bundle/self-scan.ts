/**
 * The independent second look before a bundle is written: secretlint's recommended rules over
 * every file, plus a plain search for every vault secret in the encodings a leak would take
 * (raw, JSON-escaped, URL-encoded, base64 and base64url at all three byte alignments), also
 * with line breaks and indentation taken out. Shares no code with the redaction engine, so one
 * bug cannot hide in both.
 */
import type { BundleFile, ScanHit, ScanReport } from './types'

/** secretlint's own comment directive would let a file switch the scan off; that rule is dropped. */
const DIRECTIVE_RULE = '@secretlint/secretlint-rule-filter-comments'

interface Secretlint {
  lint(name: string, content: string): Promise<Array<{ ruleId: string; line: number; column: number }>>
  readonly rules: ReadonlyArray<string>
}

let secretlint: Promise<Secretlint> | null = null

/** Loaded on first use (ESM-only packages; most commands never need them). */
function loadSecretlint(): Promise<Secretlint> {
  secretlint ??= (async () => {
    const [{ lintSource }, preset] = await Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')])
    const rules = preset.rules.filter((r) => r.meta.id !== DIRECTIVE_RULE).map((rule) => ({ id: rule.meta.id, rule }))
    return {
      rules: rules.map((r) => r.id),
      async lint(name, content) {
        const result = await lintSource({
          source: { filePath: `/bundle/${name}`, content, contentType: 'text' },
          options: { config: { rules }, maskSecrets: true, noPhysicFilePath: false },
        })
        return result.messages.map((m) => ({ ruleId: m.ruleId, line: m.loc.start.line, column: m.loc.start.column + 1 }))
      },
    }
  })()
  return secretlint
}

/** Shorter values are not looked for (they occur in ordinary text); the redaction engine uses the same floor. */
const MIN_LENGTH = 6

/** What a leaked vault secret would look like in a file. A JWT's header and claims are kept on purpose: its signature is the secret. */
function leakForms(secret: string): Array<{ text: string; encoding: string }> {
  const value = /^eyJ[\w-]+\.eyJ[\w-]+\.([\w-]+)$/.exec(secret.trim())?.[1] ?? secret.trim()
  if (value.length < MIN_LENGTH) return []
  const forms = [
    { text: value, encoding: 'raw' },
    { text: JSON.stringify(value).slice(1, -1), encoding: 'json' },
    { text: encodeURIComponent(value), encoding: 'url' },
  ]
  const bytes = Buffer.from(value, 'utf8')
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset, 0xff), bytes]).toString('base64')
    // Only the characters made of the secret's bits alone: skip the offset's, stop before the padding's.
    const first = offset === 0 ? 0 : offset + 1
    const last = Math.floor(((offset + bytes.length) * 4) / 3)
    const core = encoded.slice(first, last)
    forms.push({ text: core, encoding: 'base64' }, { text: core.replace(/\+/g, '-').replace(/\//g, '_'), encoding: 'base64url' })
  }
  const seen = new Set<string>()
  return forms.filter((f) => f.text.length >= MIN_LENGTH && !seen.has(f.text) && Boolean(seen.add(f.text)))
}

/** The text with line breaks (and the next line's indentation) removed, and where each kept character was. */
function joined(text: string): { text: string; at: number[] } {
  const chars: string[] = []
  const at: number[] = []
  let afterBreak = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '\n' || c === '\r') {
      afterBreak = true
      continue
    }
    if (afterBreak && (c === ' ' || c === '\t')) continue
    afterBreak = false
    chars.push(c)
    at.push(i)
  }
  return { text: chars.join(''), at }
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 }
}

function vaultHits(file: BundleFile, needles: ReadonlyArray<{ text: string; encoding: string }>): ScanHit[] {
  const hits: ScanHit[] = []
  const flat = joined(file.content)
  for (const needle of needles) {
    for (let i = flat.text.indexOf(needle.text); i >= 0; i = flat.text.indexOf(needle.text, i + 1)) {
      hits.push({ file: file.name, ...position(file.content, flat.at[i]!), rule: `vault-secret (${needle.encoding})` })
    }
  }
  return hits
}

export async function selfScan(files: ReadonlyArray<BundleFile>, vaultSecrets: ReadonlyArray<string>): Promise<ScanReport> {
  const linter = await loadSecretlint()
  const needles = vaultSecrets.flatMap(leakForms)
  const hits: ScanHit[] = []
  for (const file of files) {
    for (const m of await linter.lint(file.name, file.content)) hits.push({ file: file.name, line: m.line, column: m.column, rule: m.ruleId })
    hits.push(...vaultHits(file, needles))
  }
  hits.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
  return { clean: hits.length === 0, hits, files: files.length, rules: [...linter.rules, 'vault-secret'], vaultSecrets: vaultSecrets.length }
}

/** `exchanges.har line 12 column 40 (vault-secret (base64))`, one per hit, for messages. */
export function describeHits(hits: ReadonlyArray<ScanHit>, limit = 10): string {
  const shown = hits.slice(0, limit).map((h) => `${h.file} line ${h.line} column ${h.column} (${h.rule})`)
  return hits.length > limit ? `${shown.join('; ')}; and ${hits.length - limit} more` : shown.join('; ')
}
