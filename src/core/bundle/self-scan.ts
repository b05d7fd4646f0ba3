/**
 * The independent second look before a bundle is written: secretlint's recommended rules over
 * every file, plus a search for every vault secret however a leak would write it. Where the
 * redaction engine encodes each secret and matches the forms, this scan works the other way:
 * it decodes each file (JSON escapes, HTML/XML entities and percent-encoding, each alone and
 * all together, twice over for double escaping), drops all whitespace (a secret split across
 * lines or by spaces), folds case, and looks for the plain secret, its form-encoded `+` form,
 * and its base64/base64url forms at all three byte alignments; a truncation (`…`, `...`, the
 * file's end) that leaves 8+ characters of a secret's start or end counts too. It shares no
 * code with the redaction engine, so one bug cannot hide in both.
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
/** The shortest start or end of a secret that counts at a truncation. */
const MIN_CUT = 8

interface Needle {
  readonly text: string
  readonly encoding: string
}

const fold = (s: string): string => s.replace(/\s+/g, '').toLowerCase()

/** What a leaked vault secret would look like once a file is decoded. A JWT's header and claims are kept on purpose: its signature is the secret. */
function leakForms(secret: string): Needle[] {
  const value = /^eyJ[\w-]+\.eyJ[\w-]+\.([\w-]+)$/.exec(secret.trim())?.[1] ?? secret.trim()
  if (value.length < MIN_LENGTH) return []
  const forms: Needle[] = [{ text: value, encoding: 'raw' }, { text: value.replace(/ /g, '+'), encoding: 'form' }]
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
  return forms.map((f) => ({ ...f, text: fold(f.text) })).filter((f) => f.text.length >= MIN_LENGTH && !seen.has(f.text) && Boolean(seen.add(f.text)))
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', plus: '+', sol: '/', bsol: '\\', equals: '=', colon: ':', num: '#', percnt: '%' }
const codePoint = (n: number): string => (n <= 0x10ffff ? String.fromCodePoint(n) : '')

const DECODERS: ReadonlyArray<{ readonly name: string; readonly decode: (s: string) => string }> = [
  {
    name: 'json',
    decode: (s) =>
      s.replace(/\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt']))/g, (_m, hex: string | undefined, c: string | undefined) =>
        hex ? String.fromCharCode(parseInt(hex, 16)) : ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[c!] ?? c!,
      ),
  },
  {
    name: 'entity',
    decode: (s) =>
      s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/g, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) =>
        dec ? codePoint(parseInt(dec, 10)) : hex ? codePoint(parseInt(hex, 16)) : (ENTITIES[name!] ?? m),
      ),
  },
  {
    name: 'percent',
    decode: (s) => s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8')),
  },
]

/** The file's readings: as written, each decoder alone, then all of them in turn (twice, for double escaping). */
function readings(text: string): Array<{ text: string; how: string }> {
  const out = [{ text, how: '' }]
  for (const d of DECODERS) {
    const once = d.decode(text)
    if (once !== text) out.push({ text: once, how: d.name }, { text: d.decode(once), how: `${d.name}×2` })
  }
  let all = text
  for (let round = 0; round < 2; round++) for (const d of DECODERS) all = d.decode(all)
  if (all !== text) out.push({ text: all, how: 'decoded' })
  return out
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 }
}

/** Where in the file the hit at `at` of a reading was: exact for the file as written, else the line of the nearest plain stretch. */
function origin(file: string, reading: string, at: number, exact: boolean): number {
  if (exact) return at
  const probe = reading.slice(Math.max(0, at - 12), at).replace(/[^A-Za-z0-9]/g, '')
  const found = probe.length >= 4 ? file.indexOf(probe) : -1
  return found >= 0 ? found + probe.length : 0
}

/** Folded text (no whitespace, lower case) and where each kept character was in the reading. */
function folded(text: string): { text: string; at: Int32Array } {
  const chars: string[] = []
  const at = new Int32Array(text.length)
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (/\s/.test(c)) continue
    chars.push(c)
    at[n++] = i
  }
  return { text: chars.join('').toLowerCase(), at: at.subarray(0, n) }
}

const CUT = /…|\.\.\./g

function cutHits(flat: string, needles: ReadonlyArray<Needle>): Array<{ at: number; encoding: string }> {
  const hits: Array<{ at: number; encoding: string }> = []
  const cuts = [...flat.matchAll(CUT)].map((m) => ({ before: m.index, after: m.index + m[0].length }))
  cuts.push({ before: flat.length, after: flat.length }, { before: 0, after: 0 })
  for (const { before, after } of cuts)
    for (const n of needles) {
      if (n.encoding !== 'raw' || n.text.length <= MIN_CUT) continue
      for (let k = n.text.length - 1; k >= MIN_CUT; k--) {
        if (before >= k && flat.startsWith(n.text.slice(0, k), before - k)) {
          hits.push({ at: before - k, encoding: 'cut' })
          break
        }
        if (flat.startsWith(n.text.slice(-k), after)) {
          hits.push({ at: after, encoding: 'cut' })
          break
        }
      }
    }
  return hits
}

function vaultHits(file: BundleFile, needles: ReadonlyArray<Needle>): ScanHit[] {
  const hits = new Map<string, ScanHit>()
  for (const reading of readings(file.content)) {
    const flat = folded(reading.text)
    const found: Array<{ at: number; encoding: string }> = cutHits(flat.text, needles)
    for (const needle of needles)
      for (let i = flat.text.indexOf(needle.text); i >= 0; i = flat.text.indexOf(needle.text, i + 1)) found.push({ at: i, encoding: needle.encoding })
    for (const f of found) {
      const where = position(file.content, origin(file.content, reading.text, flat.at[f.at] ?? 0, reading.how === ''))
      const rule = `vault-secret (${[f.encoding, reading.how].filter(Boolean).join(', ')})`
      hits.set(`${where.line}:${where.column}:${rule}`, { file: file.name, ...where, rule })
    }
  }
  return [...hits.values()]
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
