import type { ScheduledHealth } from '@shared/fleet'
import { useHealthList } from '../api/get-health-list'

/** One account's entry of the health list (undefined while loading or for an unknown id). */
export function useAccountHealth(id: string): { readonly health: ScheduledHealth | undefined; readonly pending: boolean } {
  const list = useHealthList()
  return { health: list.data?.find((h) => h.id === id), pending: list.isPending }
}
