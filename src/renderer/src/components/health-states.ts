import type { HealthState } from '@shared/model'
import type { IconName } from './icon-paths'

/** How each health state looks and reads: an icon and a word, so colour is never the only cue. */
export const HEALTH_META: { readonly [S in HealthState]: { readonly label: string; readonly icon: IconName; readonly description: string } } = {
  healthy: { label: 'Healthy', icon: 'healthy', description: 'The provider accepted the credential.' },
  degraded: { label: 'Degraded', icon: 'degraded', description: 'Works now, but needs attention soon.' },
  failing: { label: 'Failing', icon: 'failing', description: 'Rejected or misconfigured: someone needs to act now.' },
  unknown: { label: 'Unknown', icon: 'unknown', description: 'The check could not tell (network, outage, rate limit): retry later.' },
  unchecked: { label: 'Unchecked', icon: 'unchecked', description: 'Not checked yet.' },
}

/** Most urgent first: the order of the state filter and of "sort by state". */
export const STATE_ORDER: ReadonlyArray<HealthState> = ['failing', 'degraded', 'unknown', 'unchecked', 'healthy']
