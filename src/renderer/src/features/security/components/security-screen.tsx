import type { ReactNode } from 'react'
import { Banner } from '@renderer/components/banner'
import { Icon, type IconName } from '@renderer/components/icon'
import { PageHeader } from '@renderer/components/page-header'
import { useSecurityPosture } from '../api/get-security-posture'
import { CspTable } from './csp-table'
import { NetworkTrustFacts } from './network-trust'
import { WebPreferences } from './web-preferences'

function Section({ id, title, icon, children }: { readonly id: string; readonly title: string; readonly icon: IconName; readonly children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        <Icon name={icon} size={18} />
        {title}
      </h2>
      {children}
    </section>
  )
}

/** The running build's own security posture, read from the build itself rather than described. */
export function SecurityScreen() {
  const posture = useSecurityPosture()
  return (
    <div className="screen screen-security">
      <PageHeader title="Security" subtitle="How this build protects your credentials, read back from the running app." />
      {posture.isPending && <p role="status" className="loading">Loading…</p>}
      {posture.isError && <Banner tone="danger" alert title="The security posture could not be read">{posture.error.message}</Banner>}
      {posture.data && (
        <div className="card-stack">
          <dl className="fact-grid" data-testid="security-summary">
            <div className="fact">
              <dt>Runtime</dt>
              <dd>{posture.data.electron ? `Electron ${posture.data.electron}` : 'Not running inside Electron (test harness)'}</dd>
            </div>
            <div className="fact">
              <dt>Secret storage</dt>
              <dd>{posture.data.secretStorage.backend === 'keychain' ? 'OS keychain' : 'Memory, this session only'}</dd>
            </div>
            <div className="fact">
              <dt>IPC surface</dt>
              <dd>
                {posture.data.ipc.channels.length} channels · {posture.data.ipc.events.length} events
              </dd>
            </div>
          </dl>
          <Section id="sec-window" title="Window preferences" icon="server">
            <WebPreferences preferences={posture.data.webPreferences} />
          </Section>
          <Section id="sec-csp" title="Content-Security-Policy" icon="shield">
            <p className="card-text">Only the app’s own scripts and styles run; no inline script, no eval, and the page cannot open any network connection.</p>
            <CspTable policy={posture.data.contentSecurityPolicy} />
          </Section>
          <Section id="sec-ipc" title="IPC policy" icon="lock">
            <dl className="facts">
              <dt>Senders</dt>
              <dd data-testid="ipc-sender-policy">{posture.data.ipc.senderPolicy}</dd>
              <dt>Validation</dt>
              <dd>{posture.data.ipc.validation}</dd>
              <dt>Channels</dt>
              <dd className="chip-list" data-testid="ipc-channels">
                {posture.data.ipc.channels.map((c) => (
                  <code key={c} className="chip">
                    {c}
                  </code>
                ))}
              </dd>
              <dt>Events</dt>
              <dd className="chip-list">
                {posture.data.ipc.events.map((e) => (
                  <code key={e} className="chip">
                    {e}
                  </code>
                ))}
              </dd>
            </dl>
          </Section>
          <Section id="sec-network" title="Network trust" icon="shield">
            <NetworkTrustFacts network={posture.data.network} />
          </Section>
          <Section id="sec-storage" title="Secret storage" icon="key">
            <dl className="facts">
              <dt>Backend</dt>
              <dd>{posture.data.secretStorage.backend === 'keychain' ? 'OS keychain (one item per account)' : 'Memory only'}</dd>
              <dt>Survives restart</dt>
              <dd>{posture.data.secretStorage.persistent ? 'Yes' : 'No: secrets are lost when AuthDesk closes'}</dd>
              <dt>Why</dt>
              <dd>{posture.data.secretStorage.reason}</dd>
              {posture.data.secretStorage.hint && (
                <>
                  <dt>How to fix</dt>
                  <dd>{posture.data.secretStorage.hint}</dd>
                </>
              )}
              {posture.data.secretStorage.error && (
                <>
                  <dt>Keychain error</dt>
                  <dd>
                    <code>{posture.data.secretStorage.error}</code>
                  </dd>
                </>
              )}
            </dl>
          </Section>
        </div>
      )}
    </div>
  )
}
