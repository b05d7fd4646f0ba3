import type { AuthDeskApi } from '@shared/create-api'

declare global {
  interface Window {
    readonly authdesk: AuthDeskApi
  }
}
