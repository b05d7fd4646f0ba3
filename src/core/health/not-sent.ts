import type { Diagnosis } from '../../shared/diagnosis'
import type { AccountView } from '../../shared/model'

/** A check that sent nothing because the account's address in accounts.json is not the one its secrets are bound to. */
export function notSent(account: AccountView, message: string): Diagnosis {
  return {
    provider: account.provider,
    state: 'failing',
    cause: 'config.invalid',
    retryable: false,
    summary: message,
    evidence: { step: 'address', providerCode: 'ADDRESS_MISMATCH' },
    knowledgeSteps: ['common.check-base-url'],
    checkedAt: new Date().toISOString(),
    durationMs: 0,
    clockSkewMs: null,
    details: {},
    transcript: [],
  }
}
