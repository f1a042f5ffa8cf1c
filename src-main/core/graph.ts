import type { LibraryStore } from './store/library-store'
import type { NoteSummary } from './records'
import { CommonplaceError } from './errors'

/** A note as a backlink names it. */
export interface NoteRef {
  id: string
  title: string
}

/** Which notes cite one excerpt. */
export interface ExcerptBacklinks {
  excerptId: string
  notes: NoteRef[]
}

/** The backlinks of an article (per excerpt, and every citing note once) or of a note (notes linking to it). */
export type Backlinks =
  | { kind: 'article'; id: string; title: string; notes: NoteRef[]; excerpts: ExcerptBacklinks[] }
  | { kind: 'note'; id: string; title: string; notes: NoteRef[] }

const refOf = (note: NoteSummary): NoteRef => ({ id: note.id, title: note.title })
const byTitle = (a: NoteRef, b: NoteRef) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id)

/** What cites or links to an article or a note, found by its id. */
export function backlinksOf(store: LibraryStore, id: string): Backlinks {
  const { articles, excerpts, notes } = store.data
  const article = articles.find((a) => a.id === id)
  if (article) {
    const own = excerpts.filter((e) => e.articleId === id).sort((a, b) => a.start - b.start)
    const perExcerpt = own.map((excerpt) => ({
      excerptId: excerpt.id,
      notes: notes
        .filter((note) => note.excerptIds.includes(excerpt.id))
        .map(refOf)
        .sort(byTitle),
    }))
    const ownIds = new Set(own.map((e) => e.id))
    const citing = notes.filter((note) => note.excerptIds.some((excerptId) => ownIds.has(excerptId)))
    return {
      kind: 'article',
      id,
      title: article.title,
      notes: citing.map(refOf).sort(byTitle),
      excerpts: perExcerpt,
    }
  }
  const note = notes.find((n) => n.id === id)
  if (note) {
    const linking = notes.filter((other) => other.id !== id && other.linkedNoteIds.includes(id))
    return { kind: 'note', id, title: note.title, notes: linking.map(refOf).sort(byTitle) }
  }
  throw new CommonplaceError('NOT_FOUND', `No article or note with id ${id} in this library`)
}

/** The notes citing any of the given excerpts (what a delete would leave without a source). */
export function notesCiting(store: LibraryStore, excerptIds: string[]): NoteRef[] {
  const wanted = new Set(excerptIds)
  return store.data.notes
    .filter((note) => note.excerptIds.some((id) => wanted.has(id)))
    .map(refOf)
    .sort(byTitle)
}
