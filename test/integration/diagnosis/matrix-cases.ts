/**
 * The diagnosis matrix: every simulator scenario, every transport fault of the simulators,
 * and the network failures (refused, DNS, TLS, proxy), each with the cause a checker must
 * conclude. Run over real HTTP by matrix.test.ts.
 */
import type { CauseCode } from '../../../src/shared/causes'
import type { Diagnosis } from '../../../src/shared/diagnosis'
import type { BuiltInProviderId } from '../../../src/shared/model'
import { checkAccount, type CheckDeps, type CheckInput } from '../../../src/core/diagnosis/engine'
import type { RefreshedTokens } from '../../../src/core/diagnosis/types'
import type { HttpClient } from '../../../src/core/http/client'
import type { SimulatorSet } from '../../../src/core/simulators/start-all'
import type { FaultKind, FaultRule } from '../../../src/core/simulators/types'
import { canary, fastRetry, secretsOf } from '../../support/diagnosis'

export interface MatrixEnv {
  readonly sims: SimulatorSet
  readonly http: HttpClient
  /** Clients whose HTTP_PROXY points at a proxy that refuses tunnels (407), or at nothing. */
  readonly refusingProxyHttp: HttpClient
  readonly deadProxyHttp: HttpClient
  readonly closedPort: number
  /** An https server with a self-signed certificate, or null when openssl is unavailable. */
  readonly selfSignedPort: number | null
}

export interface MatrixRun {
  readonly diagnosis: Diagnosis
  readonly secrets: ReadonlyArray<string>
}

export interface MatrixCase {
  readonly name: string
  readonly provider: BuiltInProviderId
  readonly kind: 'scenario' | 'fault' | 'transport' | 'canary'
  readonly expect: CauseCode
  /** Why the case cannot run here, if it cannot. */
  readonly skip?: (env: MatrixEnv) => string | null
  run(env: MatrixEnv): Promise<MatrixRun>
}

/** What each scenario's description says a checker should conclude. */
export const SCENARIO_CAUSES: Readonly<Record<BuiltInProviderId, Readonly<Record<string, CauseCode>>>> = {
  groupcall: {
    valid: 'ok',
    'wrong-password': 'credentials.invalid',
    'missing-password': 'credentials.missing',
    'sms-not-allowed': 'permission.denied',
    'email-only-customer': 'ok',
    'partner-authorized': 'ok',
    'partner-not-authorized': 'partner.not_authorized',
    'test-environment': 'ok',
    'test-credentials-on-production': 'credentials.invalid',
    'production-credentials-on-test': 'credentials.invalid',
  },
  nmbrs: {
    valid: 'ok',
    'valid-sandbox': 'ok',
    'valid-no-debtors': 'ok',
    'token-wrong': 'credentials.invalid',
    'username-wrong': 'credentials.invalid',
    'token-whitespace': 'credentials.malformed',
    'domain-wrong': 'domain.invalid',
    'domain-full-host': 'domain.invalid',
    // A URL is refused by the local shape check before anything is sent (the description allows either).
    'domain-invalid-2043': 'credentials.malformed',
    'unauthorized-1002': 'ok',
    'template-blocks-debtor-service': 'feature.disabled',
    'unauthorized-1003': 'permission.denied',
    'subscription-1004': 'account.disabled',
    'security-failure-1006': 'server.error',
    'unknown-error-9999': 'server.error',
    'token-not-yet-in-sandbox': 'credentials.invalid',
    'token-reset-in-live': 'credentials.invalid',
  },
  smsgate: {
    valid: 'ok',
    'wrong-password': 'credentials.invalid',
    'unknown-user': 'credentials.invalid',
    'no-device': 'ok',
    'token-valid': 'ok',
    'token-missing-scope': 'scope.missing',
    'token-expired': 'token.expired',
    // Without a place to store a rotated pair, a check never spends the refresh token (see the *-with-store cases).
    'token-expired-refreshable': 'token.expired',
    'token-revoked': 'token.rejected',
    'token-wrong-server': 'token.rejected',
    'token-malformed': 'credentials.malformed',
    'refresh-replayed': 'token.expired',
    'jwt-disabled': 'service.disabled',
    'private-server': 'ok',
    'missing-api-prefix': 'endpoint.not_found',
    'send-only-token': 'ok',
    'local-server': 'ok',
    'local-server-wrong-password': 'credentials.invalid',
    'local-server-token': 'ok',
    'local-server-send-only-token': 'ok',
  },
  authmatech: {
    valid: 'ok',
    'missing-api-key': 'credentials.missing',
    'wrong-key': 'credentials.invalid',
    'wrong-client-id': 'credentials.invalid',
    'rotated-key': 'credentials.invalid',
    'product-not-enabled': 'feature.disabled',
    'shield-only-customer': 'ok',
    'balance-exhausted': 'balance.exhausted',
    'balance-expired': 'balance.exhausted',
    sandbox: 'ok',
    'sandbox-key-on-production': 'credentials.invalid',
    'rate-limited': 'rate_limited',
  },
}

const PROVIDERS: ReadonlyArray<BuiltInProviderId> = ['groupcall', 'nmbrs', 'smsgate', 'authmatech']

export function credentialsOf(env: MatrixEnv, provider: BuiltInProviderId, scenario: string): Record<string, string> {
  const found = env.sims.byId[provider].scenarioCredentials()[scenario]
  if (!found) throw new Error(`${provider} has no scenario ${scenario}`)
  return { ...found }
}

export async function runCheck(provider: BuiltInProviderId, fields: Record<string, string>, deps: Omit<CheckDeps, 'http'> & { http: HttpClient }, extra: Partial<CheckInput> = {}): Promise<MatrixRun> {
  const secrets = secretsOf(provider, fields)
  const diagnosis = await checkAccount({ provider, fields, ...extra }, { retry: fastRetry, ...deps })
  return { diagnosis, secrets }
}

const scenarioCase = (provider: BuiltInProviderId, scenario: string, expect: CauseCode): MatrixCase => ({
  name: `${provider} scenario ${scenario}`,
  provider,
  kind: 'scenario',
  expect,
  run: (env) => runCheck(provider, credentialsOf(env, provider, scenario), { http: env.http }),
})

/** Refresh with somewhere to store the pair: the rotated tokens are secrets of the case too. */
function withStoreCase(scenario: string, expect: CauseCode): MatrixCase {
  return {
    name: `smsgate scenario ${scenario} (with token store)`,
    provider: 'smsgate',
    kind: 'scenario',
    expect,
    async run(env) {
      const stored: string[] = []
      const storeTokens = async (tokens: RefreshedTokens): Promise<void> => void stored.push(tokens.accessToken, ...(tokens.refreshToken ? [tokens.refreshToken] : []))
      const result = await runCheck('smsgate', credentialsOf(env, 'smsgate', scenario), { http: env.http }, { storeTokens })
      return { ...result, secrets: [...result.secrets, ...stored] }
    },
  }
}

function optionCase(provider: BuiltInProviderId, scenario: string, options: object, expect: CauseCode, label: string): MatrixCase {
  return {
    name: `${provider} scenario ${scenario} (${label})`,
    provider,
    kind: 'scenario',
    expect,
    async run(env) {
      const sim = env.sims.byId[provider].simulator
      sim.setOptions(options)
      try {
        return await runCheck(provider, credentialsOf(env, provider, scenario), { http: env.http })
      } finally {
        sim.reset()
      }
    },
  }
}

const FAULT_CAUSES: ReadonlyArray<readonly [FaultKind, CauseCode, Partial<FaultRule>?]> = [
  ['server-error', 'server.error'],
  ['maintenance', 'server.unavailable'],
  ['rate-limit', 'rate_limited', { retryAfterSeconds: 0 }],
  ['rate-limit-no-retry-after', 'rate_limited'],
  ['truncated', 'network.reset'],
  ['invalid-body', 'response.malformed'],
  ['html-proxy', 'response.malformed'],
  ['reset', 'network.reset'],
  ['hang', 'network.timeout'],
  ['never-ends', 'network.timeout'],
  ['clock-skew', 'clock.skew', { skewSeconds: 600 }],
  ['clock-skew', 'clock.skew', { skewSeconds: -900 }],
  ['latency', 'network.timeout', { latencyMs: 600 }],
  ['latency', 'ok', { latencyMs: 50 }],
]

function faultCase(provider: BuiltInProviderId, kind: FaultKind, expect: CauseCode, extra: Partial<FaultRule> = {}, count?: number): MatrixCase {
  const detail = Object.entries(extra).map(([k, v]) => `${k}=${String(v)}`).join(' ')
  return {
    name: `${provider} fault ${kind}${detail ? ` ${detail}` : ''}${count ? ` ×${count}` : ''}`,
    provider,
    kind: 'fault',
    expect,
    async run(env) {
      const sim = env.sims.byId[provider]
      sim.faults.add({ kind, ...extra, ...(count ? { count } : {}) })
      try {
        return await runCheck(provider, credentialsOf(env, provider, 'valid'), { http: env.http, timeoutMs: 300 })
      } finally {
        sim.faults.clear()
      }
    },
  }
}

function transportCase(provider: BuiltInProviderId, label: string, expect: CauseCode, base: (env: MatrixEnv, path: string) => string, client?: (env: MatrixEnv) => HttpClient, skip?: MatrixCase['skip']): MatrixCase {
  return {
    name: `${provider} transport ${label}`,
    provider,
    kind: 'transport',
    expect,
    skip,
    run(env) {
      const path = new URL(env.sims.byId[provider].baseUrl).pathname.replace(/\/$/, '')
      const fields = { ...credentialsOf(env, provider, 'valid'), BASE_URL: base(env, path) }
      return runCheck(provider, fields, { http: client ? client(env) : env.http, timeoutMs: 2000 })
    },
  }
}

const simPort = (env: MatrixEnv, provider: BuiltInProviderId): string => new URL(env.sims.byId[provider].origin).port

function transportCases(provider: BuiltInProviderId): MatrixCase[] {
  return [
    transportCase(provider, 'refused', 'network.refused', (env, path) => `http://127.0.0.1:${env.closedPort}${path}`),
    transportCase(provider, 'dns', 'network.dns', (_env, path) => `https://authdesk-check.invalid${path}`),
    transportCase(provider, 'tls to a plain-http port', 'network.tls', (env, path) => `https://127.0.0.1:${simPort(env, provider)}${path}`),
    transportCase(
      provider,
      'tls self-signed (interception)',
      'network.tls',
      (env, path) => `https://127.0.0.1:${env.selfSignedPort ?? 0}${path}`,
      undefined,
      (env) => (env.selfSignedPort === null ? 'openssl is not available to make a self-signed certificate' : null),
    ),
    // A loopback target never uses the proxy: these go to a name only the proxy would resolve.
    transportCase(provider, 'proxy refuses the tunnel (407)', 'network.proxy', (_env, path) => `https://authdesk-proxied.invalid${path}`, (env) => env.refusingProxyHttp),
    transportCase(provider, 'proxy down', 'network.proxy', (_env, path) => `https://authdesk-proxied.invalid${path}`, (env) => env.deadProxyHttp),
  ]
}

/** Canary secrets against the live simulators, and pasted with the mistakes lint must catch. */
function canaryCases(provider: BuiltInProviderId): MatrixCase[] {
  const fieldsFor = (value: string): Record<string, string> =>
    ({
      groupcall: { CUSTOMER_ID: '1469', PASSWORD: value, PARTNER_KEY: canary('gcpk') },
      nmbrs: { USERNAME: 'api@acme.example', TOKEN: value, DOMAIN: 'acme' },
      smsgate: { USERNAME: 'VALID1', PASSWORD: value },
      authmatech: { API_KEY: value, CLIENT_ID: 'client-1' },
    })[provider]
  const variants: ReadonlyArray<readonly [string, (c: string) => string, CauseCode]> = [
    ['rejected by the provider', (c) => c, provider === 'groupcall' ? 'partner.not_authorized' : 'credentials.invalid'],
    ['with a trailing line break', (c) => `${c}\n`, 'credentials.malformed'],
    ['in quotes', (c) => `"${c}"`, 'credentials.malformed'],
  ]
  return variants.map(([label, paste, expect]) => ({
    name: `${provider} canary ${label}`,
    provider,
    kind: 'canary',
    expect,
    async run(env) {
      const value = canary(provider.slice(0, 4))
      const fields = { ...fieldsFor(paste(value)), BASE_URL: env.sims.byId[provider].baseUrl }
      const result = await runCheck(provider, fields, { http: env.http })
      return { ...result, secrets: [...result.secrets, value] }
    },
  }))
}

export function matrixCases(): MatrixCase[] {
  const cases: MatrixCase[] = []
  for (const provider of PROVIDERS) {
    for (const [scenario, expect] of Object.entries(SCENARIO_CAUSES[provider])) cases.push(scenarioCase(provider, scenario, expect))
  }
  cases.push(
    withStoreCase('token-expired-refreshable', 'ok'),
    withStoreCase('refresh-replayed', 'token.refresh_failed'),
    optionCase('nmbrs', 'domain-wrong', { wrongDomainCode: '2043' }, 'domain.invalid', 'fault 2043'),
    optionCase('nmbrs', 'token-wrong', { faultStatus: 200 }, 'credentials.invalid', 'faults with HTTP 200'),
    optionCase('nmbrs', 'username-wrong', { unknownUserFault: 'invalid-combination' }, 'credentials.invalid', 'code-less fault'),
    optionCase('authmatech', 'wrong-client-id', { unknownClientId: 'client-not-found' }, 'credentials.invalid', '404 Client not found'),
    optionCase('authmatech', 'valid', { omitNullMembers: true }, 'ok', 'null members omitted'),
    optionCase('groupcall', 'wrong-password', { strictCasing: true }, 'credentials.invalid', 'strict casing'),
  )
  for (const provider of PROVIDERS) {
    for (const [kind, expect, extra] of FAULT_CAUSES) cases.push(faultCase(provider, kind, expect, extra))
    // A transient failure the retry policy rides out; Groupcall's send is not repeated after a 500.
    cases.push(faultCase(provider, 'server-error', provider === 'groupcall' ? 'server.error' : 'ok', {}, 1))
    cases.push(faultCase(provider, 'rate-limit', 'ok', { retryAfterSeconds: 0 }, 1))
    cases.push(...transportCases(provider), ...canaryCases(provider))
  }
  return cases
}
