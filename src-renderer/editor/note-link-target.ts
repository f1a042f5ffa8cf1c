import type { NoteSummary } from '../../src-main/core/records'
import type { NoteLinkFields } from '../../src-main/core/notes/note-link-node'
import { titleKey } from '../../src-main/core/notes/waiting-links'

/** What a note link leads to now: a note, nothing yet (a link waiting for its note), a deleted note. */
export type NoteLinkTarget =
  { kind: 'note'; note: NoteSummary } | { kind: 'waiting' } | { kind: 'deleted' } | { kind: 'loading' }

/**
 * The note a link leads to. A link without an id waits for a note with its title (waiting-links.ts):
 * once one has it, the link leads there, even before the saved note has taken the note's id.
 */
export function noteLinkTarget(notes: NoteSummary[] | null, link: NoteLinkFields): NoteLinkTarget {
  if (notes === null) return { kind: 'loading' }
  const key = titleKey(link.title)
  const note = link.noteId
    ? notes.find((n) => n.id === link.noteId)
    : notes.find((n) => titleKey(n.title) === key)
  if (note) return { kind: 'note', note }
  return link.noteId ? { kind: 'deleted' } : { kind: 'waiting' }
}
