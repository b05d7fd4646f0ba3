/**
 * Seeded accounts of the Nmbrs simulator and the scenarios that use them. Every scenario has
 * its own e-mail address, so the credentials alone select the behaviour.
 *
 * Documented [doc] vs guessed [guess]: one user and token per person, created in Production and
 * copied to Sandbox the next day (Nmbrs support: "How to get an API token") [doc]; fault codes
 * and texts as public clients observed them [client]; the envelope around them, HTTP 500 for
 * faults and which Domain forms are accepted [guess].
 */
import type { ScenarioInfo } from '../../simulators/types'

export type NmbrsEnvironment = 'production' | 'sandbox'

/** BASE_URL paths on the simulator: production at `/soap/v3`, sandbox under `/sandbox`. */
export const SIM_BASE_PATHS: Readonly<Record<NmbrsEnvironment, string>> = {
  production: '/soap/v3',
  sandbox: '/sandbox/soap/v3',
}

/** Host suffix of an environment's `Domain` (dossier §1: sandbox UI domains end in .nmbrs-sandbox.nl). */
export const DOMAIN_SUFFIX: Readonly<Record<NmbrsEnvironment, string>> = {
  production: 'nmbrs.nl',
  sandbox: 'nmbrs-sandbox.nl',
}

export interface NmbrsError {
  /** null for the code-less `---> Invalid combination email/password`. */
  readonly code: string | null
  readonly message: string
}

/** Fault texts as clients observed them (dossier §5), including the "Unkown" typo. */
export const NMBRS_ERRORS = {
  invalidCombination: { code: null, message: 'Invalid combination email/password' },
  invalidAuthentication: { code: '1001', message: 'Invalid Authentication' },
  unauthorizedAccess: { code: '1002', message: 'Unauthorized access' },
  unauthorizedData: { code: '1003', message: 'Unauthorized access' },
  noSubscription: { code: '1004', message: 'Disabled, no valid subscription' },
  // 1006 and 2043 texts are the titles clients list; the wire text was not captured [infer]
  loginSecurityFailure: { code: '1006', message: 'Generic Login Security Failure' },
  invalidDomain: { code: '2043', message: 'Invalid Domain' },
  unknown: { code: '9999', message: 'Unkown' },
} as const satisfies Record<string, NmbrsError>

export interface SimDebtor {
  readonly id: number
  readonly number: number
  readonly name: string
}

/**
 * `every-call` fails Environment_Get too (subscription, server-side errors); `domain-calls`
 * fails only calls made with AuthHeaderWithDomain (API user template rights, dossier §4).
 */
export interface AccountFailure {
  readonly on: 'every-call' | 'domain-calls'
  readonly error: NmbrsError
}

/** A user: the same in both environments, except that Sandbox holds yesterday's token. */
export interface SimAccount {
  readonly username: string
  /** The token in Production (where tokens are created and reset). */
  readonly token: string
  /** The token Sandbox knows: yesterday's copy of the Production one. */
  readonly sandboxToken: string
  readonly subDomain: string
  readonly debtors: ReadonlyArray<SimDebtor>
  readonly failure?: AccountFailure
}

const DEBTORS: ReadonlyArray<SimDebtor> = [
  { id: 101, number: 1, name: 'Acme Payroll BV' },
  { id: 102, number: 2, name: 'Acme Holding & Co' },
]

interface ScenarioSeed {
  readonly description: string
  readonly environment: NmbrsEnvironment
  /** Where the scenario's credentials point, when not at `environment`. */
  readonly target?: NmbrsEnvironment
  readonly username: string
  readonly token: string
  /** What the user typed, when it is not the account's token. */
  readonly sentToken?: string
  /** The environment's sub-domain, which is what the account's DOMAIN should be. */
  readonly subDomain: string
  /** What the user typed as DOMAIN, when it is not the sub-domain. */
  readonly sentDomain?: string
  readonly account?: Partial<Pick<SimAccount, 'debtors' | 'failure'>>
  /** The Production token as it was yesterday, when it was created or reset today. */
  readonly yesterdaysToken?: string
  /** Account settings the scenario's account declares (e.g. USES_DEBTOR_SERVICE). */
  readonly settings?: Readonly<Record<string, string>>
  /** No account exists for this username at all. */
  readonly noAccount?: boolean
}

const token = (n: number): string => `5e${n.toString(16).padStart(2, '0')}c0ffee4b1d9a7f3e8d2c6b0a9f5e1d7c`.slice(0, 32)

const SEEDS: Readonly<Record<string, ScenarioSeed>> = {
  valid: {
    description: 'Production account; Environment_Get and List_GetAll succeed (ok).',
    ...seedBase('api@acme.example', 1),
  },
  'valid-sandbox': {
    description: 'Sandbox account on the sandbox path; both calls succeed (ok).',
    ...seedBase('api@acme-sandbox.example', 2),
    environment: 'sandbox',
    subDomain: 'acme-sandbox',
  },
  'valid-no-debtors': {
    description: 'Accepted; List_GetAll returns an empty list, which is not a failure (ok).',
    ...seedBase('empty@acme.example', 3),
    account: { debtors: [] },
  },
  'token-wrong': {
    description: 'Token was reset or mistyped: 1001 on Environment_Get (credentials.invalid).',
    ...seedBase('token-reset@acme.example', 4),
    sentToken: token(99),
  },
  'username-wrong': {
    description: 'No user with this e-mail: 1001 on Environment_Get (credentials.invalid).',
    ...seedBase('nobody@acme.example', 5),
    noAccount: true,
  },
  'token-whitespace': {
    description: 'Token copied with a trailing line break; the server gets 1001 (credentials.malformed, catch it before sending).',
    ...seedBase('pasted@acme.example', 6),
    sentToken: `${token(6)}\n`,
  },
  'domain-wrong': {
    description: "Environment_Get works (SubDomain 'acme'); List_GetAll with DOMAIN 'acme-bv' gets 1001 (domain.invalid, suggest 'acme').",
    ...seedBase('domain@acme.example', 7),
    sentDomain: 'acme-bv',
  },
  'domain-full-host': {
    description: "DOMAIN 'acme.nmbrs.nl' (full host) refused with 1001 on List_GetAll by default (domain.invalid, suggest 'acme').",
    ...seedBase('fullhost@acme.example', 8),
    sentDomain: 'acme.nmbrs.nl',
  },
  'domain-invalid-2043': {
    description: 'DOMAIN pasted as a URL: List_GetAll gets 2043 Invalid Domain (domain.invalid; a local shape check may flag it first as credentials.malformed).',
    ...seedBase('url@acme.example', 9),
    sentDomain: 'https://acme.nmbrs.nl/',
  },
  'unauthorized-1002': {
    description:
      'API user template without DebtorService: Environment_Get works, 1002 on List_GetAll; the account does not declare DebtorService (ok, with a note that the domain was not verified).',
    ...seedBase('template@acme.example', 10),
    account: { failure: { on: 'domain-calls', error: NMBRS_ERRORS.unauthorizedAccess } },
  },
  'template-blocks-debtor-service': {
    description: 'The same template, on an account that declares USES_DEBTOR_SERVICE=yes: 1002 on List_GetAll (feature.disabled, degraded).',
    ...seedBase('template-used@acme.example', 17),
    account: { failure: { on: 'domain-calls', error: NMBRS_ERRORS.unauthorizedAccess } },
    settings: { USES_DEBTOR_SERVICE: 'yes' },
  },
  'unauthorized-1003': {
    description: 'Tags/filters hide the data: 1003 on List_GetAll (permission.denied).',
    ...seedBase('filtered@acme.example', 11),
    account: { failure: { on: 'domain-calls', error: NMBRS_ERRORS.unauthorizedData } },
  },
  'subscription-1004': {
    description: 'Environment has no valid subscription: 1004 on every call (account.disabled).',
    ...seedBase('expired@acme.example', 12),
    account: { failure: { on: 'every-call', error: NMBRS_ERRORS.noSubscription } },
  },
  'security-failure-1006': {
    description: 'Generic Login Security Failure 1006 on every call (server.error, retryable).',
    ...seedBase('flaky@acme.example', 13),
    account: { failure: { on: 'every-call', error: NMBRS_ERRORS.loginSecurityFailure } },
  },
  'unknown-error-9999': {
    description: "'---> 9999: Unkown' on every call (server.error, retryable).",
    ...seedBase('unknown@acme.example', 14),
    account: { failure: { on: 'every-call', error: NMBRS_ERRORS.unknown } },
  },
  'token-not-yet-in-sandbox': {
    description:
      'A token created today in Production, tried on Sandbox: 1001 there, accepted in Production (credentials.invalid: new tokens reach Sandbox the day after).',
    ...seedBase('api@acme-test.example', 15),
    target: 'sandbox',
    subDomain: 'acme-test',
    yesterdaysToken: token(115),
  },
  'token-reset-in-live': {
    description: 'Yesterday’s token, reset today in Production: 1001 there, still accepted on Sandbox (credentials.invalid: copy the new token).',
    ...seedBase('api@acme-live.example', 16),
    subDomain: 'acme-live',
    yesterdaysToken: token(116),
    sentToken: token(116),
  },
}

function seedBase(username: string, n: number): Pick<ScenarioSeed, 'environment' | 'username' | 'token' | 'subDomain'> {
  return { environment: 'production', username, token: token(n), subDomain: 'acme' }
}

export const SCENARIOS: Readonly<Record<string, ScenarioInfo>> = Object.fromEntries(
  Object.entries(SEEDS).map(([name, seed]) => {
    const target = seed.target ?? seed.environment
    const credentials = {
      USERNAME: seed.username,
      TOKEN: seed.sentToken ?? seed.token,
      DOMAIN: seed.sentDomain ?? seed.subDomain,
      BASE_URL: SIM_BASE_PATHS[target],
      ENVIRONMENT: target,
      ...seed.settings,
    }
    return [name, { credentials, description: seed.description }]
  }),
)

export const ACCOUNTS: ReadonlyArray<SimAccount> = Object.values(SEEDS)
  .filter((seed) => !seed.noAccount)
  .map((seed) => ({
    username: seed.username,
    token: seed.token,
    sandboxToken: seed.yesterdaysToken ?? seed.token,
    subDomain: seed.subDomain,
    debtors: seed.account?.debtors ?? DEBTORS,
    ...(seed.account?.failure ? { failure: seed.account.failure } : {}),
  }))
