import { describe, expect, it } from 'vitest'
import { describeMinutes, intervalInput, parseInterval, withUnit } from '../../../src/renderer/src/features/fleet/utils/interval'

describe('the re-check interval field', () => {
  it('accepts whole numbers within 15 minutes to 7 days, in the unit chosen', () => {
    expect(parseInterval({ text: ' 15 ', unit: 'minutes' })).toEqual({ ok: true, minutes: 15 })
    expect(parseInterval({ text: '168', unit: 'hours' })).toEqual({ ok: true, minutes: 10_080 })
    expect(parseInterval({ text: '14', unit: 'minutes' })).toMatchObject({ ok: false, error: expect.stringContaining('from 15 to 10,080') })
    expect(parseInterval({ text: '169', unit: 'hours' })).toMatchObject({ ok: false, error: expect.stringContaining('from 1 to 168') })
    for (const text of ['1.5', '', '6h', '-6', '1e2']) expect(parseInterval({ text, unit: 'hours' }).ok).toBe(false)
  })

  it('shows a stored interval in hours when it is whole hours, and converts what is typed when the unit changes', () => {
    expect(intervalInput(360)).toEqual({ text: '6', unit: 'hours' })
    expect(intervalInput(90)).toEqual({ text: '90', unit: 'minutes' })
    expect(withUnit({ text: '90', unit: 'minutes' }, 'hours')).toEqual({ text: '1.5', unit: 'hours' })
    expect(withUnit({ text: 'soon', unit: 'minutes' }, 'hours')).toEqual({ text: 'soon', unit: 'hours' })
  })

  it('says an interval in the largest unit that divides it', () => {
    expect([15, 90, 360, 10_080].map(describeMinutes)).toEqual(['15 minutes', '90 minutes', '6 hours', '7 days'])
  })
})
