/** SMSGate (android-sms-gateway) third-party API: Basic username/password, or a JWT with scopes. */
import { jwt, noSpaces } from '../field-shapes'
import type { ProviderDefinition } from '../types'
import { SMSGATE_SCOPES } from './scopes'

/** Scopes in the server code (dossier §5); `tokens:refresh` is added by the server itself. */
const KNOWN_SCOPES: ReadonlyArray<string> = SMSGATE_SCOPES

export const definition: ProviderDefinition = {
  id: 'smsgate',
  envName: 'SMSGATE',
  label: 'SMSGate',
  fields: [
    { name: 'USERNAME', label: 'Username', secret: false, required: false, maxLength: 64, hint: 'From the app’s Cloud (or private) server section', check: noSpaces },
    { name: 'PASSWORD', label: 'Password', secret: true, required: false, maxLength: 256, hint: 'From the app’s Cloud (or private) server section' },
    { name: 'TOKEN', label: 'Access token (JWT)', secret: true, required: false, maxLength: 8192, hint: 'A JWT access token, without "Bearer "', check: jwt },
    { name: 'REFRESH_TOKEN', label: 'Refresh token (JWT)', secret: true, required: false, maxLength: 8192, hint: 'The refresh_token of the same pair', check: jwt },
  ],
  environments: [
    // Private servers are a saved custom base URL (https://host/api/3rdparty/v1).
    { id: 'production', label: 'Cloud', baseUrl: 'https://api.sms-gate.app/3rdparty/v1', hosts: ['api.sms-gate.app'] },
  ],
  scopes: {
    known: KNOWN_SCOPES,
    // What sending needs, plus devices:list, which the credential check reads.
    defaults: ['messages:send', 'messages:read', 'devices:list'],
    reserved: ['tokens:refresh'],
  },
  checkCombination(present) {
    if (present.has('USERNAME') && !present.has('PASSWORD')) return { field: 'PASSWORD', message: 'is required with USERNAME (Basic authentication)' }
    if (present.has('PASSWORD') && !present.has('USERNAME')) return { field: 'USERNAME', message: 'is required with PASSWORD (Basic authentication)' }
    if (present.has('REFRESH_TOKEN') && !present.has('TOKEN') && !present.has('USERNAME'))
      return { field: 'TOKEN', message: 'is required with REFRESH_TOKEN (store the whole token pair)' }
    if (!present.has('USERNAME') && !present.has('TOKEN')) return { field: 'USERNAME', message: 'is required: give USERNAME and PASSWORD, or a TOKEN' }
    return null
  },
}
