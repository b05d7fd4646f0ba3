/** Groupcall Messenger (SendMessage_V3): CustomerId + Password (the API key) in the request body. */
import { digits, noSpaces, oneOf, YES_NO } from '../field-shapes'
import type { ProviderDefinition } from '../types'

/** The channels a Groupcall customer may be allowed to send on. */
export const GROUPCALL_CHANNELS = ['SMS', 'Email', 'App'] as const

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
    {
      name: 'CHANNEL',
      label: 'Channel used',
      secret: false,
      required: false,
      maxLength: 5,
      hint: 'SMS, Email or App: a refusal for another channel is only a note (empty: SMS)',
      check: oneOf(GROUPCALL_CHANNELS),
      choices: GROUPCALL_CHANNELS,
    },
    {
      name: 'BACKGROUND_CHECKS',
      label: 'Background checks',
      secret: false,
      required: false,
      maxLength: 3,
      hint: 'yes to include this account in background checks; each check is a SendMessage_V3 request with no recipient (empty: no, checked only when you ask)',
      check: oneOf(YES_NO),
      choices: YES_NO,
    },
  ],
  environments: [
    { id: 'production', label: 'Production', baseUrl: 'https://m5api.groupcall.com', hosts: ['m5api.groupcall.com'] },
    // An isolated Messenger environment for partners; same API (dossier §1).
    { id: 'test', label: 'Test (apitesting)', baseUrl: 'https://apitesting.groupcall.com', hosts: ['apitesting.groupcall.com'] },
  ],
}
