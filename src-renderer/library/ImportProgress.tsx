import { useSyncExternalStore } from 'react'
import { countOf } from '../ui/format'
import { CloseIcon } from '../ui/icons'
import { importQueue } from './import-file'
import { countRows, type ImportRow, type ImportRowState } from './import-queue'
import './import.css'

const STATE_LABEL: Record<ImportRowState, string> = {
  queued: 'Waiting',
  importing: 'Importing…',
  done: 'Imported',
  duplicate: 'Already in the library',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

/**
 * The progress of a batch import: every file with its state, the counts, and a way to stop. A single
 * file shows here only while it is being imported; once done, the import notice says how it went.
 */
export function ImportProgress() {
  const { rows, running, cancelling } = useSyncExternalStore(importQueue.subscribe, importQueue.getSnapshot)
  if (rows.length === 0 || (!running && rows.length === 1)) return null

  const counts = countRows(rows)
  const finished = rows.length - counts.queued - counts.importing
  return (
    <section
      className="import-progress"
      data-testid="import-progress"
      aria-labelledby="import-progress-title"
    >
      <header className="import-progress__header">
        <h2 id="import-progress-title" className="import-progress__title">
          {running
            ? `Importing: ${finished} of ${countOf(rows.length, 'file')}`
            : counts.cancelled > 0
              ? 'Import cancelled'
              : 'Import finished'}
        </h2>
        {running ? (
          <button
            type="button"
            className="button button--small"
            data-testid="import-cancel"
            disabled={cancelling}
            onClick={() => importQueue.cancel()}
          >
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <button
            type="button"
            className="icon-button"
            aria-label="Close the import progress"
            title="Close"
            data-testid="import-progress-close"
            onClick={() => importQueue.dismiss()}
          >
            <CloseIcon />
          </button>
        )}
      </header>
      <progress className="import-progress__bar" max={rows.length} value={finished} aria-label="Files done" />
      <p className="import-progress__counts" data-testid="import-progress-counts">
        {summary(counts)}
      </p>
      <ol className="import-progress__rows" aria-label="Files">
        {rows.map((row) => (
          <ProgressRow key={row.id} row={row} />
        ))}
      </ol>
    </section>
  )
}

function ProgressRow({ row }: { row: ImportRow }) {
  return (
    <li
      className={`import-progress__row import-progress__row--${row.state}`}
      data-testid="import-progress-row"
      data-state={row.state}
      aria-busy={row.state === 'importing'}
    >
      <span className="import-progress__name" title={row.name}>
        {row.name}
      </span>
      <span className="import-progress__state">{STATE_LABEL[row.state]}</span>
      {row.message && <span className="import-progress__message">{row.message}</span>}
      {row.notices.map((notice) => (
        <span key={notice} className="import-progress__notice" data-testid="import-progress-notice">
          {notice}
        </span>
      ))}
    </li>
  )
}

function summary(counts: Record<ImportRowState, number>): string {
  const parts = [
    `${counts.done} imported`,
    counts.duplicate > 0 && `${counts.duplicate} already in the library`,
    counts.failed > 0 && `${counts.failed} failed`,
    counts.cancelled > 0 && `${counts.cancelled} cancelled`,
    counts.queued > 0 && `${counts.queued} waiting`,
  ]
  return parts.filter((part): part is string => Boolean(part)).join(' · ')
}
