/** Words for the scheduler's state, pauses, rounds and triggers. Pure. */
import type { FleetProgress, FleetStatus } from '@shared/fleet'
import type { IconName } from '@renderer/components/icon'

export type PauseReason = NonNullable<FleetStatus['paused']>['reason']

export const PAUSE_TITLE: Readonly<Record<PauseReason, string>> = {
  suspended: 'Paused while the computer sleeps',
  'keychain.locked': 'Paused: the keychain is locked',
  'keychain.unavailable': 'Paused: no keychain in this session',
  'secrets.missing': 'Paused: the secrets are missing',
  'checks.billable': 'Checked only when you ask: its check may be charged',
}

export const TRIGGER_TEXT: Readonly<Record<FleetProgress['trigger'], string>> = {
  schedule: 'Started on schedule: these accounts came due for their regular re-check.',
  resume: 'Catching up: AuthDesk started, the computer woke up or the keychain was unlocked, so the accounts that came due meanwhile are checked once each.',
}

/** What the scheduler is doing, in one word or two. */
export type FleetState = 'not-running' | 'off' | 'paused' | 'checking' | 'on'

export const FLEET_STATE: Readonly<Record<FleetState, { readonly label: string; readonly icon: IconName }>> = {
  'not-running': { label: 'Not running here', icon: 'unchecked' },
  off: { label: 'Off', icon: 'unchecked' },
  paused: { label: 'Paused', icon: 'clock' },
  checking: { label: 'Checking now', icon: 'refresh' },
  on: { label: 'On', icon: 'healthy' },
}

export function fleetState(status: FleetStatus): FleetState {
  if (!status.active) return 'not-running'
  if (!status.settings.enabled) return 'off'
  if (status.paused) return 'paused'
  return status.round ? 'checking' : 'on'
}

const accounts = (n: number): string => `${n} account${n === 1 ? '' : 's'}`

/** `Checking 3 of 46`, `Cancelled after 3 of 46`, `Checked 46 accounts`, with failures. */
export function roundText(round: FleetProgress): string {
  const failed = round.failed > 0 ? ` · ${round.failed} could not run` : ''
  if (!round.finished && round.cancelled) return `Cancelling: the checks already running finish (${round.done} of ${round.total} done${failed})`
  if (!round.finished) return `Checking ${round.done} of ${round.total}${failed}`
  if (round.cancelled) return `Cancelled after ${round.done} of ${round.total}${failed}`
  return `Checked ${accounts(round.total)}${failed}`
}

/** Accounts running or waiting, over every provider. */
export function busyCount(status: FleetStatus): number {
  return status.providers.reduce((sum, p) => sum + p.running + p.waiting, 0)
}
