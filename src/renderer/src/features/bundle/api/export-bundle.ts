import { useMutation } from '@tanstack/react-query'
import type { RequestOf } from '../../../../../shared/contract'
import { call } from '../../../lib/call'

export type ExportBundleRequest = RequestOf<'bundle:export'>

/** Writes exactly the previewed bundle (same digest) after the self-scan; core picks the path. */
export function useExportBundle() {
  return useMutation({ mutationFn: (request: ExportBundleRequest) => call(window.authdesk.bundle.export(request)) })
}
