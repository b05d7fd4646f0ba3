import type { ProviderLoad } from '@shared/fleet'
import { providerById, useProviders } from '@renderer/api/get-providers'
import { Countdown } from '@renderer/components/countdown'
import { SectionCard } from '@renderer/components/section-card'
import { formatDateTime } from '@renderer/lib/format-time'

function HeldUntil({ at, provider }: { readonly at: string | null; readonly provider: string }) {
  if (!at) return <span className="muted">Not held</span>
  return (
    <span className="deadline" data-testid="held-until">
      <span>
        Held by the provider until <time dateTime={at}>{formatDateTime(at)}</time>
      </span>
      <Countdown at={at} label={`${provider} accepts requests again`} />
    </span>
  )
}

/** Per provider: checks running, accounts due and waiting for a slot, and a pause the provider asked for. */
export function ProviderLoadCard({ providers }: { readonly providers: ReadonlyArray<ProviderLoad> }) {
  const info = useProviders()
  const idle = providers.every((p) => p.running === 0 && p.waiting === 0 && !p.heldUntil)
  return (
    <SectionCard title="Load per provider" icon="server" testId="fleet-providers" subtitle={idle ? 'Nothing is running or waiting.' : 'Each provider’s own limits decide how many checks run at once.'}>
      <table className="data-table fleet-load-table">
        <caption className="sr-only">Background checks per provider</caption>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Running</th>
            <th scope="col">Waiting</th>
            <th scope="col">Provider’s pause</th>
          </tr>
        </thead>
        <tbody>
          {providers.map((load) => {
            const label = providerById(info.data, load.provider)?.label ?? load.provider
            return (
              <tr key={load.provider} data-testid="provider-load" data-provider={load.provider}>
                <th scope="row">{label}</th>
                <td data-testid="load-running">{load.running}</td>
                <td data-testid="load-waiting">{load.waiting}</td>
                <td>
                  <HeldUntil at={load.heldUntil} provider={label} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </SectionCard>
  )
}
