import { useId, useState, type ChangeEvent } from 'react'
import { MAX_DEFINITION_TEXT, type DefinitionProblemView } from '@shared/provider-catalog'
import { Banner } from '@renderer/components/banner'
import { useToasts } from '@renderer/stores/toast-store'
import { useAddProvider } from '../api/provider-catalog'
import { DefinitionProblems } from './definition-problems'

/** Adds a custom provider from a definition file the user picks or from pasted text; nothing is saved while it has an error. */
export function AddProvider() {
  const [text, setText] = useState('')
  const [problems, setProblems] = useState<ReadonlyArray<DefinitionProblemView>>([])
  const [fileError, setFileError] = useState<string | null>(null)
  const add = useAddProvider()
  const toast = useToasts((s) => s.show)
  const textId = useId()

  const readFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0]
    event.target.value = ''
    setFileError(null)
    if (!file) return
    if (file.size > MAX_DEFINITION_TEXT) {
      setFileError(`${file.name} is ${file.size} bytes; a definition may be at most ${MAX_DEFINITION_TEXT} bytes.`)
      return
    }
    setText(await file.text())
    setProblems([])
  }

  const submit = async (): Promise<void> => {
    const result = await add.mutateAsync(text)
    if (!result.ok) {
      setProblems(result.problems)
      return
    }
    setProblems(result.warnings)
    setText('')
    toast(`Added the provider ${result.name} (${result.id}). Add accounts for it from the dashboard.`)
  }

  return (
    <section className="card" aria-labelledby="add-provider-title">
      <h2 id="add-provider-title" className="card-title">
        Add a custom provider
      </h2>
      <p className="muted">A definition file (YAML or JSON) says where the credential goes, what to call and how to read the answer. See docs/providers/custom.md.</p>
      <div className="provider-file-row">
        <label className="btn" htmlFor={`${textId}-file`}>
          Choose a definition file…
        </label>
        <input id={`${textId}-file`} type="file" accept=".yaml,.yml,.json" className="sr-only" data-testid="provider-file" onChange={(e) => void readFile(e)} />
      </div>
      {fileError && <Banner tone="danger" title="That file cannot be used">{fileError}</Banner>}
      <label htmlFor={textId} className="field-label">
        Definition text
      </label>
      <textarea
        id={textId}
        className="code-input"
        rows={12}
        spellCheck={false}
        value={text}
        maxLength={MAX_DEFINITION_TEXT}
        data-testid="provider-text"
        onChange={(e) => {
          setText(e.target.value)
          setProblems([])
        }}
      />
      <DefinitionProblems problems={problems} testId="provider-problems" />
      {add.isError && <Banner tone="danger" title="The provider was not added">{add.error.message}</Banner>}
      <div className="form-footer">
        <button type="button" className="btn btn-primary" disabled={text.trim() === '' || add.isPending} onClick={() => void submit()}>
          {add.isPending ? 'Checking…' : 'Check and add'}
        </button>
      </div>
    </section>
  )
}
