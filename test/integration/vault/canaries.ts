/** Distinctive secret values, and scanners that find them (or any 8-character piece of them) anywhere. */
import { randomBytes } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

export function canary(name: string): string {
  return `cnry${name}${randomBytes(12).toString('hex')}`
}

/** A JWT-shaped canary (SMSGate tokens must look like JWTs). */
export function canaryJwt(name: string): string {
  return `${canary(`${name}h`)}.${canary(`${name}p`)}.${canary(`${name}s`)}`
}

export interface Canaries {
  readonly values: ReadonlyArray<string>
  /** Account drafts for every provider, every secret field a canary. */
  readonly drafts: ReadonlyArray<{ label: string; provider: string; fields: Record<string, string> }>
  /** The same accounts as a `.env` file, with fresh canaries. */
  readonly env: string
}

export function makeCanaries(): Canaries {
  const values: string[] = []
  const c = (name: string) => {
    const v = canary(name)
    values.push(v)
    return v
  }
  const jwt = (name: string) => {
    const v = canaryJwt(name)
    values.push(...v.split('.'))
    return v
  }
  const drafts: Canaries['drafts'] = [
    { label: 'GC', provider: 'groupcall', fields: { CUSTOMER_ID: '1469', PASSWORD: c('gcpw'), PARTNER_KEY: c('gcpk') } },
    { label: 'NM', provider: 'nmbrs', fields: { USERNAME: 'ops@example.com', TOKEN: c('nmtk'), DOMAIN: 'acme' } },
    { label: 'SG', provider: 'smsgate', fields: { USERNAME: 'ABCDEF', PASSWORD: c('sgpw'), TOKEN: jwt('sgtk'), REFRESH_TOKEN: jwt('sgrt') } },
    { label: 'AM', provider: 'authmatech', fields: { API_KEY: c('amkey'), CLIENT_ID: 'client-1' } },
  ]
  const env = [
    `IMP_GROUPCALL_CUSTOMER_ID=1470`,
    `IMP_GROUPCALL_PASSWORD=${c('envgc')}`,
    `IMP_NMBRS_USERNAME=ops@example.com`,
    `IMP_NMBRS_TOKEN=${c('envnm')}`,
    `IMP_SMSGATE_TOKEN=${jwt('envsg')}`,
    `IMP_AUTHMATECH_API_KEY=${c('envam')}`,
    `IMP_AUTHMATECH_CLIENT_ID=client-2`,
    `IMP_SMSGATE_PASWORD=${c('envtypo')}`,
    '',
  ].join('\n')
  return { values, drafts, env }
}

/** Every 8-character piece of each canary's random part, in plain text and in base64. */
function needles(values: ReadonlyArray<string>): string[] {
  const out = new Set<string>()
  for (const value of values) {
    out.add(value)
    out.add(Buffer.from(value).toString('base64').slice(0, 16))
    const random = value.slice(-24)
    for (let i = 0; i + 8 <= random.length; i++) out.add(random.slice(i, i + 8))
  }
  return [...out]
}

export function hitsIn(text: string, values: ReadonlyArray<string>): string[] {
  return needles(values).filter((n) => text.includes(n))
}

export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** Hits per file, scanning every file under `dir` (binary-safe: latin1 keeps every byte). */
export async function hitsInDir(dir: string, values: ReadonlyArray<string>): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {}
  for (const file of await filesUnder(dir)) {
    const hits = hitsIn((await readFile(file)).toString('latin1'), values)
    if (hits.length > 0) found[file] = hits
  }
  return found
}
