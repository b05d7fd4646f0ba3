import { useRef, useState, type FormEvent } from 'react'
import type { FleetSettings } from '@shared/fleet'
import { ApiError } from '@renderer/lib/call'
import { useToasts } from '@renderer/stores/toast-store'
import { useConfigureFleet } from '../api/configure-fleet'
import { formOf, patchOf, type SettingsDraft } from '../utils/settings-form'

const isIntervalError = (error: Error | null): boolean => error instanceof ApiError && error.field === 'intervalMinutes'

/**
 * The settings form's state. Only touched fields are kept as a draft (the rest follow the
 * stored settings); Save sends the keys that differ, and nothing while the interval is
 * invalid. An error keeps everything typed; the interval's own (or the server's about it) is
 * shown at the field, which takes focus, and any other server error above the form.
 */
export function useSettingsForm(settings: FleetSettings) {
  const [draft, setDraft] = useState<SettingsDraft>({})
  const [tried, setTried] = useState(false)
  const configure = useConfigureFleet()
  const toast = useToasts((s) => s.show)
  const formRef = useRef<HTMLFormElement>(null)
  const form = formOf(settings, draft)
  const check = patchOf(settings, form)
  const serverError = isIntervalError(configure.error) ? null : (configure.error?.message ?? null)
  const intervalError = (!check.ok && tried ? check.intervalError : null) ?? (isIntervalError(configure.error) ? configure.error!.message : null)
  const focusInterval = (): void => formRef.current?.querySelector<HTMLElement>('[data-field="intervalMinutes"] input')?.focus()

  const change = (patch: SettingsDraft): void => {
    configure.reset()
    setDraft((d) => ({ ...d, ...patch }))
  }
  const reset = (): void => {
    configure.reset()
    setTried(false)
    setDraft({})
  }
  /** "Discard changes" goes away once used: the focus moves to the form's first control. */
  const discard = (): void => {
    reset()
    formRef.current?.querySelector('input')?.focus()
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setTried(true)
    if (!check.ok) return focusInterval()
    configure.mutate(check.patch, {
      onSuccess: () => {
        reset()
        toast('Background-check settings saved.')
      },
      onError: (error) => {
        if (isIntervalError(error)) focusInterval()
      },
    })
  }

  return {
    form,
    formRef,
    intervalError,
    serverError,
    saving: configure.isPending,
    /** Something to save (or an invalid interval to report). */
    changed: !check.ok || Object.keys(check.patch).length > 0,
    touched: Object.keys(draft).length > 0,
    change,
    discard,
    submit,
  }
}
