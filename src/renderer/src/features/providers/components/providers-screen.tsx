import { useState } from 'react'
import type { ProviderCatalogEntry } from '@shared/provider-catalog'
import { Banner } from '@renderer/components/banner'
import { ConfirmDialog } from '@renderer/components/confirm-dialog'
import { PageHeader } from '@renderer/components/page-header'
import { useToasts } from '@renderer/stores/toast-store'
import { useProviderCatalog, useRemoveProvider } from '../api/provider-catalog'
import { AddProvider } from './add-provider'
import { DefinitionProblems } from './definition-problems'

function ProviderRow({ entry, onRemove }: { readonly entry: ProviderCatalogEntry; readonly onRemove: (entry: ProviderCatalogEntry) => void }) {
  return (
    <tr data-testid="provider-row">
      <th scope="row">
        {entry.name ?? entry.file}
        {entry.file && <div className="muted">{entry.file}</div>}
        <DefinitionProblems problems={entry.problems} testId="provider-row-problems" />
      </th>
      <td>{entry.id ?? '—'}</td>
      <td>
        <code>{entry.envToken ?? '—'}</code>
      </td>
      <td>{entry.origin === 'builtin' ? 'Built-in' : 'Custom'}</td>
      <td className="wrap-anywhere">{entry.hosts.join(', ') || '—'}</td>
      <td>
        {entry.origin === 'custom' && entry.id !== null && (
          <button type="button" className="btn btn-sm" aria-label={`Remove ${entry.name ?? entry.id}`} onClick={() => onRemove(entry)}>
            Remove
          </button>
        )}
      </td>
    </tr>
  )
}

/** The providers accounts can be for: the built-ins and custom ones from definition files. */
export function ProvidersScreen() {
  const catalog = useProviderCatalog()
  const remove = useRemoveProvider()
  const toast = useToasts((s) => s.show)
  const [removing, setRemoving] = useState<ProviderCatalogEntry | null>(null)
  return (
    <div className="screen screen-providers">
      <PageHeader title="Providers" subtitle="Built-in providers, and custom ones that check any HTTP API from a definition file." />
      {catalog.isPending && <p role="status" className="loading">Loading…</p>}
      {catalog.isError && <Banner tone="danger" alert title="The providers could not be listed">{catalog.error.message}</Banner>}
      <div className="card-stack">
        {catalog.data && (
          <section className="card" aria-labelledby="provider-list-title">
            <h2 id="provider-list-title" className="card-title">
              Providers
            </h2>
            <div className="table-scroll">
              <table className="data-table" data-testid="provider-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Id</th>
                    <th scope="col">Variable token</th>
                    <th scope="col">Source</th>
                    <th scope="col">Hosts</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {catalog.data.map((entry) => (
                    <ProviderRow key={`${entry.origin}:${entry.id ?? entry.file}`} entry={entry} onRemove={setRemoving} />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
        <AddProvider />
      </div>
      {removing && removing.id !== null && (
        <ConfirmDialog
          title={`Remove “${removing.name ?? removing.id}”?`}
          confirmLabel="Remove provider"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await remove.mutateAsync(removing.id!)
            toast(`Removed the provider ${removing.name ?? removing.id}.`)
          }}
        >
          <p>Its definition file is deleted. A provider that accounts still use cannot be removed: delete those accounts first.</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
