import { useState, type FormEvent } from 'react'
import type { NetworkTrust } from '../../../../../shared/model'
import { FormField } from '../../../components/form-field'
import { useSetCaFile } from '../api/set-ca-file'

const SOURCE = { setting: 'this setting', flag: '--ca-file', NODE_EXTRA_CA_CERTS: 'NODE_EXTRA_CA_CERTS' } as const

/** Which certificates credential requests trust, the proxy in use, and the extra CA setting. */
export function NetworkTrustFacts({ network }: { readonly network: NetworkTrust }) {
  const save = useSetCaFile()
  const [path, setPath] = useState(network.savedCaFile ?? '')
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    save.mutate(path.trim() === '' ? null : path.trim())
  }
  const active = network.extraCaFiles.find((f) => f.source === 'setting')?.path ?? null
  const { https, http, noProxy } = network.proxy
  return (
    <>
      <dl className="facts" data-testid="network-trust">
        <dt>Certificates</dt>
        <dd>Always verified before a credential is sent, against the built-in list{network.extraCaFiles.length > 0 ? ' and:' : '.'}</dd>
        {network.extraCaFiles.map((f) => (
          <dd key={`${f.source}:${f.path}`}>
            <code>{f.path}</code> ({f.certificates} certificate{f.certificates === 1 ? '' : 's'}, from {SOURCE[f.source]})
          </dd>
        ))}
        {network.problems.map((p) => (
          <dd key={p} className="field-error">
            {p}
          </dd>
        ))}
        {network.ignoredTlsOverride && (
          <>
            <dt>Ignored</dt>
            <dd>{network.ignoredTlsOverride}</dd>
          </>
        )}
        <dt>Proxy</dt>
        <dd>
          {https || http ? `https via ${https || 'none'}, http via ${http || 'none'}` : 'None (HTTPS_PROXY and HTTP_PROXY are not set)'}
          {noProxy && `; NO_PROXY ${noProxy}`}. Addresses on this computer never use a proxy, and a credential never crosses a proxy over plain http.
        </dd>
      </dl>
      <form className="ca-file-form" onSubmit={submit} aria-label="Extra CA certificates">
        <FormField
          name="path"
          label="Extra CA certificates (PEM file)"
          hint="For a company proxy that inspects TLS: the path of its CA certificate(s) as PEM. Leave empty to remove. Takes effect when AuthDesk starts again."
          error={save.error?.message ?? null}
        >
          {(control) => <input {...control} type="text" className="input mono" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} autoComplete="off" />}
        </FormField>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save
        </button>
        {network.savedCaFile !== active && (
          <p role="status" data-testid="ca-file-pending">
            {network.savedCaFile ? `Saved: ${network.savedCaFile} is trusted from the next start.` : 'Removed: no extra CA file from the next start.'}
          </p>
        )}
      </form>
    </>
  )
}
