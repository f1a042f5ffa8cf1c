import { createContext } from 'react'
import type { NoteSummary } from '../../src-main/core/records'

/** What note links need from the app: the notes to offer and open, and a way to make a new one. */
export interface NoteLinkServices {
  /** Every note; null while the list is loading (a link is then neither live nor broken). */
  notes: NoteSummary[] | null
  currentNoteId: string | null
  open(noteId: string): void
  /** Makes a note with this title (without opening it) and returns it, or null if that failed. */
  create(title: string): Promise<NoteSummary | null>
}

export const NoteLinkContext = createContext<NoteLinkServices>({
  notes: null,
  currentNoteId: null,
  open: () => {},
  create: () => Promise.resolve(null),
})
