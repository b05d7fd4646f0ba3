import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

export interface BundleChoices {
  /** Item ids or file names to leave out. */
  readonly exclude: ReadonlyArray<string>
  /** Account field names whose values are replaced by pseudonyms. */
  readonly mask: ReadonlyArray<string>
}

/** The redacted bundle as it would be written, with the self-scan; nothing is written. Never holds a secret. */
export const bundlePreviewQuery = (accountId: string, choices: BundleChoices) =>
  queryOptions({
    queryKey: ['bundle', 'preview', accountId, [...choices.exclude].sort(), [...choices.mask].sort()],
    queryFn: () => call(window.authdesk.bundle.preview({ accountId, exclude: [...choices.exclude], mask: [...choices.mask] })),
    staleTime: 0,
  })

/** Keeps the previous preview on screen while a changed choice is previewed. */
export const useBundlePreview = (accountId: string, choices: BundleChoices) => useQuery({ ...bundlePreviewQuery(accountId, choices), placeholderData: keepPreviousData })
