/**
 * Each command declares its flags once, in a table: parsing (node's parseArgs reads the same
 * objects), the help text and "did you mean" all come from it. Global flags (--json,
 * --data-dir…) are table entries like any other, so adding one is one line per command.
 */
import { parseArgs } from 'node:util'
import { editDistance } from '../shared/edit-distance'

export interface FlagSpec {
  readonly type: 'string' | 'boolean'
  readonly multiple?: boolean
  readonly default?: string | boolean | string[]
  /** The value's placeholder in help (`FILE`, `DIR`). */
  readonly value?: string
  readonly help: string
}

export type FlagTable = Readonly<Record<string, FlagSpec>>

export const DATA_DIR_FLAG = { type: 'string', value: 'DIR', help: 'the vault’s data directory (default: the desktop app’s)' } as const satisfies FlagSpec
export const JSON_FLAG = { type: 'boolean', default: false, help: 'print JSON on stdout (errors too: {"error":{code,message,field}})' } as const satisfies FlagSpec

/** parseArgs over a command's table (strict: unknown flags are usage errors). */
export function parseFlags<T extends FlagTable>(flags: T, argv: ReadonlyArray<string>, allowPositionals = false): ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: boolean }>> {
  return parseArgs({ args: [...argv], options: flags, strict: true, allowPositionals })
}

export function flagLines(flags: FlagTable): string[] {
  const left = Object.entries(flags).map(([name, f]) => `--${name}${f.value ? ` ${f.value}` : ''}${f.multiple ? '...' : ''}`)
  const width = Math.max(...left.map((l) => l.length))
  return Object.values(flags).map((f, i) => `  ${left[i]!.padEnd(width)}  ${f.help}`)
}

/** The closest of `candidates` within a few edits, or null. */
export function closest(word: string, candidates: ReadonlyArray<string>): string | null {
  let best: { name: string; d: number } | null = null
  for (const name of candidates) {
    const d = editDistance(word.toLowerCase(), name.toLowerCase())
    if (d <= Math.max(2, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d }
  }
  return best?.name ?? null
}
