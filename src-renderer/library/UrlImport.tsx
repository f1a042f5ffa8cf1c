import { useRef, useState } from 'react'
import type { ImportOutcome } from './import-outcomes'
import { FolderImport } from './FolderImport'
import { useCommand } from '../commands/registry'

/** Props of the link field. */
export interface UrlImportProps {
  importUrl(url: string): Promise<ImportOutcome>
}

type UrlStatus = { state: 'fetching'; url: string } | { state: ImportOutcome['status']; message: string }

/** A typed or pasted link made into something the importer takes: a bare "example.org/x" means https. */
export function normalizeLink(typed: string): { url: string } | { error: string } {
  const trimmed = typed.trim()
  if (/^https?:\/\//i.test(trimmed)) return { url: trimmed }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)
  // "localhost:8080/x" has the shape of a scheme but is a host and port.
  if (scheme && !/^[^/]+:\d+(\/|$)/.test(trimmed)) {
    return {
      error: `Only http:// and https:// links can be imported, not ${scheme[1]!.toLowerCase()}: links.`,
    }
  }
  return { url: `https://${trimmed}` }
}

/** "Import from a link…": paste an address, press Enter, and the page or PDF behind it is fetched and imported. */
export function UrlImport({ importUrl }: UrlImportProps) {
  const [value, setValue] = useState('')
  const [status, setStatus] = useState<UrlStatus | null>(null)
  const fetching = status?.state === 'fetching'
  const fieldRef = useRef<HTMLInputElement>(null)
  useCommand('import-url', () => fieldRef.current?.focus())

  const submit = async () => {
    if (!value.trim() || fetching) return
    const link = normalizeLink(value)
    if ('error' in link) {
      setStatus({ state: 'failed', message: link.error })
      return
    }
    setStatus({ state: 'fetching', url: link.url })
    const outcome = await importUrl(link.url)
    setStatus({
      state: outcome.status,
      message:
        outcome.status === 'imported' ? `Imported “${outcome.title ?? outcome.name}”.` : outcome.message,
    })
    if (outcome.status !== 'failed') setValue('')
  }

  return (
    <div className="url-import">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <input
          ref={fieldRef}
          className="url-import__field"
          type="text"
          inputMode="url"
          placeholder="Import from a link…"
          aria-label="Import from a link (paste an address, then press Enter)"
          data-testid="import-url"
          value={value}
          readOnly={fetching}
          aria-busy={fetching}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setValue('')
              setStatus(null)
            }
          }}
        />
      </form>
      {status && (
        <p
          className={`url-import__status url-import__status--${status.state}`}
          data-testid="import-url-status"
          data-state={status.state}
          role={status.state === 'failed' ? 'alert' : 'status'}
        >
          {status.state === 'fetching' ? `Fetching ${status.url}…` : status.message}
        </p>
      )}
      <FolderImport />
    </div>
  )
}
