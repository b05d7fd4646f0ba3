import type { DefinitionProblemView } from '@shared/provider-catalog'

/** Every problem of a definition, each with its line, the JSON path it is about and the fix. */
export function DefinitionProblems({ problems, testId }: { readonly problems: ReadonlyArray<DefinitionProblemView>; readonly testId: string }) {
  if (problems.length === 0) return null
  return (
    <ul className="problem-list" data-testid={testId}>
      {problems.map((p, index) => (
        <li key={index} className={p.severity === 'error' ? 'problem-error' : 'problem-warning'}>
          <strong>
            {p.severity === 'error' ? 'Error' : 'Warning'}
            {p.line !== null ? ` at line ${p.line}` : ''}
            {p.path ? ` (${p.path})` : ''}:
          </strong>{' '}
          {p.message} <span className="muted">Fix: {p.fix}</span>
        </li>
      ))}
    </ul>
  )
}
