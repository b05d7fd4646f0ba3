import { create } from 'zustand'

/** Which screen is shown. Screens about one account carry its id, never anything else about it. */
export type Route =
  /** `highlight`: accounts just added or imported, scrolled to and highlighted. */
  | { readonly name: 'dashboard'; readonly highlight?: ReadonlyArray<string> }
  | { readonly name: 'add' }
  | { readonly name: 'edit'; readonly id: string; readonly from?: 'account' }
  | { readonly name: 'account'; readonly id: string }
  | { readonly name: 'troubleshoot'; readonly id: string }
  | { readonly name: 'bundle'; readonly id: string }
  | { readonly name: 'import' }
  | { readonly name: 'schedule' }
  | { readonly name: 'providers' }
  | { readonly name: 'security' }
  | { readonly name: 'about' }

/** Screens that show something of the current workspace only; a switch leaves them. */
const WORKSPACE_ROUTES: ReadonlySet<Route['name']> = new Set(['add', 'edit', 'import', 'account', 'troubleshoot', 'bundle'])

interface NavigationState {
  readonly route: Route
  navigate(route: Route): void
  /** After a workspace switch: back to the dashboard if the screen belonged to the old workspace. */
  leaveWorkspaceScreens(): void
}

export const useNavigation = create<NavigationState>((set, get) => ({
  route: { name: 'dashboard' },
  navigate: (route) => set({ route }),
  leaveWorkspaceScreens: () => {
    if (WORKSPACE_ROUTES.has(get().route.name)) set({ route: { name: 'dashboard' } })
  },
}))
