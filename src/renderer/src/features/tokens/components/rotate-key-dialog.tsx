import { useId, useRef, useState } from 'react'
import type { KeyRotationResult } from '@shared/tokens'
import { ModalDialog } from '@renderer/components/modal-dialog'
import { useRotateKey } from '../api/rotate-key'

const OUTCOME_TITLES: Readonly<Record<KeyRotationResult['outcome'], string>> = {
  rotated: 'Key rotated',
  'pending-promoted': 'Earlier rotation completed',
  'kept-old': 'New key not verified: both keys kept',
  failed: 'Nothing changed',
}

/**
 * Authmatech key rotation. The client secret goes in an uncontrolled password input, is read
 * once when the user confirms, sent once, and the input is emptied; it is never kept.
 */
export function RotateKeyDialog({ accountId, label, onClose }: { readonly accountId: string; readonly label: string; readonly onClose: () => void }) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const rotate = useRotateKey()
  const [result, setResult] = useState<KeyRotationResult | null>(null)

  const submit = async (): Promise<void> => {
    const secretKey = input.current?.value ?? ''
    if (secretKey === '') return input.current?.focus()
    try {
      const answer = await rotate.run({ id: accountId, secretKey })
      if (input.current) input.current.value = ''
      setResult(answer)
    } catch {
      // The error is shown from rotate.error; the typed value stays for a second try.
    }
  }

  return (
    <ModalDialog
      title={`Rotate the API key of “${label}”`}
      onClose={onClose}
      testId="rotate-key-dialog"
      footer={
        result ? (
          <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void submit()} disabled={rotate.pending}>
              {rotate.pending ? 'Rotating…' : 'Rotate key'}
            </button>
          </>
        )
      }
    >
      {result ? (
        <div role="status" data-testid="rotate-result">
          <p>
            <strong>{OUTCOME_TITLES[result.outcome]}.</strong> {result.message}
          </p>
        </div>
      ) : (
        <>
          <p>Authmatech issues a new API key for the client secret. AuthDesk verifies the new key before it forgets the old one. The client secret is sent once and never stored.</p>
          <div className="field">
            <label htmlFor={`${id}-secret`} className="field-label">
              Client secret
            </label>
            <input
              ref={input}
              id={`${id}-secret`}
              type="password"
              className="input mono"
              autoComplete="off"
              spellCheck={false}
              autoFocus
              aria-describedby={rotate.error ? `${id}-error` : undefined}
              aria-invalid={Boolean(rotate.error)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') void submit()
              }}
            />
          </div>
          {rotate.error && (
            <p id={`${id}-error`} role="alert" className="form-error">
              {rotate.error.message}
            </p>
          )}
        </>
      )}
    </ModalDialog>
  )
}
