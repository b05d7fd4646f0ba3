import { useState } from 'react'
import type { AccountView } from '@shared/model'
import { useProvider } from '@renderer/api/get-providers'
import { DeadlineTime } from '@renderer/components/deadline-time'
import { Icon } from '@renderer/components/icon'
import { SectionCard } from '@renderer/components/section-card'
import { formatDateTime } from '@renderer/lib/format-time'
import { useDue } from '../api/get-due'
import { RotateKeyDialog } from './rotate-key-dialog'

/** When the account's credentials should be rotated; Authmatech keys can be rotated from here. */
export function RotationCard({ account }: { readonly account: AccountView }) {
  const due = useDue()
  const [rotating, setRotating] = useState(false)
  const deadlines = due.data?.find((d) => d.accountId === account.id)
  const canRotate = useProvider(account.provider)?.capabilities.keyRotation === true
  return (
    <SectionCard
      title="Rotation"
      icon="rotate"
      testId="rotation-card"
      actions={
        canRotate && (
          <button type="button" className="btn btn-sm" onClick={() => setRotating(true)}>
            <Icon name="key" size={14} />
            Rotate key…
          </button>
        )
      }
    >
      {due.isError && <p role="alert">The due dates could not be loaded: {due.error.message}</p>}
      {deadlines ? (
        <dl className="facts">
          <dt>Rotation due</dt>
          <dd>
            <DeadlineTime at={deadlines.rotationDueAt} label="Rotation due" testId="rotation-due" />
          </dd>
          <dt>Last rotated</dt>
          <dd>{deadlines.lastRotatedAt ? formatDateTime(deadlines.lastRotatedAt) : `Not since it was added (${formatDateTime(account.createdAt)})`}</dd>
          <dt>Policy</dt>
          <dd>Every {deadlines.rotationPolicyDays} days</dd>
        </dl>
      ) : (
        !due.isError && <p className="muted">Loading…</p>
      )}
      {rotating && <RotateKeyDialog accountId={account.id} label={account.label} onClose={() => setRotating(false)} />}
    </SectionCard>
  )
}
