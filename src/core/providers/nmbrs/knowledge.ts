/** Nmbrs troubleshooting steps (dossier §3–§5, §8; support article N-1001). */
import { knowledgeBase, step, stepsByCause } from '../../diagnosis/knowledge-common'
import type { Verdict } from '../../diagnosis/types'

export const NMBRS_KNOWLEDGE = knowledgeBase([
  step('nmbrs.check-username', '1. Check the e-mail', 'USERNAME is the e-mail address you log in to Nmbrs with. Log in once to confirm the user still exists.'),
  step(
    'nmbrs.check-token',
    '2. Check the API token',
    'In Nmbrs, open your profile → API Token and copy the token again: resetting it there invalidates the old one.',
  ),
  step(
    'nmbrs.token-owner',
    '3. Check whose token it is',
    'The token must belong to that same user. A debtor-level API user cannot see its own token: the environment owner must send it.',
  ),
  step(
    'nmbrs.domain-from-environment-get',
    'Use the domain Nmbrs reports',
    'Set DOMAIN to the sub-domain DebtorService.Environment_Get returns (e.g. acme for acme.nmbrs.nl): AuthDesk shows it as the suggested domain.',
  ),
  step('nmbrs.domain-short-form', 'Try the short form', 'If a full host (acme.nmbrs.nl) or a URL is refused, use only the first label (acme).'),
  step(
    'nmbrs.check-environment',
    'Production or sandbox?',
    'Nmbrs creates API tokens in Production (api.nmbrs.nl); they reach Sandbox (api-sandbox.nmbrs.nl) the day after. A token new today works in Sandbox tomorrow; a token reset today still works in Sandbox until then, but no longer in Production: copy the new one.',
  ),
  step('nmbrs.api-user-template', 'Review the API user template', 'The environment administrator must give the API user template rights to the debtor, company and employee services.'),
  step('nmbrs.access-filters', 'Review access by tags and filters', 'Tags or filters hide this data from the user: the administrator reviews them.'),
  step('nmbrs.subscription', 'Check the subscription', 'The environment has no valid subscription: the account administrator must renew it.'),
  step('nmbrs.support', 'Contact Nmbrs support', 'If it still fails, check the Nmbrs status page, then open a ticket with the time of the check and the method (Environment_Get).'),
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
