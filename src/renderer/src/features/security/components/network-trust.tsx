import type { NetworkTrust } from '@shared/model'
import { useSetCaFile } from '../api/set-ca-file'

const SOURCE = { setting: 'this setting', flag: '--ca-file', NODE_EXTRA_CA_CERTS: 'NODE_EXTRA_CA_CERTS' } as const

/** Which certificates credential requests trust, the proxy in use, and the extra CA setting. */
export function NetworkTrustFacts({ network }: { readonly network: NetworkTrust }) {
  const save = useSetCaFile()
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
      <section className="ca-file-form" aria-labelledby="ca-file-title" data-field="caFile">
        <h3 id="ca-file-title" className="field-label">
          Extra CA certificates (PEM file)
        </h3>
        <p className="field-hint" id="ca-file-hint">
          For a company proxy that inspects TLS: its CA certificate(s) as a PEM file, chosen in your system’s file dialog. Takes effect when AuthDesk starts again.
        </p>
        <p data-testid="ca-file-saved">{network.savedCaFile ? <code>{network.savedCaFile}</code> : 'None chosen.'}</p>
        {save.error && (
          <p className="field-error" role="alert" data-testid="field-error">
            {save.error.message}
          </p>
        )}
        <div className="step-actions">
          <button type="button" className="btn btn-primary" disabled={save.isPending} aria-describedby="ca-file-hint" onClick={() => save.mutate('choose')}>
            {network.savedCaFile ? 'Choose another CA file…' : 'Choose CA file…'}
          </button>
          {network.savedCaFile && (
            <button type="button" className="btn" disabled={save.isPending} onClick={() => save.mutate('clear')}>
              Remove
            </button>
          )}
        </div>
        {network.savedCaFile !== active && (
          <p role="status" data-testid="ca-file-pending">
            {network.savedCaFile ? `Saved: ${network.savedCaFile} is trusted from the next start.` : 'Removed: no extra CA file from the next start.'}
          </p>
        )}
      </section>
    </>
  )
}
