/** Authmatech checklist (dossier §2, §5, §9): headers, whitespace, environment, product, balance. */
import { knowledgeBase, step, stepsByCause } from '../../diagnosis/knowledge-common'

export const AUTHMATECH_KNOWLEDGE = knowledgeBase([
  step('authmatech.both-headers', 'Send both headers', 'Every server call needs X-API-KEY and X-CLIENT-ID; a missing one is a 401 like a wrong one.'),
  step('authmatech.no-whitespace', 'No stray characters', 'Header values are compared exactly: no spaces, quotes or line breaks around the key or client id.'),
  step('authmatech.recopy-key', 'Re-copy or rotate the key', 'The API key is shown once when generated. If it is lost or was rotated, rotate it again in the dashboard and store the new one.'),
  step('authmatech.check-client-id', 'Check the client id', 'X-CLIENT-ID must be the id of the client the key belongs to.'),
  step(
    'authmatech.environment',
    'Sandbox or production?',
    'Sandbox and production share service.authmatech.com; the key and the client id must come from the same environment.',
  ),
  step('authmatech.enable-product', 'Enable the product', 'The product (e.g. VERIFY) is not enabled for this client: ask Authmatech sales to enable it.'),
  step('authmatech.balance', 'Top up the balance', 'The balance is used up or expired: top up or renew it in the dashboard.'),
  step('authmatech.rate-limit', 'Rate limit', 'The default budget is 1,000 requests per minute per client: back off, or ask for a higher limit.'),
  step('authmatech.support', 'Contact Authmatech support', 'Send the status, the message code and text, the request URL and the time (support@authmatech.com).'),
])

export const authmatechSteps = stepsByCause({
  'credentials.invalid': ['authmatech.both-headers', 'authmatech.no-whitespace', 'authmatech.recopy-key', 'authmatech.check-client-id', 'authmatech.environment'],
  'credentials.missing': ['authmatech.both-headers'],
  'credentials.malformed': ['authmatech.no-whitespace'],
  'permission.denied': ['authmatech.enable-product'],
  'balance.exhausted': ['authmatech.balance'],
  rate_limited: ['authmatech.rate-limit'],
  'server.error': ['authmatech.support'],
})
