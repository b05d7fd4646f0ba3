/** Groupcall troubleshooting steps (dossier §7, §10): credentials, payload, permission, partner. */
import { knowledgeBase, step, stepsByCause } from '../../diagnosis/knowledge-common'

export const GROUPCALL_KNOWLEDGE = knowledgeBase([
  step('groupcall.recopy-credentials', 'Re-copy CustomerId and API key', 'Copy the numeric CustomerId and the customer’s API key (sent as Password) again, without spaces.'),
  step(
    'groupcall.check-environment',
    'Production or test?',
    'Production (m5api.groupcall.com) and the test host (apitesting.groupcall.com) have separate accounts: use the key of the environment you call.',
  ),
  step(
    'groupcall.credentials-in-body',
    'Credentials go in the payload',
    'Groupcall reads CustomerId and Password inside each messageData item, not from HTTP headers. Check your own integration does the same.',
  ),
  step(
    'groupcall.check-payload',
    'Check the payload shape',
    'Use the documented PascalCase names (messageData, CustomerId, Password, Recipients with MobileNumber objects, SMSMessage) and Content-Type application/json.',
  ),
  step('groupcall.enable-sms', 'Ask for SMS permission', 'The customer account may not send SMS. Ask the school’s Groupcall administrator or Groupcall to enable it.'),
  step(
    'groupcall.partner-authorisation',
    'Confirm the partner authorisation',
    'The customer must authorise your partner account. Check that the authorisation callback arrived, and use the ApiKey from that callback as Password.',
  ),
  step('groupcall.partner-key', 'Check the partner key', 'PARTNER_KEY must be the key issued when the partner registered.'),
  step('groupcall.contact-support', 'Contact Groupcall support', 'If the values are right, ask Groupcall support whether the key was revoked; give the time of the check.'),
])

export const groupcallSteps = stepsByCause({
  'credentials.invalid': ['groupcall.recopy-credentials', 'groupcall.check-environment', 'groupcall.credentials-in-body', 'groupcall.contact-support'],
  'credentials.missing': ['groupcall.recopy-credentials', 'groupcall.check-payload'],
  'credentials.malformed': ['groupcall.recopy-credentials'],
  'permission.denied': ['groupcall.enable-sms'],
  'partner.not_authorized': ['groupcall.partner-authorisation', 'groupcall.partner-key'],
  'request.rejected': ['groupcall.check-payload'],
  'endpoint.not_found': ['groupcall.check-environment'],
})
