import type { Excerpt, NoteSummary } from '../../src-main/core/records'
import type { CitingNote } from './ExcerptItem'

/** For each excerpt, the notes citing it, by title. */
export function citingNotes(excerpts: Excerpt[], notes: NoteSummary[]): Map<string, CitingNote[]> {
  const citing = new Map<string, CitingNote[]>()
  for (const excerpt of excerpts) {
    const citedBy = notes
      .filter((note) => note.excerptIds.includes(excerpt.id))
      .map((note) => ({ id: note.id, title: note.title }))
      .sort((a, b) => a.title.localeCompare(b.title))
    citing.set(excerpt.id, citedBy)
  }
  return citing
}
