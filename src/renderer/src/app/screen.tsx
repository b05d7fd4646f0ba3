import { useCallback } from 'react'
import { EditorScreen } from '../features/accounts/components/editor/editor-screen'
import { DashboardScreen } from '../features/accounts/components/dashboard/dashboard-screen'
import { ImportScreen } from '../features/accounts/components/import/import-screen'
import { AboutScreen } from '../features/app-info/components/about-screen'
import { SecurityScreen } from '../features/security/components/security-screen'
import { useWorkspace } from '../features/workspace/api/get-workspace'
import { useSwitchWorkspace } from '../features/workspace/api/switch-workspace'
import { useNavigation } from './stores/navigation'

/** The screen for the current route, wired to the navigation (features never import each other). */
export function Screen() {
  const { route, navigate } = useNavigation()
  const workspace = useWorkspace()
  const switcher = useSwitchWorkspace()
  const toDashboard = useCallback(() => navigate({ name: 'dashboard' }), [navigate])
  const edit = useCallback((id: string) => navigate({ name: 'edit', id }), [navigate])
  switch (route.name) {
    case 'dashboard':
      return (
        <DashboardScreen
          workspace={workspace.data?.active}
          onOpen={edit}
          onEdit={edit}
          onAdd={() => navigate({ name: 'add' })}
          onImport={() => navigate({ name: 'import' })}
          onOpenDemo={() => switcher.mutate('demo')}
        />
      )
    case 'add':
      return <EditorScreen onDone={toDashboard} onEdit={edit} />
    case 'edit':
      return <EditorScreen key={route.id} accountId={route.id} onDone={toDashboard} onEdit={edit} />
    case 'import':
      return <ImportScreen onDone={toDashboard} />
    case 'security':
      return <SecurityScreen />
    case 'about':
      return <AboutScreen />
  }
}
