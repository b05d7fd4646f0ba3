import { Icon, type IconName } from '../components/icon'
import { useHealthSummaries } from '../features/health/hooks/use-health-summaries'
import { useAppInfo } from '../features/app-info/api/get-app-info'
import { WorkspaceSwitcher } from '../features/workspace/components/workspace-switcher'
import { useNavigation, type Route } from './stores/navigation'

const NAV: ReadonlyArray<{ readonly route: Route['name']; readonly label: string; readonly icon: IconName }> = [
  { route: 'dashboard', label: 'Dashboard', icon: 'dashboard' },
  { route: 'schedule', label: 'Background checks', icon: 'schedule' },
  { route: 'providers', label: 'Providers', icon: 'server' },
  { route: 'security', label: 'Security', icon: 'shield' },
  { route: 'about', label: 'About', icon: 'info' },
]

/** Where a screen belongs in the navigation (the editor and import are part of the dashboard). */
const SECTION: Readonly<Record<Route['name'], Route['name']>> = {
  dashboard: 'dashboard',
  add: 'dashboard',
  edit: 'dashboard',
  import: 'dashboard',
  account: 'dashboard',
  troubleshoot: 'dashboard',
  bundle: 'dashboard',
  schedule: 'schedule',
  providers: 'providers',
  security: 'security',
  about: 'about',
}

/** How many accounts of the workspace fail now (what the sidebar counts: what needs a person). */
function useFailingCount(): number {
  const health = useHealthSummaries()
  let failing = 0
  for (const summary of health?.values() ?? []) if (summary.state === 'failing') failing++
  return failing
}

function Logo() {
  return (
    <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false" className="logo">
      <rect width="28" height="28" rx="7" className="logo-bg" />
      <path d="M14 6l7 2.6v5.2c0 4.2-3 7-7 8.2c-4-1.2-7-4-7-8.2V8.6z" className="logo-shield" />
      <path d="M14 11.2a2 2 0 1 1 0 4v2.6" className="logo-key" />
    </svg>
  )
}

export function Sidebar() {
  const { route, navigate } = useNavigation()
  const failing = useFailingCount()
  const info = useAppInfo()
  const storage = info.data?.secretStorage
  return (
    <aside className="sidebar">
      <div className="brand">
        <Logo />
        <span className="brand-name">AuthDesk</span>
      </div>
      <WorkspaceSwitcher />
      <nav aria-label="Main" className="nav">
        {NAV.map((item) => (
          <button
            key={item.route}
            type="button"
            className="nav-item"
            aria-current={SECTION[route.name] === item.route ? 'page' : undefined}
            onClick={() => navigate({ name: item.route } as Route)}
          >
            <Icon name={item.icon} size={18} />
            <span>{item.label}</span>
            {item.route === 'dashboard' && failing > 0 && (
              <span className="nav-count is-failing" data-testid="nav-failing-count">
                {failing}
                <span className="sr-only"> failing</span>
              </span>
            )}
          </button>
        ))}
      </nav>
      <div className="sidebar-footer">
        {storage && (
          <p className={storage.persistent ? 'storage-status' : 'storage-status is-warning'}>
            <Icon name={storage.persistent ? 'lock' : 'warning'} size={14} />
            {storage.persistent ? 'Secrets in the OS keychain' : 'No keychain: session only'}
          </p>
        )}
        <p className="version" data-testid="app-version">
          {info.data ? `${info.data.name} ${info.data.version}` : 'AuthDesk'}
        </p>
      </div>
    </aside>
  )
}
