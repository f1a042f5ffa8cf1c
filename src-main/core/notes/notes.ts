import type { LibraryStore } from '../store/library-store'
import { NOTE_SCHEMA_VERSION, type NoteSummary } from '../records'
import { CommonplaceError } from '../errors'
import { newId } from '../ids'
import { excerptIdsIn, linkedNoteIdsIn, tagsIn, type SerializedNoteContent } from './note-content'
import { linkWaitingLinks, titleKey, waitingLinkTitlesIn } from './waiting-links'

/** A note file on disk: notes/<id>.json. */
interface NoteFile {
  schemaVersion: number
  id: string
  content: SerializedNoteContent | null
}

export interface NoteWithContent {
  note: NoteSummary
  /** The Lexical editor state as JSON; null for a note never written in. */
  content: SerializedNoteContent | null
}

const notePath = (id: string) => `notes/${id}.json`

export function listNotes(store: LibraryStore): NoteSummary[] {
  return [...store.data.notes].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}

export function findNote(store: LibraryStore, id: string): NoteSummary {
  const note = store.data.notes.find((n) => n.id === id)
  if (!note) throw new CommonplaceError('NOT_FOUND', `No note with id ${id} in this library`)
  return note
}

export async function createNote(store: LibraryStore, title: string): Promise<NoteSummary> {
  const now = new Date().toISOString()
  const note: NoteSummary = {
    id: newId('n'),
    title: title.trim() || 'Untitled note',
    createdAt: now,
    updatedAt: now,
    excerptIds: [],
    linkedNoteIds: [],
    waitingLinkTitles: [],
    tags: [],
  }
  const file: NoteFile = { schemaVersion: NOTE_SCHEMA_VERSION, id: note.id, content: null }
  await store.transact((draft) => {
    draft.notes.push(note)
    return { bodies: [{ path: notePath(note.id), content: JSON.stringify(file) }] }
  })
  await linkLinksWaitingFor(store, note)
  return note
}

export async function getNote(store: LibraryStore, id: string): Promise<NoteWithContent> {
  const note = findNote(store, id)
  let text: string
  try {
    text = await store.readBody(notePath(id))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { note, content: null }
    throw new CommonplaceError(
      'LIBRARY_UNREADABLE',
      `Cannot read ${store.path(notePath(id))}: ${(error as Error).message}`,
    )
  }
  let file: NoteFile
  try {
    file = JSON.parse(text) as NoteFile
  } catch (error) {
    throw new CommonplaceError(
      'LIBRARY_UNREADABLE',
      `The note file ${store.path(notePath(id))} is not valid JSON (${(error as Error).message}); it was left as it is`,
    )
  }
  if (typeof file.schemaVersion !== 'number' || file.schemaVersion > NOTE_SCHEMA_VERSION) {
    throw new CommonplaceError(
      'LIBRARY_UNREADABLE',
      `The note file ${store.path(notePath(id))} has an unknown schema version`,
    )
  }
  return { note, content: file.content ?? null }
}

/**
 * Saves a note's content; the promise resolves once it is durable. A link in it waiting for a note
 * (waiting-links.ts) whose title a note has is saved as a link to that note.
 */
export async function saveNote(
  store: LibraryStore,
  id: string,
  content: SerializedNoteContent,
): Promise<NoteSummary> {
  findNote(store, id)
  await writeContent(store, id, content, { touch: true })
  return findNote(store, id)
}

/**
 * Writes a note's content and refreshes its index entry. `touch` marks it as edited now; with
 * `unlessSavedAfter`, a note saved since that time is left alone (its newer save linked what it could).
 */
async function writeContent(
  store: LibraryStore,
  id: string,
  content: SerializedNoteContent,
  how: { touch: boolean; unlessSavedAfter?: string },
): Promise<void> {
  const updatedAt = new Date().toISOString()
  await store.transact((draft) => {
    const note = draft.notes.find((n) => n.id === id)
    if (!note) throw new CommonplaceError('NOT_FOUND', `No note with id ${id} in this library`)
    if (how.unlessSavedAfter !== undefined && note.updatedAt !== how.unlessSavedAfter) return {}
    const linked = linkWaitingLinks(content, (key) => draft.notes.find((n) => titleKey(n.title) === key))
    const file: NoteFile = { schemaVersion: NOTE_SCHEMA_VERSION, id, content: linked }
    if (how.touch) note.updatedAt = updatedAt
    note.excerptIds = excerptIdsIn(linked)
    note.linkedNoteIds = linkedNoteIdsIn(linked).filter((other) => other !== id)
    note.waitingLinkTitles = waitingLinkTitlesIn(linked)
    note.tags = tagsIn(linked)
    return { bodies: [{ path: notePath(id), content: JSON.stringify(file) }] }
  })
}

/**
 * Links the links that wait for a note with this note's title (it was just made, renamed or
 * restored) to it. Only the notes holding such links are read and written; their edit time stays.
 */
async function linkLinksWaitingFor(store: LibraryStore, target: NoteSummary): Promise<void> {
  const key = titleKey(target.title)
  const waiting = store.data.notes.filter((note) => note.waitingLinkTitles.includes(key))
  for (const note of waiting) {
    const { content } = await getNote(store, note.id)
    if (content)
      await writeContent(store, note.id, content, { touch: false, unlessSavedAfter: note.updatedAt })
  }
}

export async function renameNote(store: LibraryStore, id: string, title: string): Promise<NoteSummary> {
  const clean = title.trim()
  if (!clean) throw new CommonplaceError('INVALID_INPUT', 'A note title cannot be empty')
  await store.transact((draft) => {
    const note = draft.notes.find((n) => n.id === id)
    if (!note) throw new CommonplaceError('NOT_FOUND', `No note with id ${id} in this library`)
    note.title = clean
    note.updatedAt = new Date().toISOString()
    return {}
  })
  const renamed = findNote(store, id)
  await linkLinksWaitingFor(store, renamed)
  return renamed
}

/** Deletes a note and returns everything needed to restore it (undo). */
export async function deleteNote(store: LibraryStore, id: string): Promise<NoteWithContent> {
  const removed = await getNote(store, id)
  await store.transact((draft) => {
    draft.notes = draft.notes.filter((n) => n.id !== id)
    return { removeBodies: [notePath(id)] }
  })
  return removed
}

export async function restoreNote(store: LibraryStore, removed: NoteWithContent): Promise<NoteSummary> {
  const file: NoteFile = { schemaVersion: NOTE_SCHEMA_VERSION, id: removed.note.id, content: removed.content }
  await store.transact((draft) => {
    if (draft.notes.some((n) => n.id === removed.note.id)) {
      throw new CommonplaceError('INVALID_INPUT', 'That note is already in the library')
    }
    draft.notes.push(removed.note)
    return { bodies: [{ path: notePath(removed.note.id), content: JSON.stringify(file) }] }
  })
  await linkLinksWaitingFor(store, removed.note)
  return removed.note
}
