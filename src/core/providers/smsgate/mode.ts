/**
 * Which SMSGate server an account talks to. The cloud and a private server run the same Go
 * server (android-sms-gateway/server); the local server is the phone app's own Ktor server
 * (capcom6/android-sms-gateway, `modules/localserver`), which differs on the wire:
 *   - 401 with an empty body (Ktor's Basic/JWT challenge), not `{"message":"Unauthorized"}`;
 *   - 403 `{"message":"Insufficient permissions"}` without the scope's name (ScopeAuthorization.kt);
 *   - refresh answers 200, not 201 (AuthRoutes.kt);
 *   - JWTs carry issuer `me.capcom.smsgateway` (the app's package name) and no `sub` (JwtService.kt);
 *   - JWT since app v1.55.0, refresh tokens since v1.64.0;
 *   - only `/device` (no `/devices`) and no `/3rdparty/v1` prefix (WebService.kt).
 */
import { SMSGATE_MODES, type SmsGateMode } from './definition'

/** The issuer of the phone app's tokens. */
export const LOCAL_SERVER_ISSUER = 'me.capcom.smsgateway'
/** The phone app's 403 text. */
export const INSUFFICIENT_PERMISSIONS = 'Insufficient permissions'
export const CLOUD_BASE_URL = 'https://api.sms-gate.app/3rdparty/v1'

/** MODE as given; else cloud on the cloud's base URL, private on any other. */
export function smsGateMode(fields: Readonly<Record<string, string>>, baseUrl: string): SmsGateMode {
  const given = (fields.MODE ?? '').trim().toLowerCase()
  const known = SMSGATE_MODES.find((m) => m === given)
  if (known) return known
  return baseUrl === CLOUD_BASE_URL ? 'cloud' : 'private'
}
