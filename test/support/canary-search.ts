/**
 * Looks for any recoverable form of a canary in an output, the way someone reading the output
 * would try: it decodes the text every way it can (JSON escapes, HTML/XML entities, percent- and
 * form-encoding, base64 and base64url runs, alone and in turn, twice over), drops whitespace,
 * folds case, and searches every 12-character piece of each canary. Written apart from the
 * product's redaction code, so it does not share its blind spots.
 */
const PIECE = 12

const jsonUnescape = (s: string): string =>
  s.replace(/\\u([0-9a-fA-F]{4})|\\(.)/g, (_m, u: string | undefined, c: string | undefined) => (u ? String.fromCharCode(parseInt(u, 16)) : ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[c!] ?? c!))
const entities = (s: string): string =>
  s.replace(/&#[xX]([0-9a-fA-F]+);|&#(\d+);|&(amp|lt|gt|quot|apos);/g, (_m, h: string | undefined, d: string | undefined, n: string | undefined) =>
    h ? String.fromCodePoint(parseInt(h, 16)) : d ? String.fromCodePoint(parseInt(d, 10)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[n!]!,
  )
const percent = (s: string): string => s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('latin1'))
const plus = (s: string): string => s.replace(/\+/g, ' ')
const base64Runs = (s: string): string =>
  [...s.matchAll(/[A-Za-z0-9+/_-]{8,}={0,2}/g)].map((m) => Buffer.from(m[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1')).join('\n')

const DECODERS = [jsonUnescape, entities, percent, plus, base64Runs]

function readings(text: string): string[] {
  const out = new Set([text])
  let frontier = [text]
  for (let round = 0; round < 2; round++) {
    const next: string[] = []
    for (const t of frontier)
      for (const d of DECODERS) {
        const decoded = d(t)
        if (!out.has(decoded)) {
          out.add(decoded)
          next.push(decoded)
        }
      }
    frontier = next
  }
  return [...out]
}

const fold = (s: string): string => s.replace(/\s+/g, '').toLowerCase()

/** The canaries any form of which the text still holds, with the piece found. */
export function recoverableCanaries(text: string, canaries: ReadonlyArray<string>): string[] {
  const folded = readings(text).map(fold)
  const found: string[] = []
  for (const canary of canaries) {
    const c = fold(canary)
    for (let i = 0; i + PIECE <= c.length; i++) {
      const piece = c.slice(i, i + PIECE)
      if (folded.some((r) => r.includes(piece))) {
        found.push(`${canary} (piece ${JSON.stringify(piece)})`)
        break
      }
    }
  }
  return found
}
