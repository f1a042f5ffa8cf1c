import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../src-main/api/contract'
import { api } from '../api'
import { countOf } from '../ui/format'
import { useSyncState } from './sync-state'
import { ConflictView } from './ConflictView'
import './sync.css'

export type Conflict = MethodOutput<'sync.conflicts'>[number]

const KIND_NAMES: Record<string, string> = {
  note: 'Note',
  article: 'Article',
  excerpt: 'Excerpt',
  settings: 'Settings',
}

/**
 * Records changed here and on another device that did not merge, at the top of the sidebar while
 * there are any: each opens both versions side by side (ConflictView) to keep mine, theirs or both.
 */
export function ConflictsList() {
  const { state } = useSyncState()
  const count = state?.conflicts ?? 0
  const [conflicts, setConflicts] = useState<Conflict[]>([])
  const [open, setOpen] = useState<Conflict | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!count) return
    let current = true
    api.call('sync.conflicts', {}).then(
      (list) => current && (setConflicts(list), setError(null)),
      (failure: Error) => current && setError(failure.message),
    )
    return () => {
      current = false
    }
  }, [count, state?.received])

  if (!count) return null
  return (
    <section className="sync-conflicts" aria-labelledby="sync-conflicts-heading" data-testid="sync-conflicts">
      <h2 id="sync-conflicts-heading" className="sync-conflicts__heading">
        {countOf(count, 'conflict')} to resolve
      </h2>
      {error && (
        <p className="sync-conflicts__error" role="alert">
          {error}
        </p>
      )}
      <ul className="sync-conflicts__list">
        {conflicts.map((conflict) => (
          <li key={conflict.docId}>
            <button
              type="button"
              className="sync-conflicts__item"
              data-testid="sync-conflict"
              onClick={() => setOpen(conflict)}
            >
              <span className="sync-conflicts__kind">{KIND_NAMES[conflict.kind] ?? conflict.kind}</span>
              <span className="sync-conflicts__title">{conflict.title}</span>
            </button>
          </li>
        ))}
      </ul>
      {open && <ConflictView conflict={open} onClose={() => setOpen(null)} />}
    </section>
  )
}
