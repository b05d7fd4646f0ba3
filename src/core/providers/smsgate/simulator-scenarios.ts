/**
 * Seeded accounts of the SMSGate simulator: users (one per scenario, so the credential value
 * selects the scenario), their devices, pre-issued tokens, and the scenario catalogue.
 */
import { randomBytes } from 'node:crypto'
import type { ScenarioInfo } from '../../simulators/types'
import { PHONE_PATH, PHONE_USER } from './simulator-phone'
import { createTokenStore, type IssuedPair, type JwtConfig, type TokenStore } from './simulator-tokens'

/** The simulated servers: the cloud (its path switches with the `apiPrefix` option) and two private ones. */
export type MountId = 'cloud' | 'private' | 'nojwt'

export const CLOUD_PATH = '/3rdparty/v1'
export const PRIVATE_PATH = '/private/api/3rdparty/v1'
/** The private server's API without its `/api` segment: every path there is 404. */
export const PRIVATE_PATH_WITHOUT_API = '/private/3rdparty/v1'
/** A private server started without `JWT__SECRET`. */
export const NOJWT_PATH = '/nojwt/api/3rdparty/v1'

export const DEFAULT_ISSUER = 'sms-gate.app'

export interface SimCard {
  readonly slotIndex: number
  readonly simNumber: number
  readonly phoneNumber?: string
  readonly carrierName?: string
}

export interface SeedDevice {
  readonly id: string
  readonly name: string
  readonly simCards: ReadonlyArray<SimCard>
}

export interface SeedUser {
  /** 6 upper-case characters, as the server derives them from a nanoid. */
  readonly username: string
  /** 14 lower-case characters. */
  readonly password: string
  readonly mount: MountId
  readonly devices: ReadonlyArray<SeedDevice>
}

const device = (id: string, name: string, phoneNumber?: string): SeedDevice => ({
  id,
  name,
  simCards: [{ slotIndex: 0, simNumber: 1, ...(phoneNumber ? { phoneNumber, carrierName: 'Simulated Mobile' } : {}) }],
})

export const SEED_USERS: ReadonlyArray<SeedUser> = [
  { username: 'VALID1', password: 'k3x9-fq2m_p8zt', mount: 'cloud', devices: [device('PyDmBQZZXYmyxMwED8Fzy', 'Pixel 7', '+15550100001')] },
  { username: 'WRONGP', password: 'r7c2-hd0q_v5ns', mount: 'cloud', devices: [device('Wr0ngPassDev1ce000001', 'Galaxy A54')] },
  { username: 'NODEVC', password: 'z1b8-we4r_t6yu', mount: 'cloud', devices: [] },
  { username: 'TOKVAL', password: 'a8d3-ks9w_m2qe', mount: 'cloud', devices: [device('T0kVal1dDev1ce0000001', 'Pixel 8', '+15550100002')] },
  { username: 'TOKSCP', password: 'b4f7-lt1x_n6rw', mount: 'cloud', devices: [device('T0kScopeDev1ce0000001', 'Pixel 6a')] },
  { username: 'TOKEXP', password: 'c9g2-mu5y_p1sv', mount: 'cloud', devices: [device('T0kExp1redDev1ce00001', 'Moto G')] },
  { username: 'TOKREF', password: 'd3h8-nv7z_q4tu', mount: 'cloud', devices: [device('T0kRefreshDev1ce00001', 'Nokia G22')] },
  { username: 'TOKREV', password: 'e6j1-ow2a_r8ux', mount: 'cloud', devices: [device('T0kRev0kedDev1ce00001', 'Xperia 10')] },
  { username: 'TOKKEY', password: 'f2k5-px8b_s3vy', mount: 'cloud', devices: [device('T0kWr0ngKeyDev1ce0001', 'OnePlus 11')] },
  { username: 'TOKSND', password: 'm4s6-vz2h_y7be', mount: 'cloud', devices: [device('T0kSendOnlyDev1ce0001', 'Pixel 8a')] },
  { username: 'TOKRPL', password: 'g7m9-qy4c_t1wz', mount: 'cloud', devices: [device('T0kReplayDev1ce000001', 'Redmi 12')] },
  { username: 'PRIVT1', password: 'h1n4-rz6d_u9xa', mount: 'private', devices: [device('Pr1vateServerDev1ce01', 'Office phone', '+15550100003')] },
  { username: 'PRVNOA', password: 'j5p8-sa3e_v2yb', mount: 'private', devices: [device('Pr1vateN0Ap1Dev1ce001', 'Backup phone')] },
  { username: 'NOJWT1', password: 'k8q3-tb7f_w5zc', mount: 'nojwt', devices: [device('N0JwtServerDev1ce0001', 'Shop phone')] },
]

/** Not a user anywhere: the `unknown-user` scenario. */
const UNKNOWN_USER = { username: 'NOUSER', password: 'l2r6-uc1g_x8ad' }
const WRONG_PASSWORD = 'wrong-passw0rd'

/** Scopes a checker should expect the token accounts to need. */
const NEEDED_SCOPES = 'devices:list,messages:send'
const FULL_SCOPES = ['devices:list', 'messages:send', 'messages:read', 'messages:list']

export interface SeededTokens {
  readonly valid: IssuedPair
  readonly missingScope: IssuedPair
  readonly expired: IssuedPair
  readonly expiredRefreshable: IssuedPair
  readonly revoked: IssuedPair
  /** Its refresh token was already rotated once. */
  readonly replayed: IssuedPair
  readonly wrongServer: IssuedPair
  readonly jwtDisabled: IssuedPair
  readonly sendOnly: IssuedPair
}

export interface SeedTtls {
  readonly accessSeconds: number
  readonly refreshSeconds: number
}

const HOUR_MS = 3_600_000
/**
 * Pre-issued "still valid" tokens live 24 h (what servers issued before March 2026), so that a
 * long `authdesk simulate` session keeps them valid; tokens issued through the API use the options.
 */
const SEEDED_VALID_TTL_SECONDS = 24 * 3600

/** Issues the scenario tokens into `store`; those a foreign server signed go into a throwaway store. */
export function seedTokens(store: TokenStore, cloud: JwtConfig, nowMs: number, ttl: SeedTtls): SeededTokens {
  const pair = (userId: string, scopes: ReadonlyArray<string>, atMs: number, accessSeconds: number) =>
    store.issue(cloud, { userId, scopes, nowMs: atMs, accessTtlSeconds: accessSeconds, refreshTtlSeconds: ttl.refreshSeconds })
  const earlier = nowMs - 2 * HOUR_MS
  const needed = NEEDED_SCOPES.split(',')

  const revoked = pair('TOKREV', needed, nowMs, SEEDED_VALID_TTL_SECONDS)
  store.revoke(revoked.id, 'TOKREV')
  const replayed = pair('TOKRPL', needed, earlier, ttl.accessSeconds)
  store.rotate(cloud, replayed.refreshJti ?? '', {
    userId: 'TOKRPL',
    scopes: needed,
    nowMs: nowMs - HOUR_MS,
    accessTtlSeconds: ttl.accessSeconds,
    refreshTtlSeconds: ttl.refreshSeconds,
  })
  const foreign = (userId: string): IssuedPair =>
    createTokenStore().issue(
      { secret: randomBytes(32).toString('hex'), issuer: DEFAULT_ISSUER },
      { userId, scopes: needed, nowMs, accessTtlSeconds: SEEDED_VALID_TTL_SECONDS, refreshTtlSeconds: null },
    )

  return {
    valid: pair('TOKVAL', FULL_SCOPES, nowMs, SEEDED_VALID_TTL_SECONDS),
    missingScope: pair('TOKSCP', ['messages:send', 'messages:read'], nowMs, SEEDED_VALID_TTL_SECONDS),
    sendOnly: pair('TOKSND', ['messages:send'], nowMs, SEEDED_VALID_TTL_SECONDS),
    expired: pair('TOKEXP', needed, earlier, ttl.accessSeconds),
    expiredRefreshable: pair('TOKREF', needed, earlier, ttl.accessSeconds),
    revoked,
    replayed,
    wrongServer: foreign('TOKKEY'),
    jwtDisabled: foreign('NOJWT1'),
  }
}

function basic(username: string, base: string): Record<string, string> {
  const user = SEED_USERS.find((candidate) => candidate.username === username)
  return { USERNAME: username, PASSWORD: user?.password ?? '', BASE_URL: base }
}

const bearer = (pair: IssuedPair, base: string, withRefresh = false): Record<string, string> => ({
  TOKEN: pair.accessToken,
  ...(withRefresh && pair.refreshToken !== null ? { REFRESH_TOKEN: pair.refreshToken } : {}),
  SCOPES: NEEDED_SCOPES,
  BASE_URL: base,
})

const scenario = (credentials: Record<string, string>, description: string): ScenarioInfo => ({ credentials, description })

/** The phone's Local server scenarios (simulator-phone.ts). */
function phoneScenarios(phone: { readonly full: { readonly accessToken: string }; readonly sendOnly: { readonly accessToken: string } }): Record<string, ScenarioInfo> {
  const local = { MODE: 'local', BASE_URL: PHONE_PATH }
  return {
    'local-server': scenario(
      { USERNAME: PHONE_USER.username, PASSWORD: PHONE_USER.password, ...local },
      'The phone app’s Local server (http://<phone-ip>:8080 on a real phone) with the Basic credentials from its Local server section: GET /device 200 → ok',
    ),
    'local-server-wrong-password': scenario(
      { USERNAME: PHONE_USER.username, PASSWORD: 'wrong-l0cal-pw', ...local },
      'Local server, wrong password: 401 with an empty body (the app’s own answer) → credentials.invalid',
    ),
    'local-server-token': scenario({ TOKEN: phone.full.accessToken, ...local }, 'Local server JWT (issuer me.capcom.smsgateway, no sub; app v1.55.0+): GET /device 200 → ok'),
    'local-server-send-only-token': scenario(
      { TOKEN: phone.sendOnly.accessToken, ...local },
      'Local server JWT with only messages:send: 403 "Insufficient permissions" on GET /device; the account declares no scopes → ok with a note',
    ),
  }
}

/** The catalogue; `cloudBase` is the cloud API path under the current options. */
export function buildScenarios(
  tokens: SeededTokens,
  cloudBase: string,
  phone: Parameters<typeof phoneScenarios>[0],
): Readonly<Record<string, ScenarioInfo>> {
  return {
    ...phoneScenarios(phone),
    'send-only-token': scenario(
      { TOKEN: tokens.sendOnly.accessToken, BASE_URL: cloudBase },
      'A least-privilege token with only messages:send and no declared scopes: 403 scope required: devices:list → ok with a note (it authenticated)',
    ),
    valid: scenario(basic('VALID1', cloudBase), 'Basic credentials of a user with one device: GET /device 200 → ok'),
    'wrong-password': scenario(
      { ...basic('WRONGP', cloudBase), PASSWORD: WRONG_PASSWORD },
      'Existing username, wrong password: 401 Unauthorized → credentials.invalid',
    ),
    'unknown-user': scenario(
      { USERNAME: UNKNOWN_USER.username, PASSWORD: UNKNOWN_USER.password, BASE_URL: cloudBase },
      'Username unknown to the server: 401 Unauthorized → credentials.invalid',
    ),
    'no-device': scenario(
      basic('NODEVC', cloudBase),
      'Valid Basic credentials, no registered device: GET /device 200 [] → ok; sending gives 400 failed to select device',
    ),
    'token-valid': scenario(
      bearer(tokens.valid, cloudBase, true),
      'JWT with devices:list and messages:* plus its refresh token: GET /device 200 → ok',
    ),
    'token-missing-scope': scenario(
      bearer(tokens.missingScope, cloudBase),
      'Valid JWT without devices:list: 403 scope required: devices:list → scope.missing',
    ),
    'token-expired': scenario(bearer(tokens.expired, cloudBase), 'JWT past its exp, no refresh token: 401 → token.expired'),
    'token-expired-refreshable': scenario(
      bearer(tokens.expiredRefreshable, cloudBase, true),
      'Expired JWT with an unused refresh token: 401, then POST /auth/token/refresh 201 → ok after refresh',
    ),
    'token-revoked': scenario(bearer(tokens.revoked, cloudBase), 'Unexpired JWT revoked by DELETE /auth/token/{jti}: 401 → token.rejected'),
    'token-wrong-server': scenario(
      bearer(tokens.wrongServer, cloudBase),
      'Unexpired JWT signed by another server (wrong secret): 401 → token.rejected',
    ),
    'token-malformed': scenario(
      { TOKEN: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.not-a-jwt', SCOPES: NEEDED_SCOPES, BASE_URL: cloudBase },
      'Bearer value that is not a three-part JWT (server: 401) → credentials.malformed, found before sending',
    ),
    'refresh-replayed': scenario(
      bearer(tokens.replayed, cloudBase, true),
      'Expired JWT whose refresh token was already used: refresh 401 (replay) → token.refresh_failed',
    ),
    'jwt-disabled': scenario(
      { ...basic('NOJWT1', NOJWT_PATH), TOKEN: tokens.jwtDisabled.accessToken },
      'Private server without JWT: Basic works, Bearer 401, POST /auth/token 501 → service.disabled',
    ),
    'private-server': scenario(
      basic('PRIVT1', PRIVATE_PATH),
      'Private server under /api/3rdparty/v1 with JWT enabled: GET /device 200 → ok',
    ),
    'missing-api-prefix': scenario(
      basic('PRVNOA', PRIVATE_PATH_WITHOUT_API),
      'Private-server account whose BASE_URL lacks /api: every path 404 → endpoint.not_found',
    ),
  }
}
