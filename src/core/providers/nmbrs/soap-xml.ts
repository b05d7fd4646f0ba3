/**
 * A namespace-aware view of an XML document on top of fast-xml-parser (which keeps prefixes
 * but does not resolve them). Shared by the Nmbrs simulator and probe.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'

export interface XmlElement {
  /** Resolved namespace URI, '' when the element is in no namespace. */
  readonly ns: string
  readonly local: string
  /** Attributes by qualified name as written (namespace declarations included). */
  readonly attributes: Readonly<Record<string, string>>
  readonly children: ReadonlyArray<XmlElement>
  /** The element's own text nodes joined, untrimmed (an XML serializer keeps whitespace). */
  readonly text: string
}

export interface XmlError {
  readonly message: string
  readonly line: number
  readonly column: number
}

export type XmlParseResult = { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly error: XmlError }

const XML_NS = 'http://www.w3.org/XML/1998/namespace'

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  // decodes numeric character references (&#10;), which .NET writers emit
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
})

class NamespaceError extends Error {}

type RawNode = Record<string, unknown>
type Scope = ReadonlyMap<string, string>

const isRecord = (value: unknown): value is RawNode => typeof value === 'object' && value !== null && !Array.isArray(value)

function stringAttributes(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isRecord(value)) return out
  for (const [name, attr] of Object.entries(value)) out[name] = String(attr)
  return out
}

function extendScope(scope: Scope, attributes: Readonly<Record<string, string>>): Scope {
  const declarations = Object.entries(attributes).filter(([name]) => name === 'xmlns' || name.startsWith('xmlns:'))
  if (declarations.length === 0) return scope
  const next = new Map(scope)
  for (const [name, uri] of declarations) next.set(name === 'xmlns' ? '' : name.slice('xmlns:'.length), uri)
  return next
}

function tagName(node: RawNode): string | null {
  return Object.keys(node).find((key) => key !== ':@') ?? null
}

function toElement(name: string, node: RawNode, parentScope: Scope): XmlElement {
  const attributes = stringAttributes(node[':@'])
  const scope = extendScope(parentScope, attributes)
  const colon = name.indexOf(':')
  const prefix = colon < 0 ? '' : name.slice(0, colon)
  const ns = scope.get(prefix)
  if (ns === undefined) throw new NamespaceError(`'${prefix}' is an undeclared prefix.`)
  const children: XmlElement[] = []
  let text = ''
  const content = node[name]
  for (const child of Array.isArray(content) ? (content as unknown[]) : []) {
    if (!isRecord(child)) continue
    const childName = tagName(child)
    if (childName === '#text') text += String(child['#text'])
    else if (childName !== null) children.push(toElement(childName, child, scope))
  }
  return { ns, local: colon < 0 ? name : name.slice(colon + 1), attributes, children, text }
}

/** Parses one XML document. DTDs are refused, as .NET's default reader settings do. */
export function parseXml(xml: string): XmlParseResult {
  if (xml.trim() === '') return fail('Root element is missing.', 0, 0)
  if (/<!DOCTYPE/i.test(xml)) return fail('For security reasons DTD is prohibited in this XML document.', 1, 1)
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return fail(valid.err.msg, valid.err.line, valid.err.col ?? 0)
  const top: unknown = parser.parse(xml)
  const nodes = (Array.isArray(top) ? (top as unknown[]) : []).filter(isRecord)
  const elements = nodes.filter((node) => tagName(node) !== '#text')
  const strayText = nodes.some((node) => tagName(node) === '#text' && String(node['#text']).trim() !== '')
  const first = elements[0]
  const firstName = first ? tagName(first) : null
  if (!first || !firstName) return fail('Root element is missing.', 0, 0)
  if (elements.length > 1 || strayText) return fail('Data at the root level is invalid.', 1, 1)
  try {
    return { ok: true, root: toElement(firstName, first, new Map([['', ''], ['xml', XML_NS]])) }
  } catch (error) {
    if (error instanceof NamespaceError) return fail(error.message, 1, 1)
    throw error
  }
}

function fail(message: string, line: number, column: number): XmlParseResult {
  return { ok: false, error: { message, line, column } }
}

export function childElement(parent: XmlElement | null | undefined, ns: string, local: string): XmlElement | null {
  return parent?.children.find((child) => child.ns === ns && child.local === local) ?? null
}

/** Text of a leaf child, or null when the child is absent. */
export function childText(parent: XmlElement | null | undefined, ns: string, local: string): string | null {
  return childElement(parent, ns, local)?.text ?? null
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Escapes text for element content and attribute values (`>` too, as .NET's XmlWriter does). */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}
