import { describe, expect, it, vi } from 'vitest'
import { notifyFrom } from '../../../src/main/notifications'

describe('desktop notifications', () => {
  it('shows fleet and token notices, with a click that focuses the window', () => {
    const show = vi.fn()
    const focus = vi.fn()
    const notify = notifyFrom({ isSupported: () => true, show }, focus)
    notify('fleet:notify', { id: '1', title: '2 accounts are failing', body: 'A, B', accountIds: ['a', 'b'], kind: 'failing' })
    notify('tokens:notify', { id: '2', kind: 'token.refresh_failed', accountId: 'a', title: 'Token refresh failed', body: 'SMSGate · valid', at: '2026-11-22T08:00:00Z' })
    notify('accounts:changed', { ids: ['a'] })
    expect(show.mock.calls.map(([title]) => title)).toEqual(['2 accounts are failing', 'Token refresh failed'])
    ;(show.mock.calls[0]![2] as () => void)()
    expect(focus).toHaveBeenCalledOnce()
  })

  it('stays silent where the desktop has no notifications', () => {
    const show = vi.fn()
    notifyFrom({ isSupported: () => false, show }, () => {})('fleet:notify', { id: '1', title: 't', body: 'b', accountIds: [], kind: 'failing' })
    expect(show).not.toHaveBeenCalled()
  })
})
