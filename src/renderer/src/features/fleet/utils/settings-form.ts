/** The settings form: what the user changed over the stored settings, and the patch to send. Pure. */
import type { FleetSettings, FleetSettingsPatch } from '@shared/fleet'
import { intervalInput, parseInterval, type IntervalInput } from './interval'

export interface SettingsForm {
  readonly enabled: boolean
  readonly interval: IntervalInput
  readonly notifications: boolean
}

/** Only the fields the user touched; the others follow the stored settings as they change. */
export type SettingsDraft = Partial<SettingsForm>

export function formOf(settings: FleetSettings, draft: SettingsDraft): SettingsForm {
  return {
    enabled: draft.enabled ?? settings.enabled,
    interval: draft.interval ?? intervalInput(settings.intervalMinutes),
    notifications: draft.notifications ?? settings.notifications,
  }
}

export type FormCheck = { readonly ok: true; readonly patch: FleetSettingsPatch } | { readonly ok: false; readonly intervalError: string }

/** The keys that differ from the stored settings, or the interval's error (then nothing is sent). */
export function patchOf(settings: FleetSettings, form: SettingsForm): FormCheck {
  const interval = parseInterval(form.interval)
  if (!interval.ok) return { ok: false, intervalError: interval.error }
  return {
    ok: true,
    patch: {
      ...(form.enabled !== settings.enabled ? { enabled: form.enabled } : {}),
      ...(interval.minutes !== settings.intervalMinutes ? { intervalMinutes: interval.minutes } : {}),
      ...(form.notifications !== settings.notifications ? { notifications: form.notifications } : {}),
    },
  }
}
