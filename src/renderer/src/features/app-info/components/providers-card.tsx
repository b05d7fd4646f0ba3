import { useProviders } from '@renderer/api/get-providers'

/** The providers this build supports, their environments and what their accounts hold. */
export function ProvidersCard() {
  const providers = useProviders()
  if (!providers.data) return null
  return (
    <section aria-labelledby="providers-title" className="card">
      <h2 id="providers-title" className="card-title">
        Supported providers
      </h2>
      <table className="data-table">
        <caption className="sr-only">Supported providers</caption>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Environments</th>
            <th scope="col">Credential fields (secret ones marked)</th>
          </tr>
        </thead>
        <tbody>
          {providers.data.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.label}</th>
              <td>{p.environments.map((e) => e.label).join(', ')}</td>
              <td>
                {p.fields.map((f, i) => (
                  <span key={f.name}>
                    {i > 0 && ', '}
                    <code>{f.name}</code>
                    {f.secret && <span className="muted"> (secret)</span>}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
