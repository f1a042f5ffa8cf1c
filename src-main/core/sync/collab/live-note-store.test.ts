import { beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../../store/library-store'
import { createNote, deleteNote, getNote } from '../../notes/notes'
import { exportNote } from '../../export/note-markdown'
import type { SerializedNoteContent } from '../../notes/note-content'
import { readLiveState, saveLiveNote } from './live-note-store'
import { stateFromContent } from './note-binding'

let store: LibraryStore
beforeEach(async () => {
  store = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'commonplace-live-store-')))
})

const text = (words: string, format = 0) => ({
  type: 'text',
  version: 1,
  text: words,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
})
const note = (...paragraphs: string[]): SerializedNoteContent => ({
  root: {
    type: 'root',
    children: paragraphs.map((words) => ({ type: 'paragraph', version: 1, children: [text(words)] })),
  },
})

describe('a live-shared note in the library', () => {
  it('is saved from its Y.Doc state: content rebuilt in the core, state kept beside it', async () => {
    const { id } = await createNote(store, 'Shared')
    const state = await stateFromContent(note('First paragraph, shared.', 'Second one.'))
    await saveLiveNote(store, id, state)
    expect(await readdir(join(store.dir, 'notes'))).toEqual(
      expect.arrayContaining([`${id}.json`, `${id}.ydoc`]),
    )
    expect(new Uint8Array(await readFile(join(store.dir, 'notes', `${id}.ydoc`)))).toEqual(state)
    expect(await readLiveState(store, id)).toEqual(state)
    const { content } = await getNote(store, id)
    expect(JSON.stringify(content)).toContain('First paragraph, shared.')
    const { markdown } = await exportNote(store, id, {})
    expect(markdown).toContain('First paragraph, shared.\n\nSecond one.')
  })

  it('refuses a state that is not a Yjs document and leaves the note as it was', async () => {
    const { id } = await createNote(store, 'Kept')
    await saveLiveNote(store, id, await stateFromContent(note('The words before.')))
    const before = await readFile(join(store.dir, 'notes', `${id}.json`), 'utf8')
    await expect(saveLiveNote(store, id, new Uint8Array([255, 1, 2, 3, 4, 5]))).rejects.toThrow(
      /Not a Yjs document state|does not hold a note/,
    )
    expect(await readFile(join(store.dir, 'notes', `${id}.json`), 'utf8')).toBe(before)
  })

  it('has no state until shared, and loses it with the note', async () => {
    const { id } = await createNote(store, 'Short-lived')
    expect(await readLiveState(store, id)).toBeNull()
    await saveLiveNote(store, id, await stateFromContent(note('Gone soon.')))
    await deleteNote(store, id)
    expect(await readdir(join(store.dir, 'notes'))).not.toContain(`${id}.ydoc`)
  })
})
