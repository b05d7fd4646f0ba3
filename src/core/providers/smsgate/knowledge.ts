/** SMSGate troubleshooting steps (dossier §3–§6, §9): expired, revoked, scope and malformed-token paths. */
import { knowledgeBase, step, stepsByCause } from '../../diagnosis/knowledge-common'

export const SMSGATE_KNOWLEDGE = knowledgeBase([
  step(
    'smsgate.recopy-basic',
    'Re-copy the username and password',
    'Copy them from the Android app’s Cloud server (or private server) section: local-server credentials are different, and changing the password in the app replaces them.',
  ),
  step('smsgate.basic-encoding', 'Base64 for Basic', 'Your own integration must send Basic base64(username:password), not the plain text.'),
  step('smsgate.token-shape', 'Check the token value', 'TOKEN must be the access_token JWT alone (three dot-separated parts), without "Bearer " and not the refresh_token or the id.'),
  step('smsgate.refresh', 'Refresh the token', 'Exchange the refresh token at POST /3rdparty/v1/auth/token/refresh (the app refreshes stored accounts itself); store the new pair, the old refresh token stops working.'),
  step('smsgate.reissue', 'Issue a new token', 'Issue a new pair with Basic credentials at POST /3rdparty/v1/auth/token with the scopes you need.'),
  step('smsgate.refresh-rotation', 'Refresh tokens work once', 'Each refresh token works once (rotation) and for 30 days: after a replay or expiry, issue a new pair with Basic.'),
  step('smsgate.token-revoked', 'Revoked tokens', 'A token stops working when it is revoked (DELETE /auth/token/{jti}) or when the password changes.'),
  step('smsgate.token-other-server', 'Same server?', 'A token only works on the server that issued it: check the base URL (cloud vs private server).'),
  step('smsgate.jwt-disabled', 'JWT disabled on the server', 'A private server without JWT__SECRET has no tokens: use Basic credentials or ask its administrator to enable JWT.'),
  step('smsgate.add-scope', 'Add the missing scope', 'Issue a new token whose scopes include what the account needs (a typo in a scope at issue time is accepted silently).'),
  step('smsgate.api-prefix', 'Check the /api prefix', 'Cloud: https://api.sms-gate.app/3rdparty/v1 (no /api). Private server: https://host/api/3rdparty/v1 (with /api).'),
])

export const smsGateSteps = stepsByCause({
  'credentials.invalid': ['smsgate.recopy-basic', 'smsgate.token-other-server', 'smsgate.basic-encoding'],
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
