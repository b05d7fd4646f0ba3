import { describe, expect, it } from 'vitest'
import type { WizardEntry, WizardTrail } from '../../../src/shared/wizard'
import {
  activeTrail,
  cannotIssueText,
  needsTroubleshooting,
  retestNote,
  stepKind,
  tokenFixNote,
  tokenFixScopes,
  wizardPosition,
  type TokenFixFacts,
} from '../../../src/renderer/src/features/health/utils/wizard-progress'
import { diagnosis } from './health-fixtures'

const entry = (stepId: string, outcome: WizardEntry['outcome'], at = '2026-01-02T10:00:00Z'): WizardEntry => ({ stepId, outcome, at, note: null })
const STEPS = ['one', 'two', 'three']

describe('the wizard position', () => {
  it('starts at the first step and moves past no, skipped and done', () => {
    expect(wizardPosition(STEPS, []).current).toBe(0)
    expect(wizardPosition(STEPS, [entry('one', 'no'), entry('two', 'skipped')])).toEqual({ statuses: ['done', 'done', 'todo'], current: 2 })
    expect(wizardPosition(STEPS, [entry('one', 'done'), entry('two', 'no'), entry('three', 'no')]).current).toBe(3)
  })

  it('a "yes" or an applied fix waits for a re-test, recorded under the step or as a general re-test', () => {
    expect(wizardPosition(STEPS, [entry('one', 'yes')])).toEqual({ statuses: ['awaiting-retest', 'todo', 'todo'], current: 0 })
    expect(wizardPosition(STEPS, [entry('one', 'fix-applied'), entry('retest', 'retested')]).current).toBe(1)
    expect(wizardPosition(STEPS, [entry('one', 'yes'), entry('one', 'retested')]).current).toBe(1)
  })

  it('offers the wizard for failing, degraded and unknown accounts only', () => {
    expect(['healthy', 'degraded', 'failing', 'unknown', 'unchecked'].filter((s) => needsTroubleshooting(s as never))).toEqual(['degraded', 'failing', 'unknown'])
  })
})

describe('automatic steps', () => {
  const nmbrs = diagnosis('domain.invalid', 'failing', '2026-01-02T10:00:00Z', { details: { suggestedDomain: 'acme' } })
  it('proposes the domain Nmbrs reports unless the account already has it', () => {
    expect(stepKind('nmbrs.domain-from-environment-get', nmbrs, 'acme-bv')).toBe('domain-fix')
    expect(stepKind('nmbrs.domain-from-environment-get', nmbrs, 'acme')).toBe('question')
    expect(stepKind('nmbrs.domain-short-form', nmbrs, 'acme-bv')).toBe('question')
  })

  it('proposes the base URL SMSGate answered at, also for a token account (before its claims)', () => {
    const claims = { scopes: [], missingScopes: [], expiresAt: null, issuer: null }
    const found = diagnosis('endpoint.not_found', 'failing', '2026-01-02T10:00:00Z', { details: { suggestedBaseUrl: 'https://sms.example.com/api/3rdparty/v1', token: claims } })
    expect(stepKind('smsgate.api-prefix', found, undefined)).toBe('base-url-fix')
    const notFound = diagnosis('endpoint.not_found', 'failing', '2026-01-02T10:00:00Z', { details: { token: claims } })
    expect(stepKind('smsgate.api-prefix', notFound, undefined)).toBe('token-claims')
  })

  it('shows token claims on SMSGate steps and products on the Authmatech product step', () => {
    const token = diagnosis('scope.missing', 'failing', '2026-01-02T10:00:00Z', { details: { token: { scopes: [], missingScopes: ['devices:list'], expiresAt: null, issuer: null } } })
    expect(stepKind('smsgate.add-scope', token, undefined)).toBe('token-claims')
    const products = diagnosis('permission.denied', 'failing', '2026-01-02T10:00:00Z', { details: { enabledProducts: ['TRUST'], disabledProducts: ['VERIFY'] } })
    expect(stepKind('authmatech.enable-product', products, undefined)).toBe('products')
  })

  it('notes re-tests in words', () => {
    expect(retestNote(nmbrs)).toBe('re-test: failing (domain.invalid)')
    expect(retestNote(diagnosis('ok', 'healthy', '2026-01-02T10:00:00Z'))).toBe('re-test: healthy')
  })
})

describe('one-click token fixes (SMSGate)', () => {
  const at = '2026-01-02T10:00:00Z'
  const claims = { scopes: ['messages:send'], missingScopes: ['devices:list'], expiresAt: null, issuer: null }
  const smsgate = (cause: Parameters<typeof diagnosis>[0]) => diagnosis(cause, 'failing', at, { provider: 'smsgate', details: { token: claims } })
  const basic: TokenFixFacts = { canIssue: true, refreshable: false, jti: null }
  const tokenOnly: TokenFixFacts = { canIssue: false, refreshable: false, jti: null }
  const managed: TokenFixFacts = { canIssue: false, refreshable: true, jti: 'jti-1' }

  it('offers "Issue a new token" on the re-issue and add-scope steps of every token cause, when the account has Basic credentials', () => {
    for (const cause of ['token.expired', 'token.expiring', 'token.rejected', 'token.refresh_failed'] as const) expect(stepKind('smsgate.reissue', smsgate(cause), undefined, basic)).toBe('token-issue')
    expect(stepKind('smsgate.add-scope', smsgate('scope.missing'), undefined, basic)).toBe('token-issue')
  })

  it('explains instead when the account cannot issue (token only), and keeps the question', () => {
    expect(stepKind('smsgate.add-scope', smsgate('scope.missing'), undefined, tokenOnly)).toBe('token-issue-unavailable')
    expect(stepKind('smsgate.reissue', smsgate('token.expired'), undefined, tokenOnly)).toBe('token-issue-unavailable')
  })

  it('offers "Refresh the token now" only for an expired or expiring token with a managed pair AuthDesk can renew', () => {
    expect(stepKind('smsgate.refresh', smsgate('token.expired'), undefined, managed)).toBe('token-refresh')
    expect(stepKind('smsgate.refresh', smsgate('token.expiring'), undefined, managed)).toBe('token-refresh')
    // No managed pair, a pair AuthDesk cannot renew, or another cause: the claims and the question.
    expect(stepKind('smsgate.refresh', smsgate('token.expired'), undefined, basic)).toBe('token-claims')
    expect(stepKind('smsgate.refresh', smsgate('token.expired'), undefined, { ...managed, refreshable: false })).toBe('token-claims')
    expect(stepKind('smsgate.refresh', smsgate('token.refresh_failed'), undefined, managed)).toBe('token-claims')
    const noClaims = diagnosis('token.expired', 'failing', at, { provider: 'smsgate' })
    expect(stepKind('smsgate.refresh', noClaims, undefined, { ...managed, jti: null })).toBe('question')
  })

  it('offers no token fix while the token state is unknown, on other steps and causes, or for a provider without tokens (no token state)', () => {
    expect(stepKind('smsgate.reissue', smsgate('token.expired'), undefined, null)).toBe('token-claims')
    expect(stepKind('smsgate.reissue', smsgate('token.expired'), undefined)).toBe('token-claims')
    expect(stepKind('smsgate.token-revoked', smsgate('token.rejected'), undefined, basic)).toBe('token-claims')
    expect(stepKind('smsgate.reissue', smsgate('credentials.invalid'), undefined, basic)).toBe('token-claims')
    expect(stepKind('smsgate.add-scope', diagnosis('scope.missing', 'failing', at), undefined, null)).toBe('question')
  })

  it('asks for the declared scopes plus those the token lacked (scope.missing only), else the provider defaults: nothing more', () => {
    expect(tokenFixScopes(['devices:list', 'messages:send'], smsgate('scope.missing'), ['messages:send'])).toEqual(['devices:list', 'messages:send'])
    expect(tokenFixScopes(['messages:send'], smsgate('scope.missing'), [])).toEqual(['messages:send', 'devices:list'])
    expect(tokenFixScopes(['messages:send'], smsgate('token.expired'), ['devices:list'])).toEqual(['messages:send'])
    expect(tokenFixScopes([], smsgate('token.rejected'), ['messages:send', 'devices:list'])).toEqual(['messages:send', 'devices:list'])
    expect(tokenFixScopes([], smsgate('scope.missing'), ['messages:send'])).toEqual(['devices:list'])
  })

  it('notes the new token’s id and scopes on the trail (never the token)', () => {
    const state = { jti: 'AbC123', scopes: ['devices:list', 'messages:send'], lastRefresh: null }
    expect(tokenFixNote('issue', state)).toBe('Issued token AbC123 with scopes devices:list, messages:send')
    expect(tokenFixNote('refresh', { ...state, lastRefresh: { at, outcome: 'refreshed' } })).toBe('Refreshed the token: now AbC123 with scopes devices:list, messages:send')
    expect(tokenFixNote('refresh', { ...state, lastRefresh: { at, outcome: 'reissued' } })).toMatch(/^Re-issued the token \(its refresh token no longer worked\): now AbC123/)
  })

  it('says why a token cannot be issued here and what to do', () => {
    const set = { set: true } as never
    const field = (name: string, label: string, secret: boolean) => ({ name, label, secret, required: false, hint: '', maxLength: 100, shape: null })
    const smsgate = {
      label: 'SMSGate',
      fields: [field('USERNAME', 'Username', false), field('PASSWORD', 'Password', true)],
      capabilities: { tokens: true, keyRotation: false, revokesTokens: true, tokenLifetime: true, tokenIssuerFields: ['USERNAME', 'PASSWORD'] },
    }
    expect(cannotIssueText({ fields: {}, secrets: {} }, smsgate)).toMatch(
      /SMSGate issues tokens with the username and password, and it has no USERNAME and PASSWORD, only a pasted token\. Enter USERNAME and PASSWORD in the account, or paste a new token/,
    )
    expect(cannotIssueText({ fields: { USERNAME: 'TOKSCP' }, secrets: {} }, smsgate)).toMatch(/, and its PASSWORD is not stored\./)
    expect(cannotIssueText({ fields: {}, secrets: { PASSWORD: set } }, smsgate)).toMatch(/, and it has no USERNAME\./)
  })
})

describe('which trail the wizard continues', () => {
  const trail = (status: WizardTrail['status'], updatedAt: string): WizardTrail => ({ accountId: 'a', startedAt: updatedAt, updatedAt, status, entries: [] })
  it('continues an open trail, and shows a finished one until the account fails again', () => {
    const later = diagnosis('domain.invalid', 'failing', '2026-01-03T00:00:00Z')
    const earlier = diagnosis('domain.invalid', 'failing', '2026-01-01T00:00:00Z')
    expect(activeTrail(trail('open', '2026-01-02T00:00:00Z'), later)?.status).toBe('open')
    expect(activeTrail(trail('fixed', '2026-01-02T00:00:00Z'), earlier)?.status).toBe('fixed')
    expect(activeTrail(trail('fixed', '2026-01-02T00:00:00Z'), later)).toBeNull()
    expect(activeTrail(null, later)).toBeNull()
  })
})
