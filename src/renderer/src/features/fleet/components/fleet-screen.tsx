import type { FleetStatus } from '@shared/fleet'
import { Banner } from '@renderer/components/banner'
import { PageHeader } from '@renderer/components/page-header'
import { useFleetStatus } from '../api/get-fleet-status'
import { FleetNotices } from './fleet-notices'
import { FleetSummary } from './fleet-summary'
import { ProviderLoadCard } from './provider-load-card'
import { RoundCard } from './round-card'
import { SettingsForm } from './settings-form'

function FleetDetails({ status }: { readonly status: FleetStatus }) {
  return (
    <div className="card-stack">
      <FleetNotices status={status} />
      <FleetSummary status={status} />
      <RoundCard round={status.round} providers={status.providers} />
      <ProviderLoadCard providers={status.providers} />
      <SettingsForm settings={status.settings} />
    </div>
  )
}

/** The background scheduler: whether it runs, the next check, the current round, per-provider load and its settings. */
export function FleetScreen() {
  const status = useFleetStatus()
  return (
    <div className="screen screen-fleet" data-testid="fleet-screen">
      <PageHeader title="Background checks" subtitle="AuthDesk re-checks the workspace’s accounts on its own, within each provider’s limits." />
      {status.isPending && (
        <p role="status" className="loading">
          Loading…
        </p>
      )}
      {status.isError && (
        <Banner tone="danger" alert title="The state of background checks could not be read">
          {status.error.message}
        </Banner>
      )}
      {status.data && <FleetDetails status={status.data} />}
    </div>
  )
}
