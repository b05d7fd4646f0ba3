import type { TranscriptEntry } from '@shared/diagnosis'
import { SectionCard } from '@renderer/components/section-card'
import { exchangeTitle, requestText, responseText } from '@renderer/features/health/utils/diagnosis-text'

function Block({ label, text }: { readonly label: string; readonly text: string }) {
  return (
    <div className="exchange-block">
      <h3 className="subheading">{label}</h3>
      {/* Focusable so the keyboard can scroll long bodies. */}
      <pre className="code-block" tabIndex={0} aria-label={label}>
        {text}
      </pre>
    </div>
  )
}

/** The last check's HTTP exchanges, credentials removed by core, shown as plain text. */
export function TranscriptViewer({ entries }: { readonly entries: ReadonlyArray<TranscriptEntry> }) {
  return (
    <SectionCard title="Transcript" icon="code" testId="transcript" subtitle="The requests and answers of the last check, with every credential removed.">
      {entries.length === 0 ? (
        <p className="muted">No request was sent (the problem was found before sending, or the check was held back).</p>
      ) : (
        <div className="exchanges">
          {entries.map((entry, index) => (
            // Keyed by position, so an exchange left open stays open when a re-check replaces the transcript.
            <details key={index} className="exchange" data-testid="exchange">
              <summary>
                <span className="exchange-title">{exchangeTitle(entry)}</span>
                <span className="exchange-meta">
                  {entry.step}
                  {entry.attempt > 1 ? ` · attempt ${entry.attempt}` : ''} · {entry.durationMs} ms
                </span>
              </summary>
              <div className="exchange-body">
                <Block label={`Request ${index + 1}`} text={requestText(entry)} />
                <Block label={`Response ${index + 1}`} text={responseText(entry)} />
              </div>
            </details>
          ))}
        </div>
      )}
    </SectionCard>
  )
}
