// Links to notes that do not exist yet: a `[[Title]]` imported before its note, or typed while the
// editor makes the note. Such a link is a note link without an id (the form the editor gives a link
// while its new note is being made); it shows and exports under its title, and it takes the id of the
// note that gets that title (notes.ts), from then on following that note through renames.
import { NOTE_LINK_NODE_TYPE, visitNodes, type SerializedNoteContent } from './note-content'

/** How a link's title is compared with notes' titles: case and runs of spaces do not matter. */
export function titleKey(title: string): string {
  return title.replace(/\s+/g, ' ').trim().toLowerCase()
}

/** True for a note link (as saved) that waits for a note with its title. */
function isWaitingLink(record: Record<string, unknown>): record is { noteId: ''; title: string } {
  return (
    record.type === NOTE_LINK_NODE_TYPE &&
    record.noteId === '' &&
    typeof record.title === 'string' &&
    titleKey(record.title) !== ''
  )
}

/** The titles (as keys) that a note's waiting links wait for, in document order, without repeats. */
export function waitingLinkTitlesIn(content: SerializedNoteContent): string[] {
  const keys: string[] = []
  visitNodes(content, (record) => {
    if (!isWaitingLink(record)) return
    const key = titleKey(record.title)
    if (!keys.includes(key)) keys.push(key)
  })
  return keys
}

/** A note a waiting link can take: its id and its title now. */
export interface LinkableNote {
  id: string
  title: string
}

/**
 * The content with each waiting link whose title a note has now linked to that note (under the note's
 * title); the same object when no link finds its note.
 */
export function linkWaitingLinks(
  content: SerializedNoteContent,
  noteTitled: (key: string) => LinkableNote | undefined,
): SerializedNoteContent {
  if (!waitingLinkTitlesIn(content).some((key) => noteTitled(key))) return content
  const linked = structuredClone(content)
  visitNodes(linked, (record) => {
    if (!isWaitingLink(record)) return
    const note = noteTitled(titleKey(record.title))
    if (note) Object.assign(record, { noteId: note.id, title: note.title })
  })
  return linked
}
