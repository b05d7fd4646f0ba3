import type { WorkspaceKind } from '@shared/model'
import { Icon, type IconName } from '@renderer/components/icon'
import { useWorkspace } from '../api/get-workspace'
import { useSwitchWorkspace } from '../api/switch-workspace'

const OPTIONS: ReadonlyArray<{ readonly value: WorkspaceKind; readonly label: string; readonly sub: string; readonly icon: IconName }> = [
  { value: 'mine', label: 'My accounts', sub: 'Stored in your keychain', icon: 'user' },
  { value: 'demo', label: 'Demo', sub: 'Simulated providers', icon: 'flask' },
]

/** Chooses the workspace shown: the user's own accounts, or the Demo on the simulators. */
export function WorkspaceSwitcher() {
  const workspace = useWorkspace()
  const switcher = useSwitchWorkspace()
  const active = switcher.isPending ? switcher.variables : workspace.data?.active
  return (
    // Not `disabled` while switching: that would take the keyboard focus away from the radio.
    <fieldset className="workspace-switcher" aria-busy={switcher.isPending} data-testid="workspace-switcher">
      <legend className="sidebar-label">Workspace</legend>
      {OPTIONS.map((option) => (
        <label key={option.value} className={active === option.value ? 'workspace-option is-active' : 'workspace-option'}>
          <input type="radio" name="workspace" value={option.value} checked={active === option.value} onChange={() => !switcher.isPending && switcher.mutate(option.value)} className="sr-only" />
          <Icon name={option.icon} size={16} />
          <span className="workspace-option-text">
            <span className="workspace-option-label">{option.label}</span>
            <span className="workspace-option-sub">{switcher.isPending && active === option.value ? 'Opening…' : option.sub}</span>
          </span>
        </label>
      ))}
      {switcher.isError && (
        <p role="alert" className="field-error">
          {switcher.error.message}
        </p>
      )}
    </fieldset>
  )
}
