import { ProvidersScreen } from '@renderer/features/providers/components/providers-screen'
import { useCallback, useMemo } from 'react'
import { EditorScreen } from '../features/accounts/components/editor/editor-screen'
import { DashboardScreen } from '../features/accounts/components/dashboard/dashboard-screen'
import { ImportScreen } from '../features/accounts/components/import/import-screen'
import { AboutScreen } from '../features/app-info/components/about-screen'
import { BundleScreen } from '../features/bundle/components/bundle-screen'
import { FleetScreen } from '../features/fleet/components/fleet-screen'
import { useCheckAccount } from '../features/health/api/check-account'
import { useStartCheckAll } from '../features/health/api/start-check-all'
import { CheckAllControl } from '../features/health/components/check-all-control'
import { AccountDetailScreen } from '../features/health/components/detail/account-detail-screen'
import { WizardScreen } from '../features/health/components/wizard/wizard-screen'
import { useHealthSummaries } from '../features/health/hooks/use-health-summaries'
import { SecurityScreen } from '../features/security/components/security-screen'
import { RotationCard } from '../features/tokens/components/rotation-card'
import { TokenPanel } from '../features/tokens/components/token-panel'
import { useCountdowns } from '../features/tokens/hooks/use-countdowns'
import { useWorkspace } from '../features/workspace/api/get-workspace'
import { useSwitchWorkspace } from '../features/workspace/api/switch-workspace'
import { useChangedSinceCheck } from '../stores/changed-since-check'
import { useToasts } from '../stores/toast-store'
import { AccountRoute } from './account-route'
import { useNavigation } from './stores/navigation'

/** The screen for the current route, wired to the navigation (features never import each other). */
export function Screen() {
  const { route, navigate } = useNavigation()
  const workspace = useWorkspace()
  const switcher = useSwitchWorkspace()
  const healthById = useHealthSummaries()
  const countdownById = useCountdowns()
  const check = useCheckAccount()
  const startCheck = useStartCheckAll()
  const toast = useToasts((s) => s.show)
  const markChanged = useChangedSinceCheck((s) => s.mark)
  const toDashboard = useCallback(() => navigate({ name: 'dashboard' }), [navigate])
  const open = useCallback((id: string) => navigate({ name: 'account', id }), [navigate])
  const edit = useCallback((id: string) => navigate({ name: 'edit', id }), [navigate])
  const troubleshoot = useCallback((id: string) => navigate({ name: 'troubleshoot', id }), [navigate])
  const toHighlighted = useCallback((ids?: ReadonlyArray<string>) => navigate({ name: 'dashboard', ...(ids && ids.length > 0 ? { highlight: ids } : {}) }), [navigate])
  const highlightIds = route.name === 'dashboard' ? route.highlight : undefined
  const highlight = useMemo(() => (highlightIds ? new Set(highlightIds) : undefined), [highlightIds])
  const checkNow = useCallback((id: string) => void check(id).catch((error: unknown) => toast(`The check could not run: ${error instanceof Error ? error.message : String(error)}`, 'danger')), [check, toast])
  switch (route.name) {
    case 'dashboard':
      return (
        <DashboardScreen
          workspace={workspace.data?.active}
          healthById={healthById}
          countdownById={countdownById}
          headerActions={(firstRun) => <CheckAllControl primary={firstRun} />}
          highlight={highlight}
          onOpen={open}
          onCheck={checkNow}
          onTroubleshoot={troubleshoot}
          onEdit={edit}
          onAdd={() => navigate({ name: 'add' })}
          onImport={() => navigate({ name: 'import' })}
          onOpenDemo={() => switcher.mutate('demo')}
        />
      )
    case 'account':
      return (
        <AccountRoute id={route.id} onBack={toDashboard}>
          {({ account, provider, providerLabel, environmentLabel }) => (
            <AccountDetailScreen
              key={account.id}
              account={account}
              providerLabel={providerLabel}
              environmentLabel={environmentLabel}
              rotation={<RotationCard account={account} />}
              tokens={provider?.capabilities.tokens ? <TokenPanel accountId={account.id} provider={account.provider} accountScopes={account.scopes} /> : undefined}
              onBack={toDashboard}
              onEdit={() => navigate({ name: 'edit', id: account.id, from: 'account' })}
              onTroubleshoot={() => navigate({ name: 'troubleshoot', id: account.id })}
              onBundle={() => navigate({ name: 'bundle', id: account.id })}
            />
          )}
        </AccountRoute>
      )
    case 'troubleshoot':
      return (
        <AccountRoute id={route.id} onBack={toDashboard}>
          {({ account, providerLabel }) => (
            <WizardScreen
              key={account.id}
              account={account}
              providerLabel={providerLabel}
              onClose={() => open(account.id)}
              onEdit={() => navigate({ name: 'edit', id: account.id, from: 'account' })}
              onBundle={() => navigate({ name: 'bundle', id: account.id })}
            />
          )}
        </AccountRoute>
      )
    case 'bundle':
      return (
        <AccountRoute id={route.id} onBack={toDashboard}>
          {({ account }) => <BundleScreen key={account.id} account={account} onClose={() => open(account.id)} />}
        </AccountRoute>
      )
    case 'add':
      return <EditorScreen onDone={(id) => toHighlighted(id ? [id] : undefined)} onEdit={edit} />
    case 'edit': {
      const back = (savedId?: string, affectsCheck?: boolean): void => {
        if (savedId && affectsCheck) markChanged(savedId)
        if (route.from === 'account') open(route.id)
        else toDashboard()
      }
      return <EditorScreen key={route.id} accountId={route.id} onDone={back} onEdit={edit} backLabel={route.from === 'account' ? 'Back to the account' : undefined} />
    }
    case 'import':
      return (
        <ImportScreen
          onDone={toHighlighted}
          onCheck={(ids) => {
            startCheck.mutate(ids)
            toHighlighted(ids)
          }}
        />
      )
    case 'schedule':
      return <FleetScreen />
    case 'providers':
      return <ProvidersScreen />
    case 'security':
      return <SecurityScreen />
    case 'about':
      return <AboutScreen />
  }
}
