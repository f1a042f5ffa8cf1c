import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { connectionProblem, lastUserName, type LiveConnection } from './live-connections'
import './live.css'

export interface LiveDialogProps {
  /** Share: this note goes to the server; join: a new note receives the server's document. */
  mode: 'share' | 'join'
  /** A document name to offer (share: one made from the note's title). */
  suggestedName?: string
  onSubmit(connection: Omit<LiveConnection, 'sharer'>): void
  onCancel(): void
}

/** Asks where the collab server is, its token, the document's name and the name to show others. */
export function LiveDialog({ mode, suggestedName = '', onSubmit, onCancel }: LiveDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [url, setUrl] = useState('ws://127.0.0.1:1234')
  const [token, setToken] = useState('')
  const [documentName, setDocumentName] = useState(suggestedName)
  const [userName, setUserName] = useState(lastUserName())
  const [problem, setProblem] = useState<string | null>(null)
  const id = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const fields = {
      url: url.trim(),
      token: token.trim(),
      documentName: documentName.trim(),
      userName: userName.trim(),
    }
    const reason = connectionProblem(fields)
    setProblem(reason)
    if (reason === null) {
      dialogRef.current?.close()
      onSubmit(fields)
    }
  }

  const title = mode === 'share' ? 'Share this note live' : 'Join a live note'
  return (
    <dialog
      ref={dialogRef}
      className="dialog live-dialog"
      aria-labelledby={`${id}-title`}
      data-testid={`live-${mode}-dialog`}
      onCancel={(event) => {
        event.preventDefault()
        dialogRef.current?.close()
        onCancel()
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="dialog__title">
          {title}
        </h2>
        <p className="dialog__message">
          {mode === 'share'
            ? 'Others who join this document on the server write in this note with you, live.'
            : 'A new note is made here and filled with the shared document as it arrives.'}
        </p>
        <label className="live-dialog__field">
          <span>Server address</span>
          <input data-testid="live-url" value={url} onChange={(e) => setUrl(e.target.value)} autoFocus />
        </label>
        <label className="live-dialog__field">
          <span>Token</span>
          <input
            data-testid="live-token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        <label className="live-dialog__field">
          <span>Document name</span>
          <input
            data-testid="live-document"
            value={documentName}
            onChange={(e) => setDocumentName(e.target.value)}
            spellCheck={false}
          />
        </label>
        <label className="live-dialog__field">
          <span>Your name (shown beside your caret)</span>
          <input data-testid="live-user" value={userName} onChange={(e) => setUserName(e.target.value)} />
        </label>
        {problem ? (
          <p className="live-dialog__problem" role="alert" data-testid="live-problem">
            {problem}
          </p>
        ) : null}
        <p className="live-dialog__hint">
          The token stays on this device; it is never written into the library.
        </p>
        <div className="dialog__actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              dialogRef.current?.close()
              onCancel()
            }}
          >
            Cancel
          </button>
          <button type="submit" className="button button--primary" data-testid="live-submit">
            {mode === 'share' ? 'Share live' : 'Join'}
          </button>
        </div>
      </form>
    </dialog>
  )
}

/** A document name made from a note's title: what a document name may hold, lower case. */
export function documentNameFor(title: string): string {
  const name = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // Ü is U and a mark once decomposed: the letter stays, the mark goes
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60)
  return name || 'shared-note'
}
