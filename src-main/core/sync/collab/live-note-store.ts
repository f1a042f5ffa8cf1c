import * as Y from 'yjs'
import type { LibraryStore } from '../../store/library-store'
import type { NoteSummary } from '../../records'
import { CommonplaceError } from '../../errors'
import { findNote, saveNote } from '../../notes/notes'
import { noteLiveStatePath } from '../../notes/note-file'
import { noteContentFromState } from './note-binding'

/**
 * Saves a note shared for live editing from its Y.Doc state: the note's Lexical JSON is rebuilt
 * from the state here, in the core, and both are written in one transaction, so the content that
 * export and search read is always the shared document's.
 */
export async function saveLiveNote(store: LibraryStore, id: string, state: Uint8Array): Promise<NoteSummary> {
  findNote(store, id)
  checkState(state)
  let content
  try {
    content = await noteContentFromState(state)
  } catch (error) {
    throw new CommonplaceError(
      'INVALID_INPUT',
      `The shared state of note ${id} does not hold a note (${(error as Error).message}); nothing was saved`,
    )
  }
  return saveNote(store, id, content, state)
}

/** The Y.Doc state kept with a note, or null for a note never shared from or joined on this device. */
export async function readLiveState(store: LibraryStore, id: string): Promise<Uint8Array | null> {
  findNote(store, id)
  try {
    return new Uint8Array(await store.readBodyBytes(noteLiveStatePath(id)))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new CommonplaceError(
      'LIBRARY_UNREADABLE',
      `Cannot read ${store.path(noteLiveStatePath(id))}: ${(error as Error).message}`,
    )
  }
}

/** Yjs throws on a state it cannot decode; say so before anything is written. */
function checkState(state: Uint8Array): void {
  try {
    Y.applyUpdate(new Y.Doc(), state)
  } catch (error) {
    throw new CommonplaceError('INVALID_INPUT', `Not a Yjs document state: ${(error as Error).message}`)
  }
}
