import { useMemo } from 'react'
import type { NoteSummary } from '../../src-main/core/records'
import { api } from '../api'
import { useNotifier } from '../ui/notices'
import type { NoteLinkServices } from '../editor/note-link-services'

/** The services note links use in the editor, over the app's list of notes. */
export function useNoteLinks(
  notes: NoteSummary[] | null,
  currentNoteId: string | null,
  open: (noteId: string) => void,
  added: (note: NoteSummary) => void,
): NoteLinkServices {
  const notifier = useNotifier()
  return useMemo(
    () => ({
      notes,
      currentNoteId,
      open,
      create: async (title: string) => {
        try {
          const note = await api.call('notes.create', { title })
          added(note)
          return note
        } catch (error) {
          notifier.error('Could not create the note', error)
          return null
        }
      },
    }),
    [notes, currentNoteId, open, added, notifier],
  )
}

/** The notes that link to a note, by title. */
export function notesLinkingTo(notes: NoteSummary[] | null, noteId: string): NoteSummary[] {
  return (notes ?? [])
    .filter((note) => note.id !== noteId && note.linkedNoteIds.includes(noteId))
    .sort((a, b) => a.title.localeCompare(b.title))
}
