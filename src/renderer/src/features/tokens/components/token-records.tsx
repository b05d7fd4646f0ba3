import { useState } from 'react'
import type { TokenRecordView } from '@shared/tokens'
import { ConfirmDialog } from '@renderer/components/confirm-dialog'
import { formatDateTime } from '@renderer/lib/format-time'
import { useRevokeToken } from '../api/revoke-token'
import { ORIGIN, RECORD_STATUS, revocable } from '../utils/token-words'

/** The local record of tokens AuthDesk issued or obtained (SMSGate keeps no list of its own), with Revoke. */
export function TokenRecords({ accountId, records }: { readonly accountId: string; readonly records: ReadonlyArray<TokenRecordView> }) {
  const revoke = useRevokeToken()
  const [confirming, setConfirming] = useState<TokenRecordView | null>(null)
  if (records.length === 0) return <p className="muted">No token was issued for this account yet.</p>
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Token records">
      <table className="data-table token-table" data-testid="token-records">
        <thead>
          <tr>
            <th scope="col">Token id</th>
            <th scope="col">Scopes</th>
            <th scope="col">How</th>
            <th scope="col">Issued</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.jti} data-testid="token-record" data-status={record.status}>
              <td>
                <code>{record.jti}</code>
              </td>
              <td className="cell-scopes">{record.scopes.join(', ')}</td>
              <td>{ORIGIN[record.origin]}</td>
              <td>{formatDateTime(record.issuedAt)}</td>
              <td>{formatDateTime(record.expiresAt)}</td>
              <td>
                <span className={`record-status record-${record.status}`}>{RECORD_STATUS[record.status]}</span>
              </td>
              <td className="cell-action">
                {revocable(record.status) && (
                  <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => setConfirming(record)} aria-label={`Revoke token ${record.jti}`}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {confirming && (
        <ConfirmDialog
          title="Revoke this token?"
          confirmLabel="Revoke token"
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            await revoke.mutateAsync({ accountId, jti: confirming.jti })
          }}
        >
          <p>
            SMSGate stops accepting token <code>{confirming.jti}</code> and its refresh token.
            {confirming.status === 'current' ? ' It is the token AuthDesk uses for this account: issue a new one afterwards.' : ''}
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}
