import { useEffect, useRef, useState } from 'react'
import type { MethodOutput } from '../../src-main/api/contract'
import { api } from '../api'
import { useNotifier } from '../ui/notices'
import { refreshSyncState } from './sync-state'
import { noteLines } from './note-text'
import type { Conflict } from './ConflictsList'
import '../ui/confirm.css'
import './sync.css'

type Versions = MethodOutput<'sync.conflict'>
type Keep = 'mine' | 'theirs' | 'both'

/** The fields a user knows by other names (bodies are files in the library folder). */
const FIELD_NAMES: Record<string, string> = {
  'content.json': 'its text',
  'content.html': 'its page',
  'text.txt': 'its text',
  updatedAt: 'when it was last changed',
}

/** What differs, in words, each said once. */
function differences(fields: string[]): string {
  return [...new Set(fields.map((field) => FIELD_NAMES[field] ?? field))].join(', ')
}

const KEEP_SAID: Record<Keep, string> = {
  mine: 'Kept this device’s version.',
  theirs: 'Kept the other device’s version.',
  both: 'Kept both: the other version is a new note beside this one.',
}

/**
 * Both versions of a conflicted record side by side (a note's words in full), with Keep mine, Keep
 * theirs and, for notes, Keep both. A modal dialog: Escape closes it and nothing is decided.
 */
export function ConflictView({ conflict, onClose }: { conflict: Conflict; onClose(): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const notifier = useNotifier()
  const [versions, setVersions] = useState<Versions | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    dialogRef.current?.showModal()
    let current = true
    api.call('sync.conflict', { id: conflict.id }).then(
      (answer) => current && setVersions(answer),
      (failure: Error) => current && setError(failure.message),
    )
    return () => {
      current = false
    }
  }, [conflict.id])

  const keep = async (choice: Keep) => {
    setBusy(true)
    try {
      await api.call('sync.resolve', { id: conflict.id, keep: choice })
      notifier.show({
        tone: 'success',
        message: `${conflict.title}: ${KEEP_SAID[choice]}`,
        expiresAfterMs: 5000,
      })
      await refreshSyncState()
      dialogRef.current?.close()
    } catch (failure) {
      setError((failure as Error).message)
      setBusy(false)
    }
  }

  const canKeepBoth = conflict.kind === 'note'
  return (
    <dialog
      ref={dialogRef}
      className="dialog conflict-view"
      aria-labelledby="conflict-view-title"
      data-testid="conflict-view"
      onClose={onClose}
    >
      <h2 id="conflict-view-title" className="dialog__title">
        {conflict.title} changed on two devices
      </h2>
      <p className="conflict-view__intro">
        Both versions are kept until you choose. What differs: {differences(conflict.fields)}.
      </p>
      {error && (
        <p className="conflict-view__error" role="alert">
          {error}
        </p>
      )}
      {!versions && !error && <p className="conflict-view__intro">Reading both versions…</p>}
      {versions && (
        <div className="conflict-view__sides">
          <Side
            label="Mine (this device)"
            testId="conflict-mine"
            value={versions.mine}
            kind={conflict.kind}
            fields={conflict.fields}
          />
          <Side
            label="Theirs (the other device)"
            testId="conflict-theirs"
            value={versions.theirs}
            kind={conflict.kind}
            fields={conflict.fields}
          />
        </div>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          Decide later
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || !versions}
          onClick={() => void keep('theirs')}
        >
          Keep theirs
        </button>
        {canKeepBoth && (
          <button
            type="button"
            className="button"
            disabled={busy || !versions}
            onClick={() => void keep('both')}
          >
            Keep both
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !versions}
          onClick={() => void keep('mine')}
        >
          Keep mine
        </button>
      </div>
    </dialog>
  )
}

/** One version: a note's title and words, or the fields that differ. */
function Side(props: { label: string; testId: string; value: unknown; kind: string; fields: string[] }) {
  const value = (props.value ?? null) as Record<string, unknown> | null
  const headingId = `${props.testId}-heading`
  return (
    <section className="conflict-view__side" aria-labelledby={headingId} data-testid={props.testId}>
      <h3 id={headingId} className="conflict-view__label">
        {props.label}
      </h3>
      {!value ? (
        <p className="conflict-view__deleted">Deleted on this side.</p>
      ) : props.kind === 'note' ? (
        <>
          <p className="conflict-view__title">{String(value.title ?? '')}</p>
          <div className="conflict-view__text" tabIndex={0} aria-label={`${props.label}: the note’s text`}>
            {noteLines(value.content).map((line, index) => (
              <p key={index}>{line || '\u00a0'}</p>
            ))}
          </div>
        </>
      ) : (
        <dl className="conflict-view__fields">
          {props.fields
            .filter((field) => field in value)
            .map((field) => (
              <div key={field}>
                <dt>{field}</dt>
                <dd>
                  {typeof value[field] === 'string' ? String(value[field]) : JSON.stringify(value[field])}
                </dd>
              </div>
            ))}
        </dl>
      )}
    </section>
  )
}
