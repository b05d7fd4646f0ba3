import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { AccountView, ProviderId, ProviderInfo } from '@shared/model'
import { FormField } from '@renderer/components/form-field'
import { Icon } from '@renderer/components/icon'
import { useCreateAccount } from '@renderer/features/accounts/api/create-account'
import { useUpdateAccount } from '@renderer/features/accounts/api/update-account'
import { affectsCheck, createRequest, fieldProblems, initialForm, updateRequest, type AccountForm } from '@renderer/features/accounts/utils/account-form'
import { AccountFields } from './account-fields'
import { CredentialFields } from './credential-fields'
import { ProviderPicker } from './provider-picker'
import { ScopePicker } from './scope-picker'

interface EditorFormProps {
  readonly provider: ProviderInfo
  /** Creating: every provider, for the picker. */
  readonly providers?: ReadonlyArray<ProviderInfo>
  readonly onProvider?: (id: ProviderId) => void
  /** Editing: the account as stored. */
  readonly account?: AccountView
  /** `affectsCheck`: an edit that can change what a check answers (not only the label or notes). */
  readonly onSaved: (account: AccountView, created: boolean, affectsCheck: boolean) => void
  readonly onCancel: () => void
}

/**
 * Adds or edits one account. Plain values are React state; secret inputs are uncontrolled and
 * read once on save, then emptied. On an error everything typed stays, and the error is shown
 * next to the field it names (which takes focus).
 */
export function EditorForm({ provider, providers, onProvider, account, onSaved, onCancel }: EditorFormProps) {
  const [form, setForm] = useState<AccountForm>(() => initialForm(provider, account))
  const secretInputs = useRef(new Map<string, HTMLInputElement>())
  const formRef = useRef<HTMLFormElement>(null)
  const create = useCreateAccount()
  const update = useUpdateAccount()
  const action = account ? update : create
  const error = action.error
  const fieldKeys = new Set(['label', 'environment', 'baseUrl', 'notes', ...(provider.scopes ? ['scopes'] : []), ...provider.fields.map((f) => `fields.${f.name}`)])
  const problems = fieldProblems(error, fieldKeys)
  const errorFor = (k: string): string | null => problems.byField.get(k) ?? null
  const change = (patch: Partial<AccountForm>): void => setForm((f) => ({ ...f, ...patch }))

  const firstProblem = problems.first
  useEffect(() => {
    if (error && firstProblem) formRef.current?.querySelector<HTMLElement>(`[data-field="${firstProblem}"] :is(input, select, textarea, button)`)?.focus()
  }, [error, firstProblem])

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const secrets = Object.fromEntries([...secretInputs.current].map(([name, input]) => [name, input.value]))
    try {
      const request = account ? updateRequest(provider, account, form, secrets) : null
      const saved = request ? await update.run(request) : await create.run(createRequest(provider, form, secrets))
      for (const input of secretInputs.current.values()) input.value = ''
      onSaved(saved, !account, request !== null && affectsCheck(request))
    } catch {
      // The error is in `action.error`, shown next to its field; nothing typed is lost.
    }
  }

  return (
    <form ref={formRef} className="editor-form" onSubmit={(event) => void submit(event)} noValidate aria-label={account ? `Edit ${account.label}` : 'New account'}>
      {(problems.count > 1 || problems.general.length > 0) && (
        <div className="form-alert" role="alert" data-testid="form-error">
          <Icon name="error" size={18} />
          <div>
            {problems.count > 1 && <p>{problems.count} problems to fix: each is shown at its field.</p>}
            {problems.general.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        </div>
      )}
      {providers && onProvider && <ProviderPicker providers={providers} value={provider.id} onChange={onProvider} />}
      <AccountFields
        provider={provider}
        form={form}
        savedBaseUrl={account?.baseUrl ?? null}
        savedEnvironmentWithSecrets={account && Object.values(account.secrets).some((s) => s.set) ? account.environment : null}
        confirmRequested={problems.hostUnconfirmed}
        onChange={change}
        errorFor={errorFor}
      />
      <CredentialFields
        provider={provider}
        account={account}
        form={form}
        onPlain={(name, value) => change({ plain: { ...form.plain, [name]: value } })}
        onSecretMode={(name, mode) => change({ secretModes: { ...form.secretModes, [name]: mode } })}
        registerSecret={(name, input) => {
          if (input) secretInputs.current.set(name, input)
          else secretInputs.current.delete(name)
        }}
        errorFor={errorFor}
      />
      {provider.scopes && <ScopePicker scopes={provider.scopes} selected={form.scopes} onChange={(scopes) => change({ scopes })} error={errorFor('scopes')} />}
      <fieldset className="form-section">
        <legend className="form-section-title">Notes</legend>
        <FormField name="notes" label="Notes (optional)" hint="Who owns it, where it is used, how to rotate it. Never put a secret here: notes are not encrypted." error={errorFor('notes')}>
          {(control) => <textarea {...control} className="textarea" value={form.notes} onChange={(event) => change({ notes: event.target.value })} rows={3} />}
        </FormField>
      </fieldset>
      <div className="form-footer">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={action.pending}>
          {action.pending ? 'Saving…' : account ? 'Save changes' : 'Add account'}
        </button>
      </div>
    </form>
  )
}
