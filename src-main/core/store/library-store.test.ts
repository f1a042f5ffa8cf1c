import { describe, it, expect, beforeEach } from 'vitest'
import { mkdtemp, readFile, writeFile, copyFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore, INDEX_FILE } from './library-store'
import { LIBRARY_SCHEMA_VERSION } from '../records'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'commonplace-store-'))
})

const note = (id: string) => ({
  id,
  title: id,
  createdAt: 'x',
  updatedAt: 'x',
  excerptIds: [],
  linkedNoteIds: [],
  waitingLinkTitles: [],
  tags: [],
})

describe('LibraryStore', () => {
  it('creates an empty library without writing until something changes', async () => {
    const store = await LibraryStore.open(dir)
    expect(store.data.articles).toEqual([])
    expect(await readdir(dir)).toEqual([])
  })

  it('writes the index and bodies durably, and a new store reads them back', async () => {
    const store = await LibraryStore.open(dir)
    await store.transact((draft) => {
      draft.notes.push(note('n-1'))
      return { bodies: [{ path: 'notes/n-1.json', content: '{"hello":1}' }] }
    })
    const onDisk = JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8'))
    expect(onDisk.schemaVersion).toBe(LIBRARY_SCHEMA_VERSION)
    expect(onDisk.notes[0].id).toBe('n-1')
    expect(await readFile(join(dir, 'notes/n-1.json'), 'utf8')).toBe('{"hello":1}')
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    const reopened = await LibraryStore.open(dir)
    expect(reopened.data.notes.map((n) => n.id)).toEqual(['n-1'])
  })

  it('leaves memory and disk unchanged when a change throws', async () => {
    const store = await LibraryStore.open(dir)
    await store.transact((draft) => {
      draft.notes.push(note('n-1'))
      return {}
    })
    const before = await readFile(join(dir, INDEX_FILE), 'utf8')
    await expect(
      store.transact((draft) => {
        draft.notes.push(note('n-2'))
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect(store.data.notes).toHaveLength(1)
    expect(await readFile(join(dir, INDEX_FILE), 'utf8')).toBe(before)
  })

  it('serializes concurrent transactions so none is lost', async () => {
    const store = await LibraryStore.open(dir)
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.transact((draft) => {
          draft.notes.push(note(`n-${i}`))
          return {}
        }),
      ),
    )
    const reopened = await LibraryStore.open(dir)
    expect(reopened.data.notes).toHaveLength(25)
  })

  it('reports an unreadable library.json by name and never overwrites it', async () => {
    await writeFile(join(dir, INDEX_FILE), '{ this is not json')
    await expect(LibraryStore.open(dir)).rejects.toMatchObject({
      code: 'LIBRARY_UNREADABLE',
      message: expect.stringContaining(join(dir, INDEX_FILE)),
    })
    expect(await readFile(join(dir, INDEX_FILE), 'utf8')).toBe('{ this is not json')
  })

  it('refuses a library written by a newer version', async () => {
    await writeFile(join(dir, INDEX_FILE), JSON.stringify({ schemaVersion: 99, articles: [] }))
    await expect(LibraryStore.open(dir)).rejects.toThrow(/newer Commonplace/)
  })

  it('refuses a library whose records are malformed, naming the field', async () => {
    await writeFile(join(dir, INDEX_FILE), JSON.stringify({ schemaVersion: 1, articles: [{ id: 5 }] }))
    await expect(LibraryStore.open(dir)).rejects.toThrow(/articles\.0\.id/)
  })

  it('migrates the frozen version-0 fixture and restores defaults', async () => {
    await copyFile(join(import.meta.dirname, 'fixtures/library-v0.json'), join(dir, INDEX_FILE))
    const store = await LibraryStore.open(dir)
    expect(store.data.schemaVersion).toBe(LIBRARY_SCHEMA_VERSION)
    const [article] = store.data.articles
    expect(article?.title).toBe('A library written before schema versions')
    expect(article?.notices).toEqual([])
    expect(article?.byline).toBeNull()
  })

  it('picks up changes another process wrote', async () => {
    const first = await LibraryStore.open(dir)
    const second = await LibraryStore.open(dir)
    await second.transact((draft) => {
      draft.notes.push(note('n-other'))
      return {}
    })
    await first.transact((draft) => {
      draft.notes.push(note('n-mine'))
      return {}
    })
    expect(first.data.notes.map((n) => n.id).sort()).toEqual(['n-mine', 'n-other'])
  })

  it('refuses body paths outside the library', async () => {
    const store = await LibraryStore.open(dir)
    expect(() => store.path('../escape.txt')).toThrow(/outside the library/)
  })

  it('reports a write failure and keeps the previous state', async () => {
    const store = await LibraryStore.open(dir)
    // A file where the notes folder should be makes the body write fail, even for root.
    await writeFile(join(dir, 'notes'), 'in the way')
    await expect(
      store.transact((draft) => {
        draft.notes.push(note('n-1'))
        return { bodies: [{ path: 'notes/n-1.json', content: '{}' }] }
      }),
    ).rejects.toMatchObject({ code: 'WRITE_FAILED' })
    expect(store.data.notes).toHaveLength(0)
    expect(await readdir(dir)).toEqual(['notes'])
  })
})
