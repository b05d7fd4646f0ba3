import { useId } from 'react'
import type { FleetSettings } from '@shared/fleet'
import { Icon } from '@renderer/components/icon'
import { SectionCard } from '@renderer/components/section-card'
import { useSettingsForm } from '../hooks/use-settings-form'
import { IntervalField } from './interval-field'

function Toggle(props: { readonly label: string; readonly hint: string; readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  const id = useId()
  return (
    <div className="fleet-toggle">
      <label className="checkbox">
        <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} aria-describedby={`${id}-hint`} />
        <span className="field-label">{props.label}</span>
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {props.hint}
      </p>
    </div>
  )
}

/** The scheduler's settings: on/off, the re-check interval, desktop notifications. */
export function SettingsForm({ settings }: { readonly settings: FleetSettings }) {
  const { form, formRef, intervalError, serverError, saving, changed, touched, change, discard, submit } = useSettingsForm(settings)
  return (
    <SectionCard title="Settings" icon="wrench" testId="fleet-settings">
      <form ref={formRef} className="fleet-form" onSubmit={submit} noValidate aria-label="Background-check settings">
        {serverError && (
          <div className="form-alert" role="alert" data-testid="form-error">
            <Icon name="error" size={18} />
            <p>The settings were not saved: {serverError}</p>
          </div>
        )}
        <Toggle label="Run background checks" hint="Re-check every account of the workspace on a schedule, within each provider’s limits." checked={form.enabled} onChange={(enabled) => change({ enabled })} />
        <IntervalField value={form.interval} error={intervalError} onChange={(interval) => change({ interval })} />
        <Toggle label="Desktop notifications" hint="When a background check finds an account failing, or working again." checked={form.notifications} onChange={(notifications) => change({ notifications })} />
        <div className="form-footer">
          {touched && (
            <button type="button" className="btn" onClick={discard}>
              Discard changes
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={saving || !changed}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
    </SectionCard>
  )
}
