/** SMSGate troubleshooting steps (dossier §3–§6, §9), worded for a support person: expired, revoked, scope and malformed-token paths. */
import { knowledgeBase, step, stepsByCause } from '../../diagnosis/knowledge-common'

export const SMSGATE_KNOWLEDGE = knowledgeBase([
  step(
    'smsgate.recopy-basic',
    'Copy the username and password again',
    'On the phone, open the SMSGate app and find the Cloud server section (or your private server’s). Compare its username and password with this account’s. The Local server section shows different credentials, and changing the password in the app replaces the old one.',
  ),
  step(
    'smsgate.token-shape',
    'Paste only the access token',
    'The Access token field takes the access token alone: the long value in three dot-separated parts, without the word "Bearer" in front. The refresh token goes in its own field; a token id is not a token.',
  ),
  step(
    'smsgate.refresh',
    'Refresh the token',
    'A token AuthDesk manages is renewed here with one click. A token pasted from elsewhere is renewed where it was issued: ask whoever set up the integration for a fresh token pair and paste both tokens into the account.',
  ),
  step(
    'smsgate.reissue',
    'Issue a new token',
    'With the account’s SMSGate username and password, AuthDesk issues a new token here. Without them, ask whoever issued the current token for a new one with the scopes this account needs, and paste it into the account.',
  ),
  step(
    'smsgate.refresh-rotation',
    'A refresh token works only once',
    'Each refresh token can be used once and lasts 30 days. If another program used it first, or it is older than that, a new token pair is needed: issue one with the username and password.',
  ),
  step(
    'smsgate.token-revoked',
    'Was the token revoked?',
    'Ask whoever manages the SMSGate account whether this token was revoked, or whether the account’s password was changed: either stops the token.',
  ),
  step(
    'smsgate.token-other-server',
    'Same server?',
    'A token or login only works on the server it came from. Compare the account’s base URL with where the token was issued: the SMSGate cloud (api.sms-gate.app) or your company’s own SMSGate server.',
  ),
  step(
    'smsgate.jwt-disabled',
    'Tokens switched off on the server',
    'This private SMSGate server has tokens switched off. Use the username and password instead, or ask the server’s administrator to switch tokens on (the JWT__SECRET setting).',
  ),
  step(
    'smsgate.add-scope',
    'Add the missing scope',
    'The token lacks a permission (scope) this account needs. Get a new token that includes it; check the spelling of each scope, because SMSGate accepts a misspelt one without complaint.',
  ),
  step(
    'smsgate.api-prefix',
    'Check the server address',
    'Compare the account’s base URL with the server’s address. The SMSGate cloud is https://api.sms-gate.app/3rdparty/v1 (no /api). Your own server is https://your-server/api/3rdparty/v1 (with /api). The phone’s Local server is http://phone-address:8080 (nothing after the port).',
  ),
])

export const smsGateSteps = stepsByCause({
  'credentials.invalid': ['smsgate.recopy-basic', 'smsgate.token-other-server'],
  'credentials.malformed': ['smsgate.token-shape'],
  'credentials.missing': ['smsgate.recopy-basic', 'smsgate.token-shape'],
  'token.expired': ['smsgate.refresh', 'smsgate.reissue'],
  'token.expiring': ['smsgate.refresh', 'smsgate.reissue'],
  'token.rejected': ['smsgate.token-revoked', 'smsgate.token-other-server', 'smsgate.jwt-disabled', 'smsgate.reissue'],
  'token.refresh_failed': ['smsgate.refresh-rotation', 'smsgate.reissue'],
  'scope.missing': ['smsgate.add-scope'],
  'service.disabled': ['smsgate.jwt-disabled'],
  'endpoint.not_found': ['smsgate.api-prefix'],
})
