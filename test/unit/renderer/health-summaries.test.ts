import { describe, expect, it } from 'vitest'
import { mergeHealth, summariesById, summaryOf } from '../../../src/renderer/src/features/health/utils/health-summaries'
import { diagnosis, health } from './health-fixtures'

const failing = diagnosis('domain.invalid', 'failing', '2026-01-02T10:00:00Z')

describe('health summaries for the dashboard', () => {
  it('an account never checked is unchecked', () => {
    expect(summaryOf(health('a', null))).toEqual({ state: 'unchecked', cause: null, summary: 'Not checked yet', detail: 'Not checked yet', checkedAt: null, lastHealthyAt: null })
  })

  it('shows the cause title in the list and keeps the diagnosis sentence as the detail', () => {
    expect(summaryOf(health('a', failing))).toMatchObject({ state: 'failing', cause: 'domain.invalid', summary: 'Wrong domain', detail: failing.summary, checkedAt: failing.checkedAt })
  })

  it('a blocked account shows as unchecked with the reason, whatever its last diagnosis', () => {
    const blocked = health('a', failing, { schedule: { nextCheckAt: null, retryStep: 0, blocked: { code: 'keychain.locked', message: 'Unlock the keychain.', since: '2026-01-02T10:00:00Z' } } })
    expect(summaryOf(blocked)).toMatchObject({ state: 'unchecked', cause: null, summary: 'Waiting: keychain locked', detail: 'Unlock the keychain.' })
  })

  it('marks accounts with a check running', () => {
    const map = summariesById([health('a', failing), health('b', null)], new Set(['b']))
    expect(map.get('a')?.checking).toBeUndefined()
    expect(map.get('b')?.checking).toBe(true)
  })

  it('merges health:changed updates in place, newest per id, keeping untouched entries', () => {
    const a = health('a', null)
    const b = health('b', null)
    const b1 = health('b', failing)
    const b2 = health('b', diagnosis('ok', 'healthy', '2026-01-02T11:00:00Z'))
    const c = health('c', failing)
    const merged = mergeHealth([a, b], [b1, c, b2])
    expect(merged.map((h) => h.id)).toEqual(['a', 'b', 'c'])
    expect(merged[0]).toBe(a)
    expect(merged[1]).toBe(b2)
    expect(mergeHealth([a], [])).toEqual([a])
  })
})
