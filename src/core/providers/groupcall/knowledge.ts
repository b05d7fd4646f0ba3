/** Groupcall troubleshooting steps (dossier §7, §10), worded for a support person: credentials, environment, permission, partner. */
import { knowledgeBase, step, stepsByCause } from '../../diagnosis/knowledge-common'

export const GROUPCALL_KNOWLEDGE = knowledgeBase([
  step(
    'groupcall.recopy-credentials',
    'Re-copy CustomerId and API key',
    'Ask the school’s Groupcall administrator for the numeric CustomerId and the customer’s API key, and compare them with the account’s. Copy the key again if in doubt.',
  ),
  step(
    'groupcall.check-environment',
    'Production or test?',
    'Groupcall’s live service and its test service have separate accounts and keys. Check that the key came from the same one the account is set to (Environment in the account).',
  ),
  step('groupcall.enable-sms', 'Ask for SMS permission', 'The customer account may not send SMS. Ask the school’s Groupcall administrator or Groupcall to enable it.'),
  step(
    'groupcall.partner-authorisation',
    'Confirm the partner authorisation',
    'The school must authorise your partner account in Groupcall. Ask the school whether it did, and check that your company received Groupcall’s authorisation message (the callback): the API key in that message is the one this account needs.',
  ),
  step('groupcall.partner-key', 'Check the partner key', 'Compare the account’s partner key with the one Groupcall issued when your company registered as a partner.'),
  step('groupcall.contact-support', 'Contact Groupcall support', 'If the values are right, ask Groupcall support whether the key was revoked; give the time of the check.'),
])

export const groupcallSteps = stepsByCause({
  'credentials.invalid': ['groupcall.recopy-credentials', 'groupcall.check-environment', 'groupcall.contact-support'],
  'credentials.missing': ['groupcall.recopy-credentials'],
  'credentials.malformed': ['groupcall.recopy-credentials'],
  'permission.denied': ['groupcall.enable-sms'],
  'partner.not_authorized': ['groupcall.partner-authorisation', 'groupcall.partner-key'],
  'endpoint.not_found': ['groupcall.check-environment'],
})
