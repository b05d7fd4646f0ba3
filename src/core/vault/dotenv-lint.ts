/**
 * Reading a `.env` file with Node's own parser (`util.parseEnv`, dotenv's rules), and saying,
 * by line, what that parser drops or merges without a word: a value cut at an unquoted `#`,
 * a line without `=` (which would swallow the next variable: it is left out instead), a
 * variable set twice, lower-case variants of one name, and provider names that are a typo away
 * from a known one. Findings never quote a value.
 */
import { parseEnv } from 'node:util'
import { editDistance } from '../../shared/edit-distance'
import { providerModules } from '../providers/registry'
import { ACCOUNT_VARIABLES } from './dotenv-variables'

export const DOTENV_MAX_BYTES = 1024 * 1024

export interface DotenvFinding {
  readonly line: number
  readonly variable: string | null
  readonly message: string
}

export interface ReadDotenv {
  readonly variables: Record<string, string>
  readonly findings: ReadonlyArray<DotenvFinding>
}

const ASSIGNMENT = /^\s*(?:export\s+)?([^\s=#]+)\s*=(.*)$/
const QUOTES = ['"', "'", '`']

/** `SMSGAT_PASSWORD` → `SMSGATE_PASSWORD`: a provider token one or two edits away, followed by one of its fields. */
export function providerSuggestion(variable: string): string | null {
  const parts = variable.toUpperCase().split('_')
  if (parts.some((p) => providerModules().map((m) => m.definition).some((d) => d.envName === p))) return null
  for (let i = 0; i < parts.length - 1; i++) {
    const field = parts.slice(i + 1).join('_')
    for (const definition of providerModules().map((m) => m.definition)) {
      const known = (ACCOUNT_VARIABLES as ReadonlyArray<string>).includes(field) || definition.fields.some((f) => f.name === field)
      if (known && parts[i]!.length >= 4 && editDistance(parts[i]!, definition.envName) <= 2) return [...parts.slice(0, i), definition.envName, field].join('_')
    }
  }
  return null
}

interface Scan {
  readonly kept: string[]
  readonly findings: DotenvFinding[]
  readonly lines: Map<string, number>
  /** Each name's spellings by its upper-case form, so a case variant is found without a scan of every name. */
  readonly spellings: Map<string, Set<string>>
}

function scanLine(text: string, number: number, scan: Scan): string | null {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.startsWith('#')) return null
  const match = ASSIGNMENT.exec(text)
  if (!match) {
    scan.findings.push({ line: number, variable: null, message: 'has no "=", so it was left out (it would have swallowed the next line). Write NAME=value, or start the line with #.' })
    scan.kept.push('')
    return null
  }
  const [, name, raw] = match as unknown as [string, string, string]
  const value = raw.trimStart()
  const earlier = scan.lines.get(name)
  if (earlier !== undefined) scan.findings.push({ line: number, variable: name, message: `is set again (first on line ${earlier}); this later value wins.` })
  const spellings = scan.spellings.get(name.toUpperCase()) ?? new Set<string>()
  const variant = [...spellings].find((k) => k !== name)
  if (variant !== undefined)
    scan.findings.push({ line: number, variable: name, message: `and ${variant} (line ${scan.lines.get(variant)}) differ only in case and name the same account field; one replaces the other. Keep one, in capitals.` })
  scan.lines.set(name, number)
  scan.spellings.set(name.toUpperCase(), spellings.add(name))
  const quote = QUOTES.find((q) => value.startsWith(q))
  if (quote) return value.indexOf(quote, 1) < 0 ? quote : null
  if (value.includes('#'))
    scan.findings.push({ line: number, variable: name, message: 'has an unquoted "#": everything from it on is read as a comment and left out of the value. Quote it: NAME="value".' })
  return null
}

export function readDotenv(input: string): ReadDotenv {
  const text = input.replace(/^\uFEFF/, '')
  const scan: Scan = { kept: [], findings: [], lines: new Map(), spellings: new Map() }
  let openQuote: string | null = null
  text.split(/\r?\n/).forEach((line, index) => {
    if (openQuote !== null) {
      if (line.includes(openQuote)) openQuote = null
      scan.kept.push(line)
      return
    }
    const before = scan.kept.length
    openQuote = scanLine(line, index + 1, scan)
    if (scan.kept.length === before) scan.kept.push(line)
  })
  const variables = parseEnv(scan.kept.join('\n')) as Record<string, string>
  for (const [name, line] of scan.lines) {
    const suggestion = providerSuggestion(name)
    if (suggestion) scan.findings.push({ line, variable: name, message: `names no provider, so it was ignored. Did you mean ${suggestion}?` })
  }
  return { variables, findings: scan.findings.sort((a, b) => a.line - b.line) }
}

export function formatFinding(source: string, finding: DotenvFinding): string {
  return `${source}:${finding.line}: ${finding.variable ? `${finding.variable} ` : 'this line '}${finding.message}`
}
