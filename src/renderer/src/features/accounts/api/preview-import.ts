import { useCallback } from 'react'
import type { RequestOf } from '@shared/contract'
import { call } from '@renderer/lib/call'
import { useSecretAction } from '@renderer/lib/use-secret-action'

export type ImportPreviewRequest = RequestOf<'accounts:import-preview'>

/** What importing a .env text would do; the answer shows secrets only masked. */
export function usePreviewImport() {
  const preview = useCallback((request: ImportPreviewRequest) => call(window.authdesk.accounts.importPreview(request)), [])
  return useSecretAction(preview)
}
