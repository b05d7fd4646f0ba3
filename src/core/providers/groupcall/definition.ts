/** Groupcall Messenger (SendMessage_V3): CustomerId + Password (the API key) in the request body. */
import { digits, noSpaces } from '../field-shapes'
import type { ProviderDefinition } from '../types'

export const definition: ProviderDefinition = {
  id: 'groupcall',
  envName: 'GROUPCALL',
  label: 'Groupcall Messenger',
  fields: [
    { name: 'CUSTOMER_ID', label: 'Customer ID', secret: false, required: true, maxLength: 20, hint: 'The numeric customer id, e.g. 1469', check: digits },
    { name: 'PASSWORD', label: 'API key (Password)', secret: true, required: true, maxLength: 256, hint: 'The customer’s API key, sent as Password', check: noSpaces },
    {
      name: 'PARTNER_KEY',
      label: 'Partner key',
      secret: true,
      required: false,
      maxLength: 128,
      hint: 'Only for the partner route: the key issued at partner registration',
      check: noSpaces,
    },
  ],
  environments: [
    { id: 'production', label: 'Production', baseUrl: 'https://m5api.groupcall.com', hosts: ['m5api.groupcall.com'] },
    // An isolated Messenger environment for partners; same API (dossier §1).
    { id: 'test', label: 'Test (apitesting)', baseUrl: 'https://apitesting.groupcall.com', hosts: ['apitesting.groupcall.com'] },
  ],
}
