/** Authmatech: X-API-KEY + X-CLIENT-ID headers; sandbox and production share the host. */
import { noSpaces } from '../field-shapes'
import type { ProviderDefinition } from '../types'

export const definition: ProviderDefinition = {
  id: 'authmatech',
  envName: 'AUTHMATECH',
  label: 'Authmatech',
  fields: [
    { name: 'API_KEY', label: 'API key', secret: true, required: true, maxLength: 512, hint: 'Shown once when generated; rotate it if lost', check: noSpaces },
    { name: 'CLIENT_ID', label: 'Client ID', secret: false, required: true, maxLength: 128, hint: 'Your Authmatech client id', check: noSpaces },
  ],
  environments: [
    { id: 'production', label: 'Production', baseUrl: 'https://service.authmatech.com', hosts: ['service.authmatech.com'] },
    // Sandbox is chosen by the credentials, not by a host (dossier §1).
    { id: 'sandbox', label: 'Sandbox', baseUrl: 'https://service.authmatech.com', hosts: ['service.authmatech.com'] },
  ],
  // Paths are /v1/api/… (dossier §3).
  pathsStartWith: '/v1',
}
