import { describe, expect, it } from 'vitest'
import { deadlinesOf, DEFAULT_ROTATION_POLICY_DAYS } from '../../../../src/core/tokens/due-dates'
import { emptyTokenFile, type TokenFile } from '../../../../src/core/tokens/record-schema'
import { chooseScopes } from '../../../../src/core/tokens/scope-policy'
import { tokenState } from '../../../../src/core/tokens/token-state'
import type { AccountView } from '../../../../src/shared/model'

const NOW = Date.parse('2026-06-01T12:00:00Z')
const iso = (offsetMs: number): string => new Date(NOW + offsetMs).toISOString()

function account(patch: Partial<AccountView> = {}): AccountView {
  return {
    id: 'acc',
    label: 'SG',
    provider: 'smsgate',
    environment: 'production',
    baseUrl: null,
    baseUrlConfirmedAt: null,
    fields: { USERNAME: 'VALID1' },
    secrets: { PASSWORD: { set: true, fingerprint: 'f', maskedTail: '••x' } },
    scopes: ['devices:list'],
    notes: '',
    createdAt: iso(-100 * 86_400_000),
    updatedAt: iso(-1),
    lastRotatedAt: iso(-10 * 86_400_000),
    secretsStatus: 'keychain',
    problems: [],
    ...patch,
  }
}

function file(patch: Partial<TokenFile['records'][number]> = {}, extra: Partial<TokenFile> = {}): TokenFile {
  return {
    ...emptyTokenFile('acc'),
    current: { jti: 'j1', basis: 'issued', adoptedFingerprint: null },
    records: [
      {
        jti: 'j1',
        refreshJti: 'r1',
        parentJti: null,
        scopes: ['devices:list'],
        origin: 'issued',
        issuedAt: iso(-60_000),
        expiresAt: iso(840_000),
        refreshExpiresAt: iso(86_400_000),
        ttlRequestedSeconds: 3600,
        ttlGrantedSeconds: 900,
        revokedAt: null,
        supersededAt: null,
        ...patch,
      },
    ],
    ...extra,
  }
}

describe('due dates', () => {
  it('rotation: last rotated (or created) plus the policy', () => {
    const d = deadlinesOf(account({ provider: 'nmbrs' }), null, DEFAULT_ROTATION_POLICY_DAYS, NOW)
    expect(d).toMatchObject({ rotationDueAt: iso(80 * 86_400_000), next: { kind: 'rotation-due', at: iso(80 * 86_400_000) }, tokenExpiresAt: null })
    expect(deadlinesOf(account({ provider: 'groupcall', lastRotatedAt: null }), null, 30, NOW).rotationDueAt).toBe(iso(-70 * 86_400_000))
  })

  it('SMSGate with a managed token: the refresh time, or the expiry when it cannot be renewed', () => {
    expect(deadlinesOf(account(), file(), 90, NOW)).toMatchObject({ tokenRefreshable: true, next: { kind: 'token-refresh', at: iso(840_000 - 225_000) } })
    const stranded = deadlinesOf(account({ fields: {}, secrets: {} }), file({ refreshJti: null }), 90, NOW)
    expect(stranded).toMatchObject({ tokenRefreshable: false, next: { kind: 'token-expiry', at: iso(840_000) } })
    expect(deadlinesOf(account(), file({ revokedAt: iso(-1) }), 90, NOW).next.kind).toBe('rotation-due')
  })
})

describe('token state warnings', () => {
  it('capped TTL, all:any, not renewable, clock skew', () => {
    const state = tokenState(file({ scopes: ['all:any'], refreshJti: null }, { skewMs: 180_000 }), account({ fields: {}, secrets: {} }), NOW)
    expect(state.warnings).toEqual([
      'The server capped the TTL to 900 s (asked 3600 s).',
      expect.stringContaining('all:any grants every scope'),
      expect.stringContaining('AuthDesk cannot renew this token'),
      "This computer's clock differs from SMSGate's by 180 s; refresh times are corrected for it.",
    ])
    expect(state.expiresAt).toBe(iso(840_000 - 180_000))
    expect(JSON.stringify(state)).not.toMatch(/refreshJti|parentJti/)
  })
})

describe('least-privilege scopes', () => {
  it('the account’s declared scopes by default, the provider defaults without any', () => {
    expect(chooseScopes(account({ scopes: ['messages:send'] }), undefined).scopes).toEqual(['messages:send'])
    expect(chooseScopes(account({ scopes: [] }), undefined).scopes).toEqual(['messages:send', 'messages:read', 'devices:list'])
    expect(chooseScopes(account(), ['devices:list', 'logs:read']).warnings).toEqual(['Asks for more than the account declares it needs: logs:read.'])
  })
})
