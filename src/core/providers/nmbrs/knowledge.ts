/** Nmbrs troubleshooting steps (dossier §3–§5, §8; support article N-1001). */
import { knowledgeBase, step, stepsByCause } from '../../diagnosis/knowledge-common'
import type { Verdict } from '../../diagnosis/types'

export const NMBRS_KNOWLEDGE = knowledgeBase([
  step('nmbrs.check-username', '1. Check the e-mail', 'The username is the e-mail address the person logs in to Nmbrs with. Log in to Nmbrs with it once to confirm the user still exists.'),
  step(
    'nmbrs.check-token',
    '2. Check the API token',
    'In Nmbrs, open the user’s profile → API Token and copy the token again. Resetting it there stops the old one.',
  ),
  step(
    'nmbrs.token-owner',
    '3. Check whose token it is',
    'The token must belong to that same user. A debtor-level API user cannot see its own token: the environment owner must send it.',
  ),
  step(
    'nmbrs.domain-from-environment-get',
    'Use the domain Nmbrs reports',
    'Nmbrs reports the company’s own Nmbrs address (e.g. acme for acme.nmbrs.nl). AuthDesk shows it as the suggested domain: compare it with the account’s Domain.',
  ),
  step('nmbrs.domain-short-form', 'Try the short form', 'If a full address (acme.nmbrs.nl) or a link is refused, enter only the first part (acme) as the Domain.'),
  step(
    'nmbrs.check-environment',
    'Production or sandbox?',
    'Nmbrs creates API tokens in Production; they reach Sandbox the day after. A token new today works in Sandbox tomorrow; a token reset today still works in Sandbox until then, but no longer in Production: copy the new one.',
  ),
  step(
    'nmbrs.api-user-template',
    'Review the API user template',
    'Ask the Nmbrs environment administrator to check the API user template of this user: it must allow the debtor, company and employee data.',
  ),
  step('nmbrs.access-filters', 'Review access by tags and filters', 'Tags or filters hide this data from the user: ask the Nmbrs administrator to review them.'),
  step('nmbrs.subscription', 'Check the subscription', 'The Nmbrs environment has no valid subscription: its account administrator must renew it.'),
  step('nmbrs.support', 'Contact Nmbrs support', 'If it still fails, check the Nmbrs status page, then open a ticket with the time of the check; a support bundle has the details Nmbrs asks for.'),
])

const byCause = stepsByCause({
  'credentials.invalid': ['nmbrs.check-username', 'nmbrs.check-token', 'nmbrs.token-owner', 'nmbrs.check-environment', 'nmbrs.support'],
  'credentials.malformed': ['nmbrs.check-username', 'nmbrs.check-token', 'nmbrs.domain-short-form'],
  'credentials.missing': ['nmbrs.check-username', 'nmbrs.check-token'],
  'domain.invalid': ['nmbrs.domain-from-environment-get', 'nmbrs.domain-short-form'],
  'environment.mismatch': ['nmbrs.check-environment'],
  'permission.denied': ['nmbrs.api-user-template', 'nmbrs.access-filters'],
  'feature.disabled': ['nmbrs.api-user-template'],
  'account.disabled': ['nmbrs.subscription'],
  'server.error': ['nmbrs.support'],
  'endpoint.not_found': ['nmbrs.check-environment'],
})

export function nmbrsSteps(verdict: Verdict): ReadonlyArray<string> {
  // A missing DOMAIN is a success with a suggestion: offer the fix.
  if (verdict.cause === 'ok' && verdict.details?.suggestedDomain) return ['nmbrs.domain-from-environment-get']
  // The other environment accepted the token: the environment step (with its one-click switch) comes first.
  if (verdict.details?.suggestedEnvironment) return ['nmbrs.check-environment', ...byCause(verdict).filter((id) => id !== 'nmbrs.check-environment')]
  return byCause(verdict)
}
