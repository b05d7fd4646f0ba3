import { useState, type ReactNode } from 'react'
import { ModalDialog } from './modal-dialog'

/** Asks before a destructive action; shows the action's error in place if it fails. */
export function ConfirmDialog(props: {
  readonly title: string
  readonly children: ReactNode
  readonly confirmLabel: string
  readonly onConfirm: () => Promise<void>
  readonly onClose: () => void
}) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const confirm = async (): Promise<void> => {
    setPending(true)
    setError(null)
    try {
      await props.onConfirm()
      props.onClose()
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
      setPending(false)
    }
  }
  return (
    <ModalDialog
      title={props.title}
      onClose={props.onClose}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={props.onClose} autoFocus>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void confirm()} disabled={pending}>
            {pending ? 'Working…' : props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </ModalDialog>
  )
}
