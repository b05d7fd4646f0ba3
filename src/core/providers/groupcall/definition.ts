/** Groupcall Messenger (SendMessage_V3): CustomerId + Password (the API key) in the request body. */
import { digits, noSpaces, oneOf, YES_NO } from '../field-shapes'
import type { ProviderDefinition } from '../types'

/** The channels a Groupcall customer may be allowed to send on. */
export const GROUPCALL_CHANNELS = ['SMS', 'Email', 'App'] as const
export type GroupcallChannel = (typeof GROUPCALL_CHANNELS)[number]

/** `no-recipient`: a send request with an empty recipient list (cannot queue anything); `reserved-number`: the documented sample, an SMS to +447700900000 (may be queued and charged). */
export const GROUPCALL_CHECKS = ['no-recipient', 'reserved-number'] as const
export type GroupcallCheck = (typeof GROUPCALL_CHECKS)[number]

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
      name: 'CHECK',
      label: 'What the check sends',
      secret: false,
      required: false,
      maxLength: 15,
      hint: 'no-recipient (default): a SendMessage_V3 request with an empty recipient list, which cannot queue a message; reserved-number: Groupcall’s sample test, an SMS to +447700900000, which Groupcall may queue and charge',
      check: oneOf(GROUPCALL_CHECKS),
      choices: GROUPCALL_CHECKS,
    },
    {
      name: 'BACKGROUND_CHECKS',
      label: 'Background checks that may be charged',
      secret: false,
      required: false,
      maxLength: 3,
      hint: 'yes to let background checks run the reserved-number check; otherwise such an account is checked only when you ask',
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
