/** Authmatech checklist (dossier §2, §5, §9), worded for a support person: key, client id, environment, product, balance. */
import { knowledgeBase, step, stepsByCause } from '../../diagnosis/knowledge-common'

export const AUTHMATECH_KNOWLEDGE = knowledgeBase([
  step('authmatech.no-whitespace', 'Paste the value alone', 'Copy the API key or client id again and paste only the value: no spaces, quotes or line breaks around it.'),
  step(
    'authmatech.recopy-key',
    'Check the API key',
    'Authmatech shows an API key only once, when it is generated. If nobody has the current key, or it was rotated elsewhere, generate a new one in the Authmatech dashboard and paste it into the account’s API key field.',
  ),
  step('authmatech.check-client-id', 'Check the client id', 'In the Authmatech dashboard, compare the client id with the account’s: it must be the client the key belongs to.'),
  step(
    'authmatech.environment',
    'Sandbox or production?',
    'Authmatech’s sandbox and production use the same address, so AuthDesk cannot tell them apart: check in the dashboard that the key and the client id come from the same environment.',
  ),
  step('authmatech.enable-product', 'Enable the product', 'The product (e.g. VERIFY) is not enabled for this client: ask Authmatech sales to enable it.'),
  step('authmatech.balance', 'Top up the balance', 'The balance is used up or expired: top up or renew it in the Authmatech dashboard.'),
  step('authmatech.rate-limit', 'Too many requests', 'Authmatech allows 1,000 requests per minute per client by default. Check whether another program uses the same client heavily, or ask Authmatech for a higher limit.'),
  step('authmatech.support', 'Contact Authmatech support', 'Create a support bundle and send it to support@authmatech.com with the time of the check: it holds the status, message and request Authmatech asks for.'),
])

export const authmatechSteps = stepsByCause({
  'credentials.invalid': ['authmatech.recopy-key', 'authmatech.check-client-id', 'authmatech.environment'],
  'credentials.malformed': ['authmatech.no-whitespace'],
  'permission.denied': ['authmatech.enable-product'],
  'feature.disabled': ['authmatech.enable-product'],
  'account.disabled': ['authmatech.balance'],
  'balance.exhausted': ['authmatech.balance'],
  rate_limited: ['authmatech.rate-limit'],
  'server.error': ['authmatech.support'],
})
