/** Plain words for the source lists the app's policy uses. */
function meaning(sources: ReadonlyArray<string>): string {
  const list = sources.join(' ')
  if (list === "'none'") return 'Blocked'
  if (list === "'self'") return 'The app’s own files only'
  if (list === "'self' data:") return 'The app’s own files, and images embedded as data'
  return 'As listed'
}

/** The Content-Security-Policy, one directive per row, with what each allows in plain words. */
export function CspTable({ policy }: { readonly policy: string }) {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const [name = '', ...sources] = d.split(/\s+/)
      return { name, sources }
    })
  return (
    <table className="data-table kv-table" data-testid="csp-table">
      <caption className="sr-only">Content-Security-Policy directives</caption>
      <thead>
        <tr>
          <th scope="col">Directive</th>
          <th scope="col">Sources</th>
          <th scope="col">Allows</th>
        </tr>
      </thead>
      <tbody>
        {directives.map((d) => (
          <tr key={d.name}>
            <th scope="row">
              <code>{d.name}</code>
            </th>
            <td>
              <code>{d.sources.join(' ')}</code>
            </td>
            <td className="muted">{meaning(d.sources)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
