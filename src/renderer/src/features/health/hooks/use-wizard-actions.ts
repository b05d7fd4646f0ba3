import { useState } from 'react'
import type { WizardOutcome } from '../../../../../shared/wizard'
import { useApplyFieldFix } from '../api/apply-field-fix'
import { useCheckAccount } from '../api/check-account'
import { useRecordWizardStep } from '../api/record-wizard-step'
import { useResetWizard } from '../api/reset-wizard'
import { BUNDLE_STEP, retestNote } from '../utils/wizard-progress'

/** The wizard's actions; each answer is saved with `wizard:record` before the wizard moves on. */
export function useWizardActions(accountId: string) {
  const record = useRecordWizardStep()
  const reset = useResetWizard()
  const check = useCheckAccount()
  const fix = useApplyFieldFix()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(false)
    }
  }

  const retestNow = async (stepId: string): Promise<void> => {
    const diagnosis = await check(accountId)
    await record.mutateAsync({ accountId, stepId, outcome: diagnosis.state === 'healthy' ? 'fixed' : 'retested', note: retestNote(diagnosis) })
  }

  return {
    busy,
    error,
    answer: (stepId: string, outcome: WizardOutcome, note: string) => void run(() => record.mutateAsync({ accountId, stepId, outcome, note }).then(() => undefined)),
    retest: (stepId: string) => void run(() => retestNow(stepId)),
    applyDomain: (stepId: string, domain: string) =>
      void run(async () => {
        await fix.mutateAsync({ id: accountId, field: 'DOMAIN', value: domain })
        await record.mutateAsync({ accountId, stepId, outcome: 'fix-applied', note: `DOMAIN set to ${domain}` })
        await retestNow(stepId)
      }),
    bundle: (then: () => void) =>
      void run(async () => {
        await record.mutateAsync({ accountId, stepId: BUNDLE_STEP, outcome: 'bundle', note: 'Support bundle opened from the wizard' })
        then()
      }),
    restart: () => void run(() => reset.mutateAsync(accountId).then(() => undefined)),
  }
}
