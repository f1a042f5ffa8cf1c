import { describe, it, expect, beforeEach } from 'vitest'
import { mkdtemp, writeFile, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../store/library-store'
import { createNote, getNote, saveNote, renameNote, deleteNote, restoreNote, listNotes } from './notes'
import type { SerializedNoteContent } from './note-content'

let store: LibraryStore
beforeEach(async () => {
  store = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'commonplace-notes-')))
})

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] })
const content = (...children: unknown[]): SerializedNoteContent => ({ root: { type: 'root', children } })
const excerptBlock = (excerptId: string) => ({ type: 'excerpt', version: 1, excerptId, quote: 'q' })

describe('notes', () => {
  it('creates, saves and reads back a note, durably', async () => {
    const note = await createNote(store, '  First thoughts ')
    expect(note.title).toBe('First thoughts')
    expect((await getNote(store, note.id)).content).toBeNull()
    const body = content(paragraph('hello'), excerptBlock('ex-1'), excerptBlock('ex-2'), excerptBlock('ex-1'))
    const saved = await saveNote(store, note.id, body)
    expect(saved.excerptIds).toEqual(['ex-1', 'ex-2'])
    const reopened = await LibraryStore.open(store.dir)
    expect((await getNote(reopened, note.id)).content).toEqual(body)
  })

  it('names an untitled note and renames it', async () => {
    const note = await createNote(store, '')
    expect(note.title).toBe('Untitled note')
    expect((await renameNote(store, note.id, 'Renamed')).title).toBe('Renamed')
    await expect(renameNote(store, note.id, '   ')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('deletes and restores with the content (undo)', async () => {
    const note = await createNote(store, 'Doomed')
    await saveNote(store, note.id, content(paragraph('keep me')))
    const removed = await deleteNote(store, note.id)
    expect(listNotes(store)).toEqual([])
    await expect(getNote(store, note.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await restoreNote(store, removed)
    expect((await getNote(store, note.id)).content).toEqual(content(paragraph('keep me')))
  })

  it('reports a corrupt note file by path and leaves it as it is', async () => {
    const note = await createNote(store, 'Corrupt')
    const file = join(store.dir, 'notes', `${note.id}.json`)
    await writeFile(file, '{"schemaVersion": 1, "content": ')
    await expect(getNote(store, note.id)).rejects.toThrow(file)
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "content": ')
  })

  it('refuses content nested deeper than any note, before it reaches the core (it overflowed the stack)', async () => {
    const { SerializedNoteContent, MAX_NOTE_DEPTH } = await import('./note-content')
    let node: unknown = { type: 'text', text: 'deep' }
    for (let level = 0; level < 20_000; level++) node = { type: 'paragraph', children: [node] }
    const deep = SerializedNoteContent.safeParse({ root: { type: 'root', children: [node] } })
    expect(deep.success).toBe(false)
    expect(deep.error?.issues[0]?.message).toBe(`nodes nest deeper than ${MAX_NOTE_DEPTH} levels`)
    const flat = SerializedNoteContent.safeParse({ root: { type: 'root', children: [5, 'x'] } })
    expect(flat.error?.issues[0]).toMatchObject({
      path: ['root', 'children', 0],
      message: 'is not a note node (an object with a type)',
    })
  })

  it('drops inline CSS before a note is shown (a style could fetch: background-image: url(…))', async () => {
    const { withoutInlineStyles } = await import('./note-content')
    const styled = content({
      type: 'paragraph',
      textStyle: 'color: red',
      children: [{ type: 'text', text: 'x', style: 'background-image: url(https://media.example/x.png)' }],
    })
    expect(withoutInlineStyles(styled)).toEqual(
      content({ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }),
    )
    expect(JSON.stringify(styled)).toContain('url(') // the note itself is left as it is
  })

  it('refuses to save a note that does not exist', async () => {
    await expect(saveNote(store, 'n-missing', content())).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
