/**
 * Token tests against the real simulators over HTTP: a manual clock shared with the
 * simulators (moving it runs the token timer), a tap on the SMSGate simulator that counts what
 * reaches it (requests with expired tokens, refreshes per refresh token), and account helpers.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createHttpClient, type HttpClient } from '../../../src/core/http/client'
import { isLoopbackHost } from '../../../src/core/http/host-binding'
import { isExpiredAt, peekSmsGateClaims } from '../../../src/core/providers/smsgate/jwt'
import { createServices, type Services } from '../../../src/core/services'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import type { SimRequest } from '../../../src/core/simulators/types'
import type { TokenClock } from '../../../src/core/tokens/scheduler'
import type { RefreshObservation } from '../../../src/core/tokens/token-manager'
import type { EventName } from '../../../src/shared/contract'
import { FakeKeychain } from '../../unit/core/vault/fake-store'

/** The simulators' clock; timers fire only when the test moves it (or calls `tick`). */
export class ManualClock implements TokenClock {
  private timers: Array<{ at: number; run: () => void }> = []

  constructor(private readonly sims: Pick<SimulatorSet, 'clock'>) {}

  now(): number {
    return this.sims.clock.now()
  }

  setTimer(delayMs: number, run: () => void): unknown {
    const timer = { at: this.now() + delayMs, run }
    this.timers.push(timer)
    return timer
  }

  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t !== handle)
  }

  /** Runs every timer that is due now, earliest first (including ones they set). */
  tick(): void {
    for (;;) {
      const due = this.timers.filter((t) => t.at <= this.now()).sort((a, b) => a.at - b.at)[0]
      if (!due) return
      this.clearTimer(due)
      due.run()
    }
  }

  advance(ms: number): void {
    this.sims.clock.advance(ms)
    this.tick()
  }
}

export interface SmsGateTap {
  /** Requests that reached the simulator with a Bearer token past its exp (by the simulator's clock). */
  expiredSent: number
  bearerRequests: number
  refreshes: number
  issues: number
  revokes: number
  readonly revokedJtis: string[]
  /** How often each refresh token (by jti) was presented. */
  readonly refreshTokenUses: Map<string, number>
  /** Every access and refresh token the simulator handed out. */
  readonly issuedTokens: string[]
}

const authorization = (request: SimRequest): string => {
  const value = request.headers.authorization
  return (Array.isArray(value) ? value[0] : value) ?? ''
}

export function tapSmsGate(sims: SimulatorSet): SmsGateTap {
  const tap: SmsGateTap = { expiredSent: 0, bearerRequests: 0, refreshes: 0, issues: 0, revokes: 0, revokedJtis: [], refreshTokenUses: new Map(), issuedTokens: [] }
  const simulator = sims.byId.smsgate.simulator
  const handle = simulator.handle.bind(simulator)
  simulator.handle = async (request, context) => {
    const header = authorization(request)
    const bearer = /^bearer /i.test(header) ? header.slice(7) : null
    const claims = bearer ? peekSmsGateClaims(bearer) : null
    if (bearer) tap.bearerRequests += 1
    if (claims && isExpiredAt(claims, context.now())) tap.expiredSent += 1
    if (request.method === 'POST' && request.path.endsWith('/auth/token/refresh')) {
      tap.refreshes += 1
      const jti = claims?.jti ?? '?'
      tap.refreshTokenUses.set(jti, (tap.refreshTokenUses.get(jti) ?? 0) + 1)
    } else if (request.method === 'POST' && request.path.endsWith('/auth/token')) tap.issues += 1
    else if (request.method === 'DELETE' && request.path.includes('/auth/token/')) {
      tap.revokes += 1
      tap.revokedJtis.push(request.path.split('/').pop()!)
    }
    const response = await handle(request, context)
    if (response.status === 201 || response.status === 200) {
      try {
        const body = JSON.parse(response.body ?? '') as { access_token?: string; refresh_token?: string }
        for (const token of [body.access_token, body.refresh_token]) if (token) tap.issuedTokens.push(token)
      } catch {
        // not a token answer
      }
    }
    return response
  }
  return tap
}

export interface TokenWorld {
  readonly sims: SimulatorSet
  readonly clock: ManualClock
  readonly services: Services
  readonly store: FakeKeychain
  readonly dataDir: string
  readonly observations: RefreshObservation[]
  readonly events: Array<{ name: EventName; payload: unknown }>
  readonly logs: string[]
  reopen(): Promise<Services>
}

export interface WorldOptions {
  /** SMSGate access TTL, default and maximum. */
  readonly ttlSeconds?: number
  readonly maxTtlSeconds?: number
  readonly schedule?: boolean
  readonly sims?: SimulatorSet
  /** Wraps the HTTP client the token service uses. */
  readonly http?: (inner: HttpClient) => HttpClient
}

export async function tokenWorld(options: WorldOptions = {}): Promise<TokenWorld> {
  const sims = options.sims ?? (await startAllSimulators())
  const ttl = options.ttlSeconds ?? 60
  sims.byId.smsgate.simulator.setOptions({ defaultTtlSeconds: ttl, maxTtlSeconds: options.maxTtlSeconds ?? ttl })
  const clock = new ManualClock(sims)
  const store = new FakeKeychain()
  const dataDir = await mkdtemp(join(tmpdir(), 'authdesk-tokens-'))
  const observations: RefreshObservation[] = []
  const events: TokenWorld['events'] = []
  const logs: string[] = []
  const open = async (): Promise<Services> => {
    const services = await createServices({
      dataDir,
      appVersion: 'test',
      secretStore: store,
      logSink: (line) => logs.push(line),
      tokens: {
        schedule: options.schedule ?? true,
        clock,
        random: () => 0.5,
        http: (options.http ?? ((inner) => inner))(createHttpClient({ allowHost: isLoopbackHost })),
        observe: (o) => observations.push(o),
      },
    })
    services.events.subscribe((name, payload) => events.push({ name, payload }))
    return services
  }
  const world = { sims, clock, store, dataDir, observations, events, logs, services: await open(), reopen: open }
  return world
}

export interface AccountOptions {
  readonly label?: string
  /** SMSGate scenario whose credentials the account gets (default `valid`: Basic only). */
  readonly scenario?: string
  readonly scopes?: ReadonlyArray<string>
  /** Leave out USERNAME and PASSWORD (a token-only account). */
  readonly withoutBasic?: boolean
}

export async function addSmsGate(world: Pick<TokenWorld, 'sims' | 'services'>, options: AccountOptions = {}): Promise<string> {
  const credentials = world.sims.byId.smsgate.scenarioCredentials()[options.scenario ?? 'valid']!
  const { BASE_URL, SCOPES, USERNAME, PASSWORD, ...rest } = credentials
  const fields: Record<string, string> = { ...rest, ...(options.withoutBasic ? {} : USERNAME && PASSWORD ? { USERNAME, PASSWORD } : {}) }
  const view = await world.services.vault.create({
    label: options.label ?? `SG ${options.scenario ?? 'valid'}`,
    provider: 'smsgate',
    baseUrl: BASE_URL!,
    confirmUnlistedHost: true,
    fields,
    scopes: options.scopes ?? (SCOPES ? SCOPES.split(',') : undefined),
  })
  return view.id
}

export async function keychainTokens(world: Pick<TokenWorld, 'services'>, id: string): Promise<Readonly<Record<string, string>>> {
  return (await world.services.vault.readSecrets(id, 'test')).tokens
}

/** Spends a refresh token behind AuthDesk's back (another client using it). */
export async function spendRefreshToken(sims: SimulatorSet, refreshToken: string): Promise<number> {
  const response = await fetch(`${sims.byId.smsgate.baseUrl}/auth/token/refresh`, { method: 'POST', headers: { authorization: `Bearer ${refreshToken}` } })
  await response.arrayBuffer()
  return response.status
}

/** Lets background work that the clock started finish. */
export async function settle(world: Pick<TokenWorld, 'services' | 'clock'>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    world.clock.tick()
    await world.services.tokens.settled()
  }
}

/** A `world()` for one test file: each world it opens is closed after its test. */
export function tokenWorlds(defaults: WorldOptions = {}): (options?: WorldOptions) => Promise<TokenWorld> {
  const open: TokenWorld[] = []
  afterEach(async () => {
    for (const world of open.splice(0)) {
      await world.services.close()
      await world.sims.close()
    }
  })
  return async (options = {}) => {
    const world = await tokenWorld({ ...defaults, ...options })
    open.push(world)
    return world
  }
}

/** What SMSGate answers a request carrying this access token (200 while it works, 401 once revoked or expired). */
export async function bearerStatus(world: Pick<TokenWorld, 'sims'>, token: string): Promise<number> {
  const response = await fetch(`${world.sims.byId.smsgate.baseUrl}/devices`, { headers: { authorization: `Bearer ${token}` } })
  await response.arrayBuffer()
  return response.status
}

