/** Authmatech: X-API-KEY + X-CLIENT-ID headers; sandbox and production share the host. */
import { listOf, noSpaces } from '../field-shapes'
import type { ProviderDefinition } from '../types'

/** Authmatech's products (dossier §3); an account says which ones it relies on. */
export const AUTHMATECH_PRODUCT_NAMES = ['VERIFY', 'TRUST', 'SHIELD', 'DETECT'] as const

export const definition: ProviderDefinition = {
  id: 'authmatech',
  envName: 'AUTHMATECH',
  label: 'Authmatech',
  fields: [
    { name: 'API_KEY', label: 'API key', secret: true, required: true, maxLength: 512, hint: 'Shown once when generated; rotate it if lost', check: noSpaces },
    { name: 'CLIENT_ID', label: 'Client ID', secret: false, required: true, maxLength: 128, hint: 'Your Authmatech client id', check: noSpaces },
    {
      name: 'PRODUCTS',
      label: 'Products used',
      secret: false,
      required: false,
      maxLength: 64,
      hint: 'Comma list of the products this account relies on (VERIFY, TRUST, SHIELD, DETECT); empty: the check only proves the key',
      check: listOf(AUTHMATECH_PRODUCT_NAMES),
      choices: AUTHMATECH_PRODUCT_NAMES,
      multiple: true,
    },
  ],
  environments: [
    { id: 'production', label: 'Production', baseUrl: 'https://service.authmatech.com', hosts: ['service.authmatech.com'] },
    // Sandbox is chosen by the credentials, not by a host (dossier §1).
    { id: 'sandbox', label: 'Sandbox', baseUrl: 'https://service.authmatech.com', hosts: ['service.authmatech.com'] },
  ],
  // Paths are /v1/api/… (dossier §3).
  pathsStartWith: '/v1',
}
