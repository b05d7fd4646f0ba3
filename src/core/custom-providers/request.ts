/**
 * A probe step as an HTTP request: path and headers from their templates, the step body
 * escaped for its syntax, and the credential placed where the definition says. Values are
 * escaped for where they go, so a value can never add a header, a path segment or an element.
 */
import type { HttpMethod } from '../http/client'
import type { Credential, ProbeStep } from './schema'
import { escapeFor, render, SOAP_HEADER, type Escape } from './template'

export interface BuiltRequest {
  readonly method: HttpMethod
  readonly url: string
  /** Lower-case names. */
  readonly headers: Record<string, string>
  readonly body?: string
}

/** The syntax of a body template, from its first character. */
export function bodySyntax(body: string): Escape {
  const start = body.trimStart()[0]
  if (start === '{' || start === '[') return 'json'
  if (start === '<') return 'xml'
  return 'path'
}

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`

function lowerHeaders(headers: Readonly<Record<string, string>>, values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), render(value, values)]))
}

function renderMembers(members: Readonly<Record<string, string>>, values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(members).map(([name, value]) => [name, render(value, values)]))
}

function jsonBody(template: string | undefined, values: Readonly<Record<string, string>>, members: Record<string, string>): string {
  const base: unknown = template === undefined ? {} : JSON.parse(render(template, values, 'json'))
  return JSON.stringify({ ...(typeof base === 'object' && base !== null && !Array.isArray(base) ? base : {}), ...members })
}

function formBody(template: string | undefined, values: Readonly<Record<string, string>>, members: Record<string, string>): string {
  const form = new URLSearchParams(template === undefined ? '' : render(template, values, 'path'))
  for (const [name, value] of Object.entries(members)) form.set(name, value)
  return form.toString()
}

/** `bearerToken`: the token the OAuth exchange issued, for that placement. */
export function buildRequest(step: ProbeStep, credential: Credential, baseUrl: string, values: Readonly<Record<string, string>>, bearerToken: string | null): BuiltRequest {
  const url = new URL(baseUrl + render(step.path, values, 'path'))
  const headers = lowerHeaders(step.headers, values)
  let body = step.body === undefined ? undefined : render(step.body, { ...values, [SOAP_HEADER]: `{{${SOAP_HEADER}}}` }, bodySyntax(step.body))
  switch (credential.type) {
    case 'headers':
      Object.assign(headers, lowerHeaders(credential.headers, values))
      break
    case 'basic':
      headers.authorization = basic(render(credential.username, values), render(credential.password, values))
      break
    case 'bearer':
      headers.authorization = `Bearer ${render(credential.token, values)}`
      break
    case 'oauth2-client-credentials':
      headers.authorization = `Bearer ${bearerToken ?? ''}`
      break
    case 'json-body':
      body = jsonBody(step.body, values, renderMembers(credential.members, values))
      headers['content-type'] ??= 'application/json'
      break
    case 'form-body':
      body = formBody(step.body, values, renderMembers(credential.members, values))
      headers['content-type'] ??= 'application/x-www-form-urlencoded'
      break
    case 'soap-header':
      body = body?.replace(`{{${SOAP_HEADER}}}`, render(credential.template, values, 'xml'))
      headers['content-type'] ??= 'text/xml; charset=utf-8'
      break
    case 'query':
      for (const [name, value] of Object.entries(credential.params)) url.searchParams.set(name, render(value, values))
      break
  }
  if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = bodySyntax(step.body ?? '') === 'json' ? 'application/json' : 'text/plain; charset=utf-8'
  return { method: step.method, url: url.toString(), headers, ...(body === undefined ? {} : { body }) }
}

/** Every form a secret value takes on the wire, for the scrubber. */
export function secretForms(value: string): string[] {
  return [value, escapeFor('json', value), escapeFor('xml', value), escapeFor('path', value), new URLSearchParams({ v: value }).toString().slice(2)]
}
