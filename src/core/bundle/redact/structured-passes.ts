/**
 * Credential members of JSON (also JSON written inside JSON strings, as in a HAR's postData)
 * and credential elements of XML/SOAP (also HTML-escaped). Called by the named-value pass for
 * each secret name it finds.
 */
import type { PassOutput } from './types'
import { isPlaceholder, jsonStringEnd, lineEnd, MAX_VALUE_LENGTH, removeValue, unescapeJson } from './values'

/** After a JSON key: its closing quote (as deep as it is escaped) and the colon. */
const JSON_AFTER = /(\\*)"[ \t\r\n]*:[ \t\r\n]*/y
const JSON_NUMBER = /-?\d[\d.eE+-]*/y

/**
 * A JSON member whose secret name is at [start, end): removes its string or number value.
 * Returns false when the name is not a JSON key there.
 */
export function jsonMember(text: string, start: number, end: number, out: PassOutput): boolean {
  JSON_AFTER.lastIndex = end
  const m = JSON_AFTER.exec(text)
  if (!m) return false
  const slashes = m[1]!
  // The name must be a JSON key: opened by a quote written at the same depth.
  if (!text.startsWith(`${slashes}"`, start - slashes.length - 1)) return false
  const name = text.slice(start, end)
  const at = end + m[0].length
  if (text.startsWith(`${slashes}"`, at)) {
    const from = at + slashes.length + 1
    const close = jsonStringEnd(text, from, slashes.length)
    const valueEnd = close < 0 ? lineEnd(text, from) : close
    const value = unescapeJson(text.slice(from, valueEnd), slashes.length)
    if (!isPlaceholder(value)) removeValue(out, text, from, valueEnd, 'json-field', name, value)
    return true
  }
  JSON_NUMBER.lastIndex = at
  const num = JSON_NUMBER.exec(text)
  if (num) removeValue(out, text, at, at + num[0].length, 'json-field', name)
  return true
}

/** After an element name: attributes, then `>` (or `&gt;`); `/>` is an empty element. */
const XML_AFTER = /(?:\s[^<>]{0,1024}?)?(\/?)(>|&gt;)/y
const XML_TAG = /(<|&lt;)((?:[A-Za-z_][\w.-]*:)?)$/

/**
 * `<Token>…</Token>`, `<ns:Password>…`, `&lt;Token&gt;…` (a SOAP envelope shown in HTML or a
 * log) whose local name is at [start, end). Returns false when no opening tag is there.
 */
export function xmlElement(text: string, start: number, end: number, out: PassOutput): boolean {
  const open = XML_TAG.exec(text.slice(Math.max(0, start - 40), start))
  if (!open) return false
  XML_AFTER.lastIndex = end
  const m = XML_AFTER.exec(text)
  if (!m) return false
  if (m[1] === '/') return true
  const lt = open[1]!
  const tag = open[2]! + text.slice(start, end)
  const from = end + m[0].length
  // A leaf's value runs to the next tag, which must be its closing tag; anything else is nested elements (handled one by one).
  const close = text.indexOf(lt, from)
  if (close < 0 || close - from > MAX_VALUE_LENGTH || !text.startsWith(`${lt}/${tag}`, close)) return true
  const value = text.slice(from, close)
  if (isPlaceholder(value)) return true
  const decoded = value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
  const lead = value.length - value.trimStart().length
  const trail = value.length - value.trimEnd().length
  removeValue(out, text, from + lead, close - trail, 'xml-field', text.slice(start, end), decoded.trim())
  return true
}
