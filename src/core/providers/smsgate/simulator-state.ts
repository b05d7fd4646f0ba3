/**
 * Options and mutable state of the SMSGate simulator, and what a route handler receives.
 */
import type { SimRequest, SimResponse } from '../../simulators/types'
import type { SmsGateClaims } from './jwt'
import { DEFAULT_ISSUER, type MountId, type SeedDevice, type SeedUser } from './simulator-scenarios'
import type { JwtConfig, TokenStore } from './simulator-tokens'

export interface SmsGateSimOptions {
  /** Serve the main API as a private server does, under `/api/3rdparty/v1`, instead of the cloud's `/3rdparty/v1`. */
  apiPrefix: boolean
  /** false: the main server runs without `JWT__SECRET` (token endpoints 501, every Bearer token 401). */
  jwtEnabled: boolean
  /**
   * Access-token TTL when the request's `ttl` is 0 or absent. [conflict] The code's default has
   * been 15 min since 2026-03 (used here); the docs FAQ and seed still say 24 h: set 86400.
   */
  defaultTtlSeconds: number
  /**
   * Requested TTLs above this are capped without an error. The code has one setting
   * (`JWT__ACCESS_TTL`) for both default and maximum, hence the same 15-min default.
   */
  maxTtlSeconds: number
  refreshTtlSeconds: number
  /** [conflict] The code answers a refresh with 201 (used here); the docs' examples expect 200. */
  refreshStatus: 200 | 201
  /** false: the server before 2026-03-09, which issued no refresh token and had no refresh endpoint. */
  refreshTokens: boolean
  /**
   * [conflict] The code serves `GET /inbox` (`inbox:list`) and `POST /inbox/refresh`
   * (`inbox:refresh`), used here; the docs' scope table lists neither: false makes both 404.
   */
  inboxEndpoints: boolean
  /** `JWT__ISSUER` of the cloud and private servers; tokens naming another issuer are refused. */
  issuer: string
}

export const DEFAULT_OPTIONS: Readonly<SmsGateSimOptions> = {
  apiPrefix: false,
  jwtEnabled: true,
  defaultTtlSeconds: 15 * 60,
  maxTtlSeconds: 15 * 60,
  refreshTtlSeconds: 720 * 3600,
  refreshStatus: 201,
  refreshTokens: true,
  inboxEndpoints: true,
  issuer: DEFAULT_ISSUER,
}

/** One simulated server: where its API is mounted and its JWT settings (null: JWT disabled). */
export interface ServerConfig {
  readonly mount: MountId
  readonly prefix: string
  readonly jwt: JwtConfig | null
}

export type Content = { readonly textMessage: { readonly text: string } } | { readonly dataMessage: { readonly data: string; readonly port: number } }

export interface RecipientState {
  readonly phoneNumber: string
  readonly state: string
}

export interface MessageRecord {
  readonly id: string
  readonly deviceId: string
  state: string
  readonly isEncrypted: boolean
  readonly phoneNumbers: ReadonlyArray<string>
  readonly states: Record<string, string>
  readonly createdAtMs: number
  readonly content: Content
}

export interface SimState {
  readonly tokens: TokenStore
  /** Keyed by `userKey()`. */
  readonly devices: Map<string, SeedDevice[]>
  readonly messages: Map<string, Map<string, MessageRecord>>
  /** Constructor-clock time of the last reset; seeded device timestamps derive from it. */
  readonly seededAtMs: number
}

export const userKey = (user: SeedUser): string => `${user.mount}:${user.username}`

export interface RouteContext {
  readonly request: SimRequest
  readonly params: Readonly<Record<string, string>>
  readonly user: SeedUser
  /** The verified claims when the caller used a Bearer token. */
  readonly claims: SmsGateClaims | null
  readonly server: ServerConfig
  readonly nowMs: number
  readonly state: SimState
  readonly options: Readonly<SmsGateSimOptions>
}

export type RouteHandler = (context: RouteContext) => SimResponse

/** ttl 0 → default, then capped at the maximum (server `generatePair`). */
export const effectiveTtl = (options: Readonly<SmsGateSimOptions>, requested: number): number =>
  Math.min(requested === 0 ? options.defaultTtlSeconds : requested, options.maxTtlSeconds)
