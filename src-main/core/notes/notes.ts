import type { LibraryStore } from '../store/library-store'
import { NOTE_SCHEMA_VERSION, type NoteSummary } from '../records'
import { CommonplaceError } from '../errors'
import { newId } from '../ids'
import { excerptIdsIn, linkedNoteIdsIn, tagsIn, type SerializedNoteContent } from './note-content'
import { linkWaitingLinks, titleKey, waitingLinkTitlesIn } from './waiting-links'
import { notePath, noteLiveStatePath, readNoteFile, type NoteFile } from './note-file'

export interface NoteWithContent {
  note: NoteSummary
  /** The Lexical editor state as JSON; null for a note never written in. */
  content: SerializedNoteContent | null
}

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

/** A note and its content; a missing or damaged note file is an error naming it (note-file.ts). */
export async function getNote(store: LibraryStore, id: string): Promise<NoteWithContent> {
  const note = findNote(store, id)
  const file = await readNoteFile(store, id, note.title)
  return { note, content: file.content }
}

/**
 * Saves a note's content; the promise resolves once it is durable. A link in it waiting for a note
 * (waiting-links.ts) whose title a note has is saved as a link to that note. A note shared for live
 * editing passes its Y.Doc state too (`liveState`), written in the same transaction as the content.
 */
export async function saveNote(
  store: LibraryStore,
  id: string,
  content: SerializedNoteContent,
  liveState?: Uint8Array,
): Promise<NoteSummary> {
  findNote(store, id)
  await writeContent(store, id, content, { touch: true, liveState })
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
  how: { touch: boolean; unlessSavedAfter?: string; liveState?: Uint8Array },
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
    const bodies = [{ path: notePath(id), content: JSON.stringify(file) as string | Uint8Array }]
    if (how.liveState) bodies.push({ path: noteLiveStatePath(id), content: how.liveState })
    return { bodies }
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
    let content: SerializedNoteContent | null
    try {
      ;({ content } = await getNote(store, note.id))
    } catch (error) {
      // A note whose file is missing or damaged keeps its links waiting; it must not stop this one.
      if (isLibraryFileProblem(error)) continue
      throw error
    }
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
  // A note whose file is missing can still go: there is nothing of it to lose (a damaged file, which
  // could still be rescued, keeps the note until the file is dealt with).
  const removed = await getNote(store, id).catch((error: unknown) => {
    if (error instanceof CommonplaceError && error.code === 'LIBRARY_FILE_MISSING')
      return { note: findNote(store, id), content: null }
    throw error
  })
  await store.transact((draft) => {
    draft.notes = draft.notes.filter((n) => n.id !== id)
    return { removeBodies: [notePath(id), noteLiveStatePath(id)] }
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

function isLibraryFileProblem(error: unknown): boolean {
  return (
    error instanceof CommonplaceError &&
    (error.code === 'LIBRARY_FILE_MISSING' || error.code === 'LIBRARY_UNREADABLE')
  )
}
