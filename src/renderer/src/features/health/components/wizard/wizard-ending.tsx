import { Icon } from '@renderer/components/icon'

/** The wizard's two endings: fixed, or still failing with a support bundle as the next step. */
export function WizardEnding(props: {
  readonly kind: 'fixed' | 'stuck' | 'escalated'
  readonly label: string
  readonly busy: boolean
  readonly onBundle: (() => void) | null
  readonly onRestart: () => void
  readonly onClose: () => void
}) {
  if (props.kind === 'fixed')
    return (
      <div className="wizard-ending is-fixed" role="status" data-testid="wizard-fixed">
        <Icon name="healthy" size={28} />
        <div>
          <h2>Fixed</h2>
          <p>“{props.label}” works again: the re-test was healthy.</p>
          <div className="step-actions">
            <button type="button" className="btn btn-primary" onClick={props.onClose}>
              Back to the account
            </button>
            <button type="button" className="btn" onClick={props.onRestart} disabled={props.busy}>
              Start over
            </button>
          </div>
        </div>
      </div>
    )
  return (
    <div className="wizard-ending is-stuck" data-testid="wizard-stuck">
      <Icon name="box" size={28} />
      <div>
        <h2>{props.kind === 'escalated' ? 'Support bundle requested' : 'Still not working'}</h2>
        <p>
          {props.kind === 'escalated'
            ? 'The support bundle includes the diagnosis, the redacted transcript and every answer above.'
            : 'Every step is answered, and the last check of the account still did not pass. A support bundle gives the provider’s support (or AuthDesk’s maintainers) the diagnosis, the redacted transcript and what you tried here.'}
        </p>
        <div className="step-actions">
          {props.onBundle && (
            <button type="button" className="btn btn-primary" onClick={props.onBundle} disabled={props.busy}>
              <Icon name="box" />
              Create support bundle
            </button>
          )}
          <button type="button" className="btn" onClick={props.onRestart} disabled={props.busy}>
            Start over
          </button>
        </div>
      </div>
    </div>
  )
}
