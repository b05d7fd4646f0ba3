import { useMutation } from '@tanstack/react-query'
import type { RequestOf } from '@shared/contract'
import { call } from '@renderer/lib/call'

export type ExportBundleRequest = RequestOf<'bundle:export'>

/** Writes exactly the previewed bundle (same digest) after the self-scan, where the person chooses in main's Save dialog. */
export function useExportBundle() {
  return useMutation({ mutationFn: (request: ExportBundleRequest) => call(window.authdesk.bundle.export(request)) })
}

/** Shows an exported bundle in the file manager (by its export id; the renderer never handles paths). */
export function useRevealBundle() {
  return useMutation({ mutationFn: (exportId: string) => call(window.authdesk.bundle.reveal({ exportId })) })
}
