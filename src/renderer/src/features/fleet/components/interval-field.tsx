import { FLEET_INTERVAL_LIMITS } from '@shared/fleet'
import { FormField } from '@renderer/components/form-field'
import { describeMinutes, INTERVAL_UNITS, withUnit, type IntervalInput, type IntervalUnit } from '../utils/interval'

const HINT = `How long after a check that worked an account is checked again; failing accounts are retried sooner, never later. From ${describeMinutes(FLEET_INTERVAL_LIMITS.min)} to ${describeMinutes(FLEET_INTERVAL_LIMITS.max)}.`

/** The re-check interval: a whole number, typed as text (kept as typed on error), and its unit. */
export function IntervalField(props: { readonly value: IntervalInput; readonly error: string | null; readonly onChange: (value: IntervalInput) => void }) {
  const { value, onChange } = props
  return (
    <FormField name="intervalMinutes" label="Re-check interval" hint={HINT} error={props.error}>
      {(control) => (
        <div className="interval-row">
          <input {...control} className="input interval-number" inputMode="numeric" autoComplete="off" value={value.text} onChange={(event) => onChange({ ...value, text: event.target.value })} />
          <select className="select interval-unit" aria-label="Interval unit" value={value.unit} onChange={(event) => onChange(withUnit(value, event.target.value as IntervalUnit))}>
            {INTERVAL_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </div>
      )}
    </FormField>
  )
}
