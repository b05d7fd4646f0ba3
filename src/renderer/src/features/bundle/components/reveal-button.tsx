import { Icon } from '@renderer/components/icon'
import { useRevealBundle } from '../api/export-bundle'

/** "Show in folder" for a bundle just saved. */
export function RevealButton({ exportId }: { readonly exportId: string }) {
  const reveal = useRevealBundle()
  return (
    <>
      <button type="button" className="btn btn-sm" onClick={() => reveal.mutate(exportId)} disabled={reveal.isPending}>
        <Icon name="external" size={14} />
        Show in folder
      </button>
      {reveal.isError && (
        <span role="alert" className="form-error">
          {reveal.error.message}
        </span>
      )}
    </>
  )
}
