/** A small valid provider definition (YAML) for tests, and a way to change one part of it. */
import { stringify } from 'yaml'

export interface DefinitionParts {
  readonly [key: string]: unknown
}

export function baseDefinition(): Record<string, unknown> {
  return {
    apiVersion: 'authdesk.dev/provider/v1',
    id: 'acme',
    name: 'Acme',
    envToken: 'ACME',
    fields: [
      { name: 'ACCOUNT', label: 'Account', secret: false, required: true, example: 'acct-1' },
      { name: 'API_KEY', label: 'API key', secret: true, required: true, pattern: 'ak_[a-z0-9]{16}', example: 'ak_0123456789abcdef' },
    ],
    environments: [{ id: 'production', label: 'Production', baseUrl: 'https://api.acme.test', hosts: ['api.acme.test'] }],
    credential: { type: 'headers', headers: { 'X-Api-Key': '{{API_KEY}}' } },
    probe: [
      {
        id: 'me',
        method: 'GET',
        path: '/v1/accounts/{{ACCOUNT}}',
        rules: [
          { name: 'refused', when: { status: 401 }, cause: 'credentials.invalid', summary: 'Refused.', fix: 'Re-copy the key.', example: { status: 401, json: { error: 'bad key' } } },
          { name: 'accepted', when: { status: 200, json: [{ path: '$.ok', equals: true }] }, cause: 'ok', summary: 'Accepted.', example: { status: 200, json: { ok: true } } },
        ],
      },
    ],
  }
}

/** Tests reach into any part of the plain object, as a user editing the file would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = Record<string, any>

/** The base definition as YAML, after `change` edited a copy of it. */
export function definitionYaml(change: (d: Editable) => void = () => undefined): string {
  const d = structuredClone(baseDefinition()) as Editable
  change(d)
  return stringify(d)
}

/** Turns the base definition into the same API behind OAuth 2.0 client credentials (CLIENT_ID, CLIENT_SECRET, scope `read`). */
export function useOAuth(d: Editable): void {
  d.fields = [
    { name: 'CLIENT_ID', label: 'Client id', secret: false, required: true, example: 'client-0001' },
    { name: 'CLIENT_SECRET', label: 'Client secret', secret: true, required: true, example: 'secret-0123456789abcdef' },
  ]
  d.credential = { type: 'oauth2-client-credentials', tokenUrl: 'https://api.acme.test/oauth/token', clientId: '{{CLIENT_ID}}', clientSecret: '{{CLIENT_SECRET}}', scopes: ['read'] }
  d.probe[0].path = '/v1/me'
}

/** The 1-based line of the first line of `text` containing `needle`. */
export function lineContaining(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1
}
