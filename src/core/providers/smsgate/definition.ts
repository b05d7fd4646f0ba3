/** SMSGate (android-sms-gateway) third-party API: Basic username/password, or a JWT with scopes. */
import { jwt, noSpaces, oneOf, YES_NO } from '../field-shapes'
import type { ProviderDefinition } from '../types'
import { SMSGATE_SCOPES } from './scopes'

/** Scopes in the server code (dossier §5); `tokens:refresh` is added by the server itself. */
const KNOWN_SCOPES: ReadonlyArray<string> = SMSGATE_SCOPES

/** Cloud, a private server (self-hosted), or the local server inside the phone app. */
export const SMSGATE_MODES = ['cloud', 'private', 'local'] as const
export type SmsGateMode = (typeof SMSGATE_MODES)[number]

export const ALLOW_LOCAL_HTTP_WARNING =
  'Plain HTTP: the username, password or token travel unencrypted on your local network, readable by anyone on it. AuthDesk sends them only to a private-network address (10.x, 172.16–31.x, 192.168.x, 169.254.x or a .local name).'

export const definition: ProviderDefinition = {
  id: 'smsgate',
  envName: 'SMSGATE',
  label: 'SMSGate',
  fields: [
    { name: 'USERNAME', label: 'Username', secret: false, required: false, maxLength: 64, hint: 'From the app’s Cloud (or private) server section', check: noSpaces },
    { name: 'PASSWORD', label: 'Password', secret: true, required: false, maxLength: 256, hint: 'From the app’s Cloud (or private) server section' },
    { name: 'TOKEN', label: 'Access token (JWT)', secret: true, required: false, maxLength: 8192, hint: 'A JWT access token, without "Bearer "', check: jwt },
    { name: 'REFRESH_TOKEN', label: 'Refresh token (JWT)', secret: true, required: false, maxLength: 8192, hint: 'The refresh_token of the same pair', check: jwt },
    {
      name: 'MODE',
      label: 'Server',
      secret: false,
      required: false,
      maxLength: 7,
      hint: 'cloud, private (your own server: https://host/api/3rdparty/v1) or local (the Local server on the phone: http://<phone-ip>:8080, credentials from the app’s Local server section); empty: cloud, or private when a base URL is saved',
      check: oneOf(SMSGATE_MODES),
      choices: SMSGATE_MODES,
    },
    {
      name: 'ALLOW_LOCAL_HTTP',
      label: 'Allow unencrypted HTTP on my local network',
      secret: false,
      required: false,
      maxLength: 3,
      hint: 'yes only for the phone’s local server reached over http:// on a private network; never used for a public address',
      check: oneOf(YES_NO),
      choices: YES_NO,
      warning: ALLOW_LOCAL_HTTP_WARNING,
    },
  ],
  environments: [
    // Private servers are a saved custom base URL (https://host/api/3rdparty/v1).
    { id: 'production', label: 'Cloud', baseUrl: 'https://api.sms-gate.app/3rdparty/v1', hosts: ['api.sms-gate.app'] },
  ],
  scopes: {
    known: KNOWN_SCOPES,
    // What a token AuthDesk issues asks for; never requirements of an account that declares none.
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
