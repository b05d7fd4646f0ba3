/**
 * What the simulated DebtorService does once a request is routed: authenticate the header,
 * check the domain, and answer or fail with an Nmbrs error (dossier §3–§5).
 */
import { escapeXml } from './soap-xml'
import { DOMAIN_SUFFIX, NMBRS_ERRORS, type NmbrsEnvironment, type NmbrsError, type SimAccount } from './simulator-scenarios'

export type AuthHeaderKind = 'AuthHeader' | 'AuthHeaderWithDomain'

export interface OperationSpec {
  readonly name: 'Environment_Get' | 'List_GetAll'
  /** The SOAP header the operation declares; ASMX ignores any other header. */
  readonly header: AuthHeaderKind
}

export const DEBTOR_SERVICE = 'DebtorService'

export const DEBTOR_OPERATIONS: ReadonlyArray<OperationSpec> = [
  { name: 'Environment_Get', header: 'AuthHeader' },
  { name: 'List_GetAll', header: 'AuthHeaderWithDomain' },
]

/** Fields of the declared header; null when the header is absent (or in another namespace). */
export interface AuthFields {
  readonly username: string | null
  readonly token: string | null
  readonly domain: string | null
}

export interface OperationRules {
  readonly domainForms: 'subdomain' | 'subdomain-or-host'
  readonly wrongDomainCode: '1001' | '2043'
  readonly unknownUserFault: '1001' | 'invalid-combination'
}

export type OperationOutcome = { readonly kind: 'result'; readonly resultXml: string } | { readonly kind: 'fault'; readonly error: NmbrsError }

function authenticate(
  accounts: ReadonlyArray<SimAccount>,
  environment: NmbrsEnvironment,
  fields: AuthFields | null,
  rules: OperationRules,
): SimAccount | NmbrsError {
  if (!fields?.username || !fields.token) return NMBRS_ERRORS.invalidAuthentication
  // E-mail addresses compared case-insensitively, tokens exactly [infer].
  const username = fields.username.toLowerCase()
  const account = accounts.find((a) => a.username.toLowerCase() === username)
  if (!account) return rules.unknownUserFault === '1001' ? NMBRS_ERRORS.invalidAuthentication : NMBRS_ERRORS.invalidCombination
  return tokenIn(account, environment) === fields.token ? account : NMBRS_ERRORS.invalidAuthentication
}

/** Sandbox knows the token as it was yesterday (Nmbrs support: "How to get an API token"). */
const tokenIn = (account: SimAccount, environment: NmbrsEnvironment): string => (environment === 'sandbox' ? account.sandboxToken : account.token)

const DOMAIN_SHAPE = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/

function checkDomain(account: SimAccount, environment: NmbrsEnvironment, domain: string | null, rules: OperationRules): NmbrsError | null {
  // N-1001: a v3 call without Domain fails with 1001.
  if (!domain) return NMBRS_ERRORS.invalidAuthentication
  const typed = domain.toLowerCase()
  // 2043 "Invalid Domain" is listed by clients without a trigger; we use it for values that
  // cannot be a domain at all (a pasted URL, spaces) [infer].
  if (!DOMAIN_SHAPE.test(typed)) return NMBRS_ERRORS.invalidDomain
  const accepted =
    rules.domainForms === 'subdomain' ? [account.subDomain] : [account.subDomain, `${account.subDomain}.${DOMAIN_SUFFIX[environment]}`]
  if (accepted.includes(typed)) return null
  return rules.wrongDomainCode === '1001' ? NMBRS_ERRORS.invalidAuthentication : NMBRS_ERRORS.invalidDomain
}

function resultXml(operation: OperationSpec, account: SimAccount, environment: NmbrsEnvironment): string {
  if (operation.name === 'Environment_Get') {
    return `<Domain>${account.subDomain}.${DOMAIN_SUFFIX[environment]}</Domain><SubDomain>${account.subDomain}</SubDomain>`
  }
  return account.debtors.map((d) => `<Debtor><Id>${d.id}</Id><Number>${d.number}</Number><Name>${escapeXml(d.name)}</Name></Debtor>`).join('')
}

export function runOperation(
  operation: OperationSpec,
  environment: NmbrsEnvironment,
  fields: AuthFields | null,
  accounts: ReadonlyArray<SimAccount>,
  rules: OperationRules,
): OperationOutcome {
  const account = authenticate(accounts, environment, fields, rules)
  if (!('token' in account)) return { kind: 'fault', error: account }
  if (account.failure?.on === 'every-call') return { kind: 'fault', error: account.failure.error }
  if (operation.header === 'AuthHeaderWithDomain') {
    const domainError = checkDomain(account, environment, fields?.domain ?? null, rules)
    if (domainError) return { kind: 'fault', error: domainError }
    if (account.failure) return { kind: 'fault', error: account.failure.error }
  }
  return { kind: 'result', resultXml: resultXml(operation, account, environment) }
}
