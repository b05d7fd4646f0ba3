/**
 * Seeded Groupcall accounts and the named scenarios built on them. The credential values pick
 * the scenario: every scenario has its own CustomerId, so per-account faults stay separate.
 */
import type { ScenarioInfo } from '../../simulators/types'

export type GroupcallEnvironment = 'production' | 'test'

/**
 * The isolated test host `apitesting.groupcall.com` is modelled as this path prefix on the
 * same server, with its own accounts. The dossier does not say whether that host serves the
 * same `/api/SendMessage_V3/...` paths; we assume it does (groupcall.md §1).
 */
export const GROUPCALL_TEST_PREFIX = '/apitesting'

export interface GroupcallSimAccount {
  readonly environment: GroupcallEnvironment
  readonly customerId: string
  /** The customer's API key, sent as `Password`. */
  readonly password: string
  readonly sms: boolean
  readonly email: boolean
  /** `PartnerKey`s this customer has authorised (the partner then sends with this same key). */
  readonly authorisedPartners: ReadonlyArray<string>
}

export const GROUPCALL_SIM_PARTNER_KEY = 'partner-authdesk-12345'

export const GROUPCALL_SIM_ACCOUNTS: ReadonlyArray<GroupcallSimAccount> = [
  account('production', '1469', 'c2a4f0e1-6b3d-4e8a-9f71-5d2b8c0e4a13'),
  account('production', '1470', 'e8b1d5c7-2f4a-4c6e-8d19-3a7f5b2c9e60'),
  account('production', '2201', '9d3e7a15-4c8b-4f2d-a6e0-1b5c9f3d7a82'),
  account('production', '2203', '4f6a2c8e-1d7b-4a3f-9c05-8e2d6b4f1a97', { sms: false }),
  account('production', '2204', '8a4c0e6b-3f9d-4b1a-8e72-c5d1f9a3b7e4', { email: false }),
  account('production', '2205', '6d2b9f41-7c3e-4e8a-b5d0-1f9a3c7e2b64', { sms: false }),
  account('production', '3301', 'a7c3e9f1-5b2d-4e6a-8f14-2c9d7b3e5a06', { authorisedPartners: [GROUPCALL_SIM_PARTNER_KEY] }),
  account('production', '3302', '6e2b8d4f-9a1c-4d7e-b350-7f4a2e8c1d69'),
  account('test', '5501', 'b5d1f7a3-8c4e-4b2a-9e67-0d3f5a9c7b24'),
  account('test', '5502', '3c9f5b1d-7e2a-4f8c-a4d3-6b0e8c2f4d51'),
]

function account(
  environment: GroupcallEnvironment,
  customerId: string,
  password: string,
  extra: Partial<Pick<GroupcallSimAccount, 'sms' | 'email' | 'authorisedPartners'>> = {},
): GroupcallSimAccount {
  return { environment, customerId, password, sms: true, email: true, authorisedPartners: [], ...extra }
}

/** Partner keys known to Groupcall, per environment. */
export const GROUPCALL_SIM_PARTNERS: Readonly<Record<GroupcallEnvironment, ReadonlyArray<string>>> = {
  production: [GROUPCALL_SIM_PARTNER_KEY],
  test: [],
}

function passwordOf(customerId: string): string {
  const found = GROUPCALL_SIM_ACCOUNTS.find((a) => a.customerId === customerId)
  if (!found) throw new Error(`no seeded Groupcall account ${customerId}`)
  return found.password
}

const production = { ENVIRONMENT: 'production' } as const
const onTestHost = { ENVIRONMENT: 'test', BASE_URL: GROUPCALL_TEST_PREFIX } as const

export const GROUPCALL_SCENARIOS: Readonly<Record<string, ScenarioInfo>> = {
  valid: {
    credentials: { CUSTOMER_ID: '1469', PASSWORD: passwordOf('1469'), ...production },
    description: 'Production customer allowed to send SMS and Email; the probe gets "No recipients with valid addresses" → ok.',
  },
  'wrong-password': {
    credentials: { CUSTOMER_ID: '2201', PASSWORD: 'f0e1d2c3-b4a5-4968-8776-655443322110', ...production },
    description: 'Known CustomerId with a wrong or revoked API key: errorMsg "Data is not valid, no messages sent" → credentials.invalid.',
  },
  'missing-password': {
    credentials: { CUSTOMER_ID: '2202', PASSWORD: '', ...production },
    description:
      'Password left empty: errorMsg "Required authentication fields missing" (or "Data is not valid…" with missingAuthFields=data-not-valid) → credentials.missing.',
  },
  'sms-not-allowed': {
    credentials: { CUSTOMER_ID: '2203', PASSWORD: passwordOf('2203'), ...production },
    description: 'Valid credentials of an Email-only customer: WarningMessages "Customer does not allow sending SMS" → permission.denied.',
  },
  'email-only-customer': {
    credentials: { CUSTOMER_ID: '2205', PASSWORD: passwordOf('2205'), CHANNEL: 'Email', ...production },
    description: 'An Email-only customer on an account that says it sends Email (CHANNEL=Email): the check uses the Email route → ok.',
  },
  'partner-authorized': {
    credentials: { CUSTOMER_ID: '3301', PASSWORD: passwordOf('3301'), PARTNER_KEY: GROUPCALL_SIM_PARTNER_KEY, ...production },
    description: 'PartnerRoute for a customer that authorised the partner; the probe gets "No recipients with valid addresses" → ok.',
  },
  'partner-not-authorized': {
    credentials: { CUSTOMER_ID: '3302', PASSWORD: passwordOf('3302'), PARTNER_KEY: GROUPCALL_SIM_PARTNER_KEY, ...production },
    description:
      'PartnerRoute for a customer that never authorised the partner: WarningMessages "Partner account not authorized for this customer" → partner.not_authorized.',
  },
  'test-environment': {
    credentials: { CUSTOMER_ID: '5501', PASSWORD: passwordOf('5501'), ...onTestHost },
    description: 'Sandbox account used against the test host (BASE_URL …/apitesting) → ok.',
  },
  'test-credentials-on-production': {
    credentials: { CUSTOMER_ID: '5502', PASSWORD: passwordOf('5502'), ...production },
    description:
      'Account that exists only on apitesting, sent to production: "Data is not valid, no messages sent" → credentials.invalid (environment.mismatch only as an inferred hint).',
  },
  'production-credentials-on-test': {
    credentials: { CUSTOMER_ID: '1470', PASSWORD: passwordOf('1470'), ...onTestHost },
    description:
      'Production account sent to the isolated test host: "Data is not valid, no messages sent" → credentials.invalid (environment.mismatch only as an inferred hint).',
  },
}
