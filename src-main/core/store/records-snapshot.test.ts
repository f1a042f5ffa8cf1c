// The records snapshot lets a library open without reading every record file, and is used only when
// it matches them: after a close, changes made since (by this or another process), a file removed or
// damaged by hand, and a snapshot that is itself damaged or hostile all open the true library.
import { describe, it, expect } from 'vitest'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './library-store'
import { NODE_FS, type StoreFs } from './store-fs'
import { SNAPSHOT_FILE } from './records-snapshot'
import { createNote, deleteNote, renameNote } from '../notes/notes'

/** A store's file calls, counting how many record files it reads. */
function countingFs(): { fs: StoreFs; recordReads: () => number } {
  let reads = 0
  const fs: StoreFs = {
    ...NODE_FS,
    readFile: ((path: Parameters<typeof NODE_FS.readFile>[0], ...rest: unknown[]) => {
      if (/[/\\](articles|excerpts|notes)[/\\]/.test(String(path))) reads++
      return (NODE_FS.readFile as (...args: unknown[]) => unknown)(path, ...rest)
    }) as StoreFs['readFile'],
  }
  return { fs, recordReads: () => reads }
}

async function libraryWithNotes(titles: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-snapshot-'))
  const store = await LibraryStore.open(dir)
  for (const title of titles) await createNote(store, title)
  await store.close()
  return dir
}

const titlesOf = (store: LibraryStore) => store.data.notes.map((note) => note.title).sort()

describe('records snapshot', () => {
  it('opens a closed library without reading its record files, with every record', async () => {
    const dir = await libraryWithNotes(['One', 'Two', 'Three'])
    const counting = countingFs()
    const store = await LibraryStore.open(dir, { fs: counting.fs })
    expect(titlesOf(store)).toEqual(['One', 'Three', 'Two'])
    expect(counting.recordReads()).toBe(0)
    await store.close()
  })

  it('adds what the journal holds since (another process wrote without compacting)', async () => {
    const dir = await libraryWithNotes(['One', 'Two'])
    const other = await LibraryStore.open(dir)
    const one = other.data.notes.find((note) => note.title === 'One')!
    await renameNote(other, one.id, 'Uno')
    await deleteNote(other, other.data.notes.find((note) => note.title === 'Two')!.id)
    await createNote(other, 'Three')
    // Not closed: its changes are only in the journal (and the new note's files).
    const counting = countingFs()
    const store = await LibraryStore.open(dir, { fs: counting.fs })
    expect(titlesOf(store)).toEqual(['Three', 'Uno'])
    expect(counting.recordReads()).toBe(0)
    await store.close()
    await other.close()
  })

  it('reads the files when one was removed or added by hand, and when the snapshot is damaged or hostile', async () => {
    const dir = await libraryWithNotes(['One', 'Two'])
    const two = (await LibraryStore.open(dir)).data.notes.find((note) => note.title === 'Two')!
    await rm(join(dir, 'notes', `${two.id}.meta.json`))
    let counting = countingFs()
    let store = await LibraryStore.open(dir, { fs: counting.fs })
    expect(titlesOf(store)).toEqual(['One'])
    expect(counting.recordReads()).toBeGreaterThan(0)
    await store.close()

    await writeFile(join(dir, SNAPSHOT_FILE), '{"format": "commonplace-records-snapshot", "epoch": ')
    counting = countingFs()
    store = await LibraryStore.open(dir, { fs: counting.fs })
    expect(titlesOf(store)).toEqual(['One'])
    expect(counting.recordReads()).toBeGreaterThan(0)
    expect(store.problems).toEqual([]) // a derived file: rebuilt, not a problem of the library
    await store.close()

    const snapshot = JSON.parse(await readFile(join(dir, SNAPSHOT_FILE), 'utf8')) as {
      notes: { id: string }[]
    }
    snapshot.notes[0]!.id = '..'
    await writeFile(join(dir, SNAPSHOT_FILE), JSON.stringify(snapshot))
    store = await LibraryStore.open(dir)
    expect(store.data.notes.map((note) => note.id)).not.toContain('..')
    expect(titlesOf(store)).toEqual(['One'])
    await store.close()
  })
})
