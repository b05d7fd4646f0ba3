import type { AccountProblemCode, AccountView, SecretsStatus } from '@shared/model'

/** Where the account's secrets are, in a few words for the list (the editor shows the full message). */
export const SECRETS_STATUS_TEXT: Readonly<Record<SecretsStatus, string>> = {
  keychain: 'Secrets in the OS keychain',
  session: 'Secrets kept for this session only',
  missing: 'Secrets missing: enter them again',
  unavailable: 'Keychain unreachable this session',
  none: 'No secret set',
}

/** Short titles for account problems, for the list; the full message is shown in the editor. */
export const PROBLEM_TITLES: Readonly<Record<AccountProblemCode, string>> = {
  'secret.missing': 'Secret missing from the keychain',
  'secret.unavailable': 'Keychain unreachable',
  'secret.session-only': 'Secrets for this session only',
  'secret.session-ended': 'Session secrets are gone',
  'metadata.recovered': 'Recovered: review its details',
  'fields.incomplete': 'Required fields missing',
  'secret.address-changed': 'Secrets needed: address changed',
}

/** `PASSWORD ••••4a13 · CUSTOMER_ID 1469`: identity fields and masked secrets, never a value. */
export function credentialSummary(account: AccountView): string {
  const plain = Object.entries(account.fields).map(([name, value]) => `${name} ${value}`)
  const secret = Object.entries(account.secrets).filter(([, view]) => view.set).map(([name, view]) => `${name} ${view.maskedTail ?? '••••'}`)
  return [...secret, ...plain].join(' · ')
}
