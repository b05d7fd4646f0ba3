/** The re-check interval as the form shows it: a whole number of minutes or hours. Pure. */
import { FLEET_INTERVAL_LIMITS } from '@shared/fleet'

export type IntervalUnit = 'minutes' | 'hours'

export const INTERVAL_UNITS: ReadonlyArray<IntervalUnit> = ['minutes', 'hours']

const MINUTES_PER: Readonly<Record<IntervalUnit, number>> = { minutes: 1, hours: 60 }

/** What is typed in the interval field, kept as text so nothing typed is lost. */
export interface IntervalInput {
  readonly text: string
  readonly unit: IntervalUnit
}

export type ParsedInterval = { readonly ok: true; readonly minutes: number } | { readonly ok: false; readonly error: string }

const plural = (n: number, word: string): string => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`

/** `15 minutes`, `6 hours`, `7 days`: the largest unit that divides it. */
export function describeMinutes(minutes: number): string {
  if (minutes % (24 * 60) === 0) return plural(minutes / (24 * 60), 'day')
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour')
  return plural(minutes, 'minute')
}

/** A stored interval for the form: in hours when it is a whole number of hours. */
export function intervalInput(minutes: number): IntervalInput {
  return minutes % 60 === 0 ? { text: String(minutes / 60), unit: 'hours' } : { text: String(minutes), unit: 'minutes' }
}

/** The whole numbers allowed in a unit (minutes 15–10,080, hours 1–168). */
export function intervalRange(unit: IntervalUnit): { readonly min: number; readonly max: number } {
  const per = MINUTES_PER[unit]
  return { min: Math.ceil(FLEET_INTERVAL_LIMITS.min / per), max: Math.floor(FLEET_INTERVAL_LIMITS.max / per) }
}

/** Names the field and the range, in the unit chosen. */
export function intervalError(unit: IntervalUnit): string {
  const { min, max } = intervalRange(unit)
  const span = `${describeMinutes(FLEET_INTERVAL_LIMITS.min)} to ${describeMinutes(FLEET_INTERVAL_LIMITS.max)}`
  return `Re-check interval: enter a whole number of ${unit} from ${min.toLocaleString('en')} to ${max.toLocaleString('en')} (${span}).`
}

export function parseInterval(input: IntervalInput): ParsedInterval {
  const text = input.text.trim()
  const { min, max } = intervalRange(input.unit)
  const value = /^\d{1,7}$/.test(text) ? Number(text) : Number.NaN
  if (!(value >= min && value <= max)) return { ok: false, error: intervalError(input.unit) }
  return { ok: true, minutes: value * MINUTES_PER[input.unit] }
}

/** Another unit: the same interval said in it (90 minutes become 1.5 hours, which Save then refuses as not whole). */
export function withUnit(input: IntervalInput, unit: IntervalUnit): IntervalInput {
  const value = /^\s*\d+(\.\d+)?\s*$/.test(input.text) ? Number(input.text) : Number.NaN
  if (Number.isNaN(value)) return { text: input.text, unit }
  const converted = (value * MINUTES_PER[input.unit]) / MINUTES_PER[unit]
  return { text: String(Math.round(converted * 100) / 100), unit }
}
