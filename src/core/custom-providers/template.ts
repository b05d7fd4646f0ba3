/**
 * `{{FIELD}}` templates. Rendering escapes the value for where it goes (a URL path segment,
 * XML, JSON), so a value can never change the structure around it.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g

/** Names a step body may use besides fields. */
export const SOAP_HEADER = 'SOAP_HEADER'

export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)
}

export type Escape = 'none' | 'path' | 'xml' | 'json'

const XML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

export function escapeFor(kind: Escape, value: string): string {
  switch (kind) {
    case 'path':
      return encodeURIComponent(value)
    case 'xml':
      return value.replace(/[&<>"']/g, (c) => XML[c]!)
    case 'json':
      return JSON.stringify(value).slice(1, -1)
    case 'none':
      return value
  }
}

export function render(text: string, values: Readonly<Record<string, string>>, escape: Escape = 'none'): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => escapeFor(escape, values[name] ?? ''))
}
