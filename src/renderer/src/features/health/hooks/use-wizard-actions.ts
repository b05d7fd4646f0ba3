import { useState } from 'react'
import type { TokenState } from '@shared/tokens'
import type { WizardOutcome } from '@shared/wizard'
import { useIssueToken, useRefreshToken } from '@renderer/api/token-state'
import { ApiError } from '@renderer/lib/call'
import type { SuggestedEnvironment } from '@shared/diagnosis'
import { useApplyBaseUrl, useApplyFieldFix, useSwitchEnvironment } from '../api/apply-field-fix'
import { useCheckAccount } from '../api/check-account'
import { useRecordWizardStep } from '../api/record-wizard-step'
import { useResetWizard } from '../api/reset-wizard'
import { BUNDLE_STEP, retestNote, tokenFixNote } from '../utils/wizard-progress'

/** A token fix that failed: shown in its step; nothing was recorded as applied. */
export interface StepFixError {
  readonly stepId: string
  readonly action: 'issue' | 'refresh'
  readonly code: string
  readonly message: string
}

/** What the new token came with (e.g. a TTL the server capped), shown until the next fix or a restart. */
export interface TokenFixNotice {
  readonly action: 'issue' | 'refresh'
  readonly jti: string | null
  readonly warnings: ReadonlyArray<string>
}

/** The wizard's actions; each answer is saved with `wizard:record` before the wizard moves on. */
export function useWizardActions(accountId: string) {
  const record = useRecordWizardStep()
  const reset = useResetWizard()
  const check = useCheckAccount()
  const fix = useApplyFieldFix()
  const switchEnvironment = useSwitchEnvironment()
  const moveBaseUrl = useApplyBaseUrl()
  const issue = useIssueToken()
  const refresh = useRefreshToken()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fixError, setFixError] = useState<StepFixError | null>(null)
  const [tokenNotice, setTokenNotice] = useState<TokenFixNotice | null>(null)

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true)
    setError(null)
    setFixError(null)
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

  /** Issues or refreshes, then (only if that worked) records the fix and re-tests, like the domain fix. */
  const fixToken = (stepId: string, action: 'issue' | 'refresh', call: () => Promise<TokenState>) =>
    void run(async () => {
      setTokenNotice(null)
      let state: TokenState
      try {
        state = await call()
      } catch (failure) {
        const code = failure instanceof ApiError ? failure.code : 'error'
        setFixError({ stepId, action, code, message: failure instanceof Error ? failure.message : String(failure) })
        return
      }
      setTokenNotice({ action, jti: state.jti, warnings: state.warnings })
      await record.mutateAsync({ accountId, stepId, outcome: 'fix-applied', note: tokenFixNote(action, state) })
      await retestNow(stepId)
    })

  return {
    busy,
    error,
    fixError,
    tokenNotice,
    answer: (stepId: string, outcome: WizardOutcome, note: string) => void run(() => record.mutateAsync({ accountId, stepId, outcome, note }).then(() => undefined)),
    retest: (stepId: string) => void run(() => retestNow(stepId)),
    applyDomain: (stepId: string, domain: string) =>
      void run(async () => {
        await fix.mutateAsync({ id: accountId, field: 'DOMAIN', value: domain })
        await record.mutateAsync({ accountId, stepId, outcome: 'fix-applied', note: `DOMAIN set to ${domain}` })
        await retestNow(stepId)
      }),
    applyEnvironment: (stepId: string, suggestion: SuggestedEnvironment) =>
      void run(async () => {
        await switchEnvironment.mutateAsync({ id: accountId })
        await record.mutateAsync({ accountId, stepId, outcome: 'fix-applied', note: `Environment switched to ${suggestion.label}` })
        await retestNow(stepId)
      }),
    applyBaseUrl: (stepId: string, baseUrl: string) =>
      void run(async () => {
        await moveBaseUrl.mutateAsync({ id: accountId, baseUrl })
        await record.mutateAsync({ accountId, stepId, outcome: 'fix-applied', note: `Base URL set to ${baseUrl}` })
        await retestNow(stepId)
      }),
    issueToken: (stepId: string, scopes: ReadonlyArray<string>) => fixToken(stepId, 'issue', () => issue.mutateAsync({ accountId, scopes: [...scopes] })),
    refreshToken: (stepId: string) => fixToken(stepId, 'refresh', () => refresh.mutateAsync(accountId)),
    bundle: (then: () => void) =>
      void run(async () => {
        await record.mutateAsync({ accountId, stepId: BUNDLE_STEP, outcome: 'bundle', note: 'Support bundle opened from the wizard' })
        then()
      }),
    restart: () =>
      void run(async () => {
        setTokenNotice(null)
        await reset.mutateAsync(accountId)
      }),
  }
}
