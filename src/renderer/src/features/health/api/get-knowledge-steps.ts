import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

/** The texts of a diagnosis's troubleshooting steps, in its order (they never change while the app runs). */
export const knowledgeStepsQuery = (ids: ReadonlyArray<string>) =>
  queryOptions({
    queryKey: ['knowledge', ...ids],
    queryFn: () => call(window.authdesk.knowledge.steps({ ids: [...ids] })),
    staleTime: Infinity,
  })

/** Keeps showing the previous texts while more ids load, so the wizard does not flash. */
export const useKnowledgeSteps = (ids: ReadonlyArray<string>) => useQuery({ ...knowledgeStepsQuery(ids), placeholderData: keepPreviousData })
