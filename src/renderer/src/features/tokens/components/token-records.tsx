import { useState } from 'react'
import type { ProviderInfo } from '@shared/model'
import type { TokenRecordView } from '@shared/tokens'
import { ConfirmDialog } from '@renderer/components/confirm-dialog'
import { formatDateTime } from '@renderer/lib/format-time'
import { useRevokeToken } from '../api/revoke-token'
import { ORIGIN, RECORD_STATUS, revocable } from '../utils/token-words'

/** The local record of tokens AuthDesk issued or obtained (providers keep no list of their own), with Revoke where the provider can revoke. */
export function TokenRecords({ accountId, records, provider }: { readonly accountId: string; readonly records: ReadonlyArray<TokenRecordView>; readonly provider: ProviderInfo | undefined }) {
  const revoke = useRevokeToken()
  const [confirming, setConfirming] = useState<TokenRecordView | null>(null)
  if (records.length === 0) return <p className="muted">No token was issued for this account yet.</p>
  const label = provider?.label ?? 'The provider'
  const canRevoke = provider?.capabilities.revokesTokens === true
  return (
    <>
      {!canRevoke && (
        <p className="muted" data-testid="tokens-not-revocable">
          {label} offers no way to revoke a token: each stays valid until it expires.
        </p>
      )}
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
                  {canRevoke && revocable(record.status) && (
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
              {label} stops accepting token <code>{confirming.jti}</code> and its refresh token.
              {confirming.status === 'current' ? ' It is the token AuthDesk uses for this account: issue a new one afterwards.' : ''}
            </p>
          </ConfirmDialog>
        )}
      </div>
    </>
  )
}
