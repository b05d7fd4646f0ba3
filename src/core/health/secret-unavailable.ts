/**
 * The result of a check that could not read the account's secrets (the keychain item is gone,
 * or the keychain refused): `unknown` with cause `secret.unavailable`, so one account's missing
 * secret never stops the others from being checked. Nothing was sent.
 */
import { fixOf } from '../../shared/causes'
import type { Diagnosis } from '../../shared/diagnosis'
import type { AccountView } from '../../shared/model'
import { isAppError } from '../errors'

/** Vault errors that mean "this account's secrets cannot be read now". */
const SECRET_ERRORS = new Set(['vault.secret-missing', 'vault.keychain-failed', 'vault.keychain-unavailable'])

export function isSecretUnavailable(error: unknown): boolean {
  return isAppError(error) && SECRET_ERRORS.has(error.code)
}

export function secretUnavailableDiagnosis(account: AccountView, error: Error, startedAt: number): Diagnosis {
  return {
    provider: account.provider,
    state: 'unknown',
    cause: 'secret.unavailable',
    retryable: true,
    summary: `${error.message} ${fixOf('secret.unavailable') ?? ''}`.trim(),
    evidence: { step: 'keychain', inferred: 'the secrets could not be read, so nothing was sent' },
    knowledgeSteps: ['common.secret-unavailable'],
    checkedAt: new Date(startedAt).toISOString(),
    durationMs: Date.now() - startedAt,
    clockSkewMs: null,
    details: {},
    transcript: [],
  }
}
