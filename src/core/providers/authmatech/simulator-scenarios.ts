/**
 * Seeded Authmatech clients and the named scenarios built on them. Sandbox and production share
 * the host (authmatech.md §1): the credentials alone select the environment, so a sandbox key is
 * simply a key of a sandbox client. Key and id formats are not documented; these are opaque.
 * Documented [doc: A-ERR, A-API-AUTH, A-RL]: the envelope, 401, 404 "Client not found.", 429;
 * guessed [guess]: the /me/products and /me/usage data shapes, the 400 texts for product and
 * balance (docs/providers/authmatech.md).
 */
import { createHash } from 'node:crypto'
import type { ScenarioInfo } from '../../simulators/types'

export type AuthmatechEnvironment = 'production' | 'sandbox'

export const AUTHMATECH_PRODUCTS = ['VERIFY', 'TRUST', 'SHIELD', 'DETECT'] as const
export type AuthmatechProduct = (typeof AUTHMATECH_PRODUCTS)[number]

export interface AuthmatechSimClient {
  readonly clientId: string
  readonly environment: AuthmatechEnvironment
  readonly apiKey: string
  /** The long-lived client secret that authorises key rotation. */
  readonly secretKey: string
  /** Keys rotated away before the simulator started; never accepted again. */
  readonly retiredKeys: ReadonlyArray<string>
  readonly products: ReadonlyArray<AuthmatechProduct>
  /** Verification units left. */
  readonly balance: number
  /** When the balance expires (ms since the epoch), or null for never. */
  readonly balanceExpiresAt: number | null
  /** Per-client requests per minute, overriding the simulator's default budget. */
  readonly budgetPerMinute?: number
}

/** Deterministic opaque value for a label (same on every run, unique per label). */
export function simToken(label: string, length = 40): string {
  return createHash('sha256').update(`authmatech-sim|${label}`).digest('hex').slice(0, length)
}

function simClientId(label: string): string {
  const h = simToken(`client|${label}`, 32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

function client(label: string, extra: Partial<Omit<AuthmatechSimClient, 'clientId' | 'apiKey' | 'secretKey'>> = {}): AuthmatechSimClient {
  return {
    clientId: simClientId(label),
    environment: 'production',
    apiKey: simToken(`key|${label}`),
    secretKey: simToken(`secret|${label}`, 48),
    retiredKeys: [],
    products: AUTHMATECH_PRODUCTS,
    balance: 1_000,
    balanceExpiresAt: null,
    ...extra,
  }
}

export const AUTHMATECH_SIM_CLIENTS = {
  valid: client('valid'),
  missingKey: client('missing-key'),
  wrongKey: client('wrong-key'),
  rotated: client('rotated', { retiredKeys: [simToken('key|rotated|before')] }),
  verifyDisabled: client('product-not-enabled', { products: ['TRUST', 'SHIELD', 'DETECT'] }),
  shieldOnly: client('shield-only-customer', { products: ['SHIELD'] }),
  exhausted: client('balance-exhausted', { balance: 0 }),
  expired: client('balance-expired', { balanceExpiresAt: Date.UTC(2025, 0, 1) }),
  sandbox: client('sandbox', { environment: 'sandbox', balance: 1_000_000 }),
  // A production client of its own, so per-account faults for `valid` do not reach the mix-up scenario.
  productionForSandboxKey: client('sandbox-key-on-production'),
  // Budget 0 makes a single probe provoke the per-client 429 deterministically.
  rateLimited: client('rate-limited', { budgetPerMinute: 0 }),
} as const satisfies Record<string, AuthmatechSimClient>

export const AUTHMATECH_SIM_CLIENT_LIST: ReadonlyArray<AuthmatechSimClient> = Object.values(AUTHMATECH_SIM_CLIENTS)

/** Web-variant transactions (`POST /v1/api/verify/{transactionId}`) and the number each captured. */
export const AUTHMATECH_SIM_TRANSACTIONS: Readonly<Record<string, string>> = {
  'TXN-SIM-0001': '+962791234567',
}

/**
 * The simulator's stand-in for the SDK's encrypted proof of a number: real proofs come from
 * carrier header enrichment and cannot be produced locally.
 */
export function simulatedProof(mobileNumber: string): string {
  return Buffer.from(`authmatech-sim:${mobileNumber}`, 'utf8').toString('base64')
}

/** A sandbox client's scenario names its environment, so its Demo account is a sandbox account. */
const creds = (c: AuthmatechSimClient, apiKey = c.apiKey, clientId = c.clientId) => ({ API_KEY: apiKey, CLIENT_ID: clientId, ...(c.environment === 'sandbox' ? { ENVIRONMENT: 'sandbox' } : {}) })
const C = AUTHMATECH_SIM_CLIENTS

export const AUTHMATECH_SCENARIOS: Readonly<Record<string, ScenarioInfo>> = {
  valid: { credentials: creds(C.valid), description: 'Production client with every product and balance: GET /v1/api/me/products → 200 → ok.' },
  'missing-api-key': {
    credentials: creds(C.missingKey, ''),
    description: 'API key left empty; sent anyway the header is missing and the answer is 401 "Unauthorized" → credentials.missing.',
  },
  'wrong-key': {
    credentials: creds(C.wrongKey, simToken('key|wrong-key|typo')),
    description: 'Known client id with a wrong API key: 401 envelope, message "Unauthorized", no code → credentials.invalid.',
  },
  'wrong-client-id': {
    credentials: creds(C.valid, C.valid.apiKey, simClientId('no-such-client')),
    description: 'Valid key with an unknown X-CLIENT-ID: 401 "Unauthorized" (404 "Client not found." with unknownClientId=client-not-found) → credentials.invalid.',
  },
  'rotated-key': {
    credentials: creds(C.rotated, simToken('key|rotated|before')),
    description: 'A key that was rotated away: 401 "Unauthorized" → credentials.invalid (rotate-if-lost advice applies).',
  },
  'product-not-enabled': {
    credentials: { ...creds(C.verifyDisabled), PRODUCTS: 'VERIFY' },
    description:
      'An account that uses VERIFY (PRODUCTS=VERIFY), disabled for its client: /me/products → 200 listing VERIFY enabled=false [guess: shape]; POST /v1/api/verify → 400 product message → feature.disabled (degraded).',
  },
  'shield-only-customer': {
    credentials: creds(C.shieldOnly),
    description: 'A customer that only uses Shield, no products declared: /me/products → 200 listing VERIFY enabled=false → ok (a note).',
  },
  'balance-exhausted': {
    credentials: creds(C.exhausted),
    description: 'No balance left: /me/products → 200; /me/usage remaining 0 [guess: shape]; POST /v1/api/verify → 400 "Insufficient balance." → balance.exhausted (degraded).',
  },
  'balance-expired': {
    credentials: creds(C.expired),
    description: 'Expired account balance: /me/usage expiresAt in the past [guess: shape]; POST /v1/api/verify → 400 "Balance has expired." → balance.exhausted (degraded).',
  },
  sandbox: {
    credentials: creds(C.sandbox),
    description: 'Sandbox client and its own key on the shared host: 200 like production → ok.',
  },
  'sandbox-key-on-production': {
    credentials: creds(C.productionForSandboxKey, C.sandbox.apiKey),
    description:
      'Sandbox key paired with the production client id: 401 "Unauthorized" → credentials.invalid (environment.mismatch only as an inferred hint).',
  },
  'rate-limited': {
    credentials: creds(C.rateLimited),
    description: 'Client with an exhausted per-minute budget: 429 envelope "Rate limit exceeded." → rate_limited (unknown, retry later).',
  },
}
