import { create } from 'zustand'
import type { FleetProgress } from '@shared/fleet'

interface LastRoundState {
  /** The newest background round that ended in this window (the status only carries a running one). */
  readonly last: FleetProgress | null
  ended(round: FleetProgress): void
  forget(): void
}

export const useLastRound = create<LastRoundState>((set) => ({
  last: null,
  ended: (round) => set({ last: round }),
  forget: () => set({ last: null }),
}))
