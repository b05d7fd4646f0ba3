import { Banner } from '@renderer/components/banner'
import { useWorkspace } from '../api/get-workspace'
import { useSwitchWorkspace } from '../api/switch-workspace'

/** Always visible while the Demo is shown, so nobody mistakes simulated accounts for real ones. */
export function DemoBanner() {
  const workspace = useWorkspace()
  const switcher = useSwitchWorkspace()
  if (workspace.data?.active !== 'demo') return null
  return (
    <Banner
      tone="demo"
      testId="demo-banner"
      title="Demo workspace — simulated providers, not real accounts"
      action={
        <button type="button" className="btn btn-sm" onClick={() => switcher.mutate('mine')} disabled={switcher.isPending}>
          Go to My accounts
        </button>
      }
    >
      Secrets here last for this session only.
    </Banner>
  )
}
