import { describe, expect, it } from 'vitest'
import { noticeFor, Notifier, transitionOf, type Transition } from '../../../../src/core/health/notification-policy'
import type { FleetNotice } from '../../../../src/shared/fleet'
import type { DiagnosedState } from '../../../../src/shared/diagnosis'
import { diagnosis } from './fixtures'
import { ManualClock } from './manual-clock'

/** Newest first, as the history keeps them. */
const history = (...states: DiagnosedState[]) => states.map((s) => diagnosis(s))

describe('which checks change the notified state', () => {
  it.each<[string, DiagnosedState[], ReturnType<typeof transitionOf>]>([
    ['the first settled answer', ['failing'], null],
    ['the first settled answer after unknowns', ['healthy', 'unknown', 'unknown'], null],
    ['healthy → failing', ['failing', 'healthy'], 'failing'],
    ['failing → healthy', ['healthy', 'failing'], 'works'],
    ['failing again', ['failing', 'failing', 'healthy'], null],
    ['an unknown blip while failing', ['unknown', 'failing', 'healthy'], null],
    ['failing, an outage, failing again', ['failing', 'unknown', 'unknown', 'failing', 'healthy'], null],
    ['healthy, an outage, then failing', ['failing', 'unknown', 'healthy'], 'failing'],
    ['degraded counts as working', ['degraded', 'healthy'], null],
    ['failing → degraded', ['degraded', 'failing'], 'works'],
  ])('%s', (_name, states, expected) => {
    expect(transitionOf(history(...states))).toBe(expected)
  })
})

const change = (id: string, to: Transition['to']): Transition => ({ id, label: `Acct ${id}`, to, summary: `${id} summary` })

describe('notifications', () => {
  it('say which account changed, and how', () => {
    expect(noticeFor([change('a', 'failing')])).toMatchObject({ title: 'Acct a is failing', body: 'a summary', accountIds: ['a'], kind: 'failing' })
    expect(noticeFor([change('a', 'works')])).toMatchObject({ title: 'Acct a works again', kind: 'recovered' })
    const many = noticeFor(['a', 'b', 'c', 'd', 'e'].map((id) => change(id, 'failing')))
    expect(many).toMatchObject({ title: '5 accounts are failing', body: 'Acct a, Acct b, Acct c and 2 more', kind: 'failing' })
    expect(noticeFor([change('a', 'failing'), change('b', 'works')])).toMatchObject({ title: '1 failing, 1 working again', kind: 'mixed' })
  })

  it('gather changes found close together into one notification', async () => {
    const clock = new ManualClock()
    const sent: FleetNotice[] = []
    const notifier = new Notifier({ clock, emit: (n) => sent.push(n), batchMs: 5_000 })
    notifier.add(change('a', 'failing'))
    await clock.advance(2_000)
    notifier.add(change('b', 'failing'))
    expect(sent).toEqual([])
    await clock.advance(3_000)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.accountIds).toEqual(['a', 'b'])
    await clock.advance(60_000)
    expect(sent).toHaveLength(1)
  })

  it('say nothing about an account that failed and recovered within one batch', async () => {
    const clock = new ManualClock()
    const sent: FleetNotice[] = []
    const notifier = new Notifier({ clock, emit: (n) => sent.push(n), batchMs: 5_000 })
    notifier.add(change('a', 'failing'))
    notifier.add(change('a', 'works'))
    await clock.advance(5_000)
    expect(sent).toEqual([])
  })
})
