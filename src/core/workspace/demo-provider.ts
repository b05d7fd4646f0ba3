/**
 * The Demo workspace's custom provider: a small status API described by a definition (the
 * same format as a file added with `authdesk providers add`), checked on its generated
 * simulator like any custom provider. It exists only in the Demo.
 */
import { loadDefinition } from '../custom-providers/load'
import type { ProviderDefinitionFile } from '../custom-providers/schema'

const DEFINITION = {
  apiVersion: 'authdesk.dev/provider/v1',
  id: 'demo-status',
  name: 'Status API (custom, Demo)',
  envToken: 'DEMOSTATUS',
  description: 'An example of a custom provider: a bearer API key checked with GET /v1/me. Its simulator is generated from the examples below.',
  fields: [{ name: 'API_KEY', label: 'API key', secret: true, required: true, pattern: 'sk_demo_[a-z0-9]{16}', hint: 'sk_demo_ followed by 16 letters or digits', example: 'sk_demo_0123456789abcdef' }],
  environments: [{ id: 'production', label: 'Production', baseUrl: 'https://api.status.example', hosts: ['api.status.example'] }],
  credential: { type: 'bearer', token: '{{API_KEY}}' },
  probe: [
    {
      id: 'me',
      method: 'GET',
      path: '/v1/me',
      rules: [
        {
          name: 'key-refused',
          when: { status: 401 },
          cause: 'credentials.invalid',
          summary: 'The status API refused the key (401).',
          fix: 'Create a new key on the API’s dashboard and store it in this account.',
          example: { status: 401, json: { error: 'invalid_api_key' } },
        },
        {
          name: 'plan-expired',
          when: { status: 402 },
          cause: 'balance.exhausted',
          summary: 'The key works, but the plan has expired (402).',
          fix: 'Renew the plan; the key itself is fine.',
          example: { status: 402, json: { error: 'plan_expired' } },
        },
        {
          name: 'key-accepted',
          when: { status: 200, json: [{ path: '$.account', type: 'string' }] },
          cause: 'ok',
          summary: 'The status API accepted the key.',
          example: { status: 200, json: { account: 'demo-team' } },
        },
      ],
    },
  ],
}

export function demoProviderDefinition(): ProviderDefinitionFile {
  const loaded = loadDefinition(JSON.stringify(DEFINITION))
  if (!loaded.ok) throw new Error(`The Demo provider definition is invalid: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
  return loaded.definition
}
