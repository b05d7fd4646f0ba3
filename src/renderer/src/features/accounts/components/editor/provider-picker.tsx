import type { ProviderId, ProviderInfo } from '@shared/model'

/** The first choice of a new account: which provider. Radio cards, one per provider. */
export function ProviderPicker(props: { readonly providers: ReadonlyArray<ProviderInfo>; readonly value: ProviderId; readonly onChange: (id: ProviderId) => void }) {
  return (
    <fieldset className="form-section">
      <legend className="form-section-title">Provider</legend>
      <div className="provider-cards">
        {props.providers.map((p) => (
          <label key={p.id} className={p.id === props.value ? 'provider-card is-selected' : 'provider-card'} data-provider={p.id}>
            <input type="radio" name="provider" value={p.id} checked={p.id === props.value} onChange={() => props.onChange(p.id)} className="sr-only" />
            <span className="provider-card-title">{p.label}</span>
            <span className="provider-card-fields">{p.fields.map((f) => f.label).join(' · ')}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
