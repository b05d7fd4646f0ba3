/** Background checks running per provider, within each provider's concurrency (`maxConcurrent`). */
import type { ProviderId } from '../../shared/model'
import { providerModule } from '../providers/registry'

export class FleetLanes {
  private readonly running = new Map<ProviderId, number>()

  constructor(private readonly limitOf: (provider: ProviderId) => number = (provider) => providerModule(provider).check.maxConcurrent) {}

  free(provider: ProviderId): boolean {
    return this.of(provider) < this.limitOf(provider)
  }

  of(provider: ProviderId): number {
    return this.running.get(provider) ?? 0
  }

  total(): number {
    return [...this.running.values()].reduce((a, b) => a + b, 0)
  }

  take(provider: ProviderId): void {
    this.running.set(provider, this.of(provider) + 1)
  }

  give(provider: ProviderId): void {
    this.running.set(provider, this.of(provider) - 1)
  }

  /** As the status reports it. */
  counts(): ReadonlyMap<ProviderId, number> {
    return this.running
  }
}
