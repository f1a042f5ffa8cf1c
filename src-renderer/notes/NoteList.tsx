import { useRef, type KeyboardEvent } from 'react'
import type { NoteSummary } from '../../src-main/core/records'
import { focusRow, listKeyAction, rowIndexOf, useTabRow } from '../ui/list-keys'
import { TrashIcon } from '../ui/icons'
import { countOf, formatDateTime } from '../ui/format'
import { carryingTag } from '../tags/tag-counts'

/** Props of the sidebar's note list. */
export interface NoteListProps {
  notes: NoteSummary[] | null
  openNoteId: string | null
  onOpen(noteId: string): void
  onDelete(note: NoteSummary): void
  /** Only the notes carrying this tag are listed, when set. */
  tagFilter: string | null
}

/** The notes, most recently changed first; ↑/↓/Home/End move between them, Delete asks to delete one. */
export function NoteList({ notes, openNoteId, onOpen, onDelete, tagFilter }: NoteListProps) {
  const listRef = useRef<HTMLUListElement>(null)
  const shown = notes ? carryingTag(notes, tagFilter) : []
  const tabRow = useTabRow(
    shown.length,
    shown.findIndex((note) => note.id === openNoteId),
  )
  if (notes === null) return <p className="sidebar__hint">Loading…</p>
  if (notes.length === 0) return <p className="sidebar__hint">No notes yet.</p>
  if (shown.length === 0) return <p className="sidebar__hint">No notes tagged #{tagFilter}.</p>
  const onKeyDown = (event: KeyboardEvent) => {
    const index = rowIndexOf(event.target)
    const action = index === null ? null : listKeyAction(event, index, shown.length)
    if (!action || index === null) return
    event.preventDefault()
    if ('delete' in action) onDelete(shown[index]!)
    else focusRow(listRef.current, action.move)
  }
  return (
    <ul ref={listRef} className="row-list" aria-label="Notes" onKeyDown={onKeyDown} onFocus={tabRow.onFocus}>
      {shown.map((note, index) => (
        <li
          key={note.id}
          aria-setsize={shown.length}
          aria-posinset={index + 1}
          className={`row row--note ${note.id === openNoteId ? 'row--current' : ''}`}
          data-testid="note-row"
          data-note-id={note.id}
        >
          <button
            type="button"
            className="row__main"
            tabIndex={tabRow.tabIndexOf(index)}
            aria-current={note.id === openNoteId ? 'page' : undefined}
            onClick={() => onOpen(note.id)}
          >
            <span className="row__title">{note.title}</span>
            <span className="row__meta">
              {[
                formatDateTime(note.updatedAt),
                note.excerptIds.length > 0 && countOf(note.excerptIds.length, 'excerpt'),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </button>
          <span className="row__actions">
            <button
              type="button"
              className="icon-button icon-button--danger"
              tabIndex={tabRow.tabIndexOf(index)}
              aria-label={`Delete note “${note.title}”`}
              title="Delete note"
              onClick={() => onDelete(note)}
            >
              <TrashIcon />
            </button>
          </span>
        </li>
      ))}
    </ul>
  )
}
