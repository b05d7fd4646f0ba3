import { Toaster } from '../components/toaster'
import { KeychainBanner } from '../features/app-info/components/keychain-banner'
import { useFleetEvents } from '../features/fleet/hooks/use-fleet-events'
import { useHealthEvents } from '../features/health/hooks/use-health-events'
import { useTokenEvents } from '../features/tokens/hooks/use-token-events'
import { DemoBanner } from '../features/workspace/components/demo-banner'
import { Screen } from './screen'
import { Sidebar } from './sidebar'
import { useFocusOnNavigate } from './use-focus-on-navigate'
import { useIpcEvents } from './use-ipc-events'

/** The app shell: sidebar, the banners that must stay visible, and the current screen. */
export function App() {
  useIpcEvents()
  useHealthEvents()
  useTokenEvents()
  useFleetEvents()
  useFocusOnNavigate()
  return (
    <div className="app-shell">
      <a href="#content" className="skip-link">
        Skip to content
      </a>
      <Sidebar />
      <main className="main">
        <div className="main-banners">
          <DemoBanner />
          <KeychainBanner />
        </div>
        {/* Focusable so the keyboard can scroll screens that have no control of their own. */}
        <div id="content" className="main-content" tabIndex={0} role="region" aria-label="Content">
          <Screen />
        </div>
        <Toaster />
      </main>
    </div>
  )
}
