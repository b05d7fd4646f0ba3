import { useAppInfo } from '../api/get-app-info'
import { SecretStorageNotice } from './secret-storage-notice'

export function AboutPanel() {
  const info = useAppInfo()
  if (info.isPending) return <p role="status">Loading…</p>
  if (info.isError) return <p role="alert">Could not read the app information: {info.error.message}</p>
  const { name, version, platform, electron, node, secretStorage } = info.data
  return (
    <section aria-labelledby="about-title" className="card">
      <h2 id="about-title" className="card-title">
        About this build
      </h2>
      <dl className="facts">
        <dt>Version</dt>
        <dd data-testid="about-version">
          {name} {version}
        </dd>
        <dt>Platform</dt>
        <dd>{platform}</dd>
        <dt>Runtime</dt>
        <dd>{electron ? `Electron ${electron}` : 'No Electron (test harness)'} · Node {node}</dd>
        <dt>Secret storage</dt>
        <dd data-testid="secret-backend">{secretStorage.backend === 'keychain' ? 'OS keychain' : 'Memory (this session only)'}</dd>
      </dl>
      <SecretStorageNotice status={secretStorage} />
    </section>
  )
}
