// Faults injected through the store's file-system seam into a real store on a real folder: every
// failed save reports why, leaves the old note as it was and nothing behind, and the next save works.
import { describe, it, expect } from 'vitest'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './library-store'
import { NODE_FS, type StoreFs } from './store-fs'
import { createNote, getNote, saveNote } from '../notes/notes'
import { createExcerpt } from '../excerpts'
import { importSources } from '../import/import-files'
import { noteContent } from '../../testing/note-content'
import { libraryEntries } from '../../testing/library-files'

type Fault = {
  name: string
  code: string
  /** Whether a write of records alone (an excerpt: one journal line, no body) meets the fault. */
  hitsJournal: boolean
  inject: (fs: StoreFs, armed: () => boolean) => StoreFs
}

const failure = (code: string) => Object.assign(new Error(`${code}: injected`), { code })

/** A handle whose `write` or `sync` fails while armed (writes to temp files and the journal). */
function faultyHandle(
  handle: FileHandle,
  armed: () => boolean,
  what: 'write' | 'sync' | 'short',
  code: string,
): FileHandle {
  return new Proxy(handle, {
    get(target, key, receiver) {
      if (key === 'write' && armed() && what === 'write') return () => Promise.reject(failure(code))
      if (key === 'write' && armed() && what === 'short')
        return () => Promise.resolve({ bytesWritten: 0, buffer: Buffer.alloc(0) })
      if (key === 'sync' && armed() && what === 'sync') return () => Promise.reject(failure(code))
      const value = Reflect.get(target, key, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

const handleFault = (name: string, what: 'write' | 'sync' | 'short', code: string): Fault => ({
  name,
  code,
  hitsJournal: true,
  inject: (fs, armed) => ({
    ...fs,
    open: (async (...args: Parameters<StoreFs['open']>) =>
      faultyHandle(await fs.open(...args), armed, what, code)) as StoreFs['open'],
  }),
})

const FAULTS: Fault[] = [
  handleFault('a full disk (ENOSPC on write)', 'write', 'ENOSPC'),
  handleFault('an I/O error on flush (EIO on fsync)', 'sync', 'EIO'),
  handleFault('a short write (no byte taken)', 'short', 'short write'),
  {
    name: 'a failing rename (EXDEV)',
    code: 'EXDEV',
    hitsJournal: false,
    inject: (fs, armed) => ({
      ...fs,
      rename: (from, to) => (armed() ? Promise.reject(failure('EXDEV')) : fs.rename(from, to)),
    }),
  },
  {
    name: 'a folder it may not write (EACCES on open)',
    code: 'EACCES',
    hitsJournal: true,
    inject: (fs, armed) => ({
      ...fs,
      open: ((...args: Parameters<StoreFs['open']>) =>
        armed() && args[1] !== 'r' ? Promise.reject(failure('EACCES')) : fs.open(...args)) as StoreFs['open'],
    }),
  },
]

const textOf = (content: unknown) => JSON.stringify(content).match(/"text":"([^"]*)"/)?.[1]

async function leftovers(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((name) => /\.(tmp|prev)$/.test(name))
}

describe.each(FAULTS)('the store under $name', ({ code, inject, hitsJournal }) => {
  let armed = false
  const open = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commonplace-faults-'))
    return LibraryStore.open(dir, { fs: inject(NODE_FS, () => armed) })
  }
  /** Runs `work` with the fault armed; it is disarmed however `work` ends. */
  const whileArmed = async <T>(work: () => Promise<T>): Promise<T> => {
    armed = true
    try {
      return await work()
    } finally {
      armed = false
    }
  }
  /** The library as another process would open it, once that store's own work (a backup) is done. */
  const reopen = async (dir: string) => {
    const store = await LibraryStore.open(dir)
    await store.close()
    return store
  }
  const words = () => [{ name: 'words.txt', bytes: Buffer.from('Some words to keep.') }]

  it('fails a note save with the reason, keeps the old note, leaves nothing, and saves next time', async () => {
    const store = await open()
    const note = await createNote(store, 'Draft')
    await saveNote(store, note.id, noteContent('first words'))
    const journal = await readFile(join(store.dir, '.commonplace/journal.jsonl'), 'utf8')
    await whileArmed(() =>
      expect(saveNote(store, note.id, noteContent('second words'))).rejects.toMatchObject({
        code: 'WRITE_FAILED',
        message: expect.stringContaining(code),
      }),
    )
    expect(textOf((await getNote(store, note.id)).content)).toBe('first words')
    expect(await readFile(join(store.dir, '.commonplace/journal.jsonl'), 'utf8')).toBe(journal)
    expect(await leftovers(store.dir)).toEqual([])
    expect(textOf((await getNote(await reopen(store.dir), note.id)).content)).toBe('first words')
    await saveNote(store, note.id, noteContent('third words'))
    expect(textOf((await getNote(await reopen(store.dir), note.id)).content)).toBe('third words')
  })

  it('fails an import with the reason and leaves no article folder behind', async () => {
    const store = await open()
    const before = await libraryEntries(store.dir)
    const [outcome] = await whileArmed(() => importSources(store, words()))
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringContaining(code) })
    expect(store.data.articles).toEqual([])
    expect(await libraryEntries(store.dir)).toEqual(before)
    expect(await leftovers(store.dir)).toEqual([])
    const [again] = await importSources(store, words())
    expect(again).toMatchObject({ status: 'imported' })
  })

  it.runIf(hitsJournal)('fails an excerpt with the reason and keeps the library as it was', async () => {
    const store = await open()
    const [imported] = await importSources(store, words())
    const articleId = imported!.articleId!
    await whileArmed(() =>
      expect(createExcerpt(store, { articleId, start: 0, end: 4, quote: 'Some' })).rejects.toMatchObject({
        code: 'WRITE_FAILED',
        message: expect.stringContaining(code),
      }),
    )
    expect((await reopen(store.dir)).data.excerpts).toEqual([])
    await createExcerpt(store, { articleId, start: 0, end: 4, quote: 'Some' })
    expect((await reopen(store.dir)).data.excerpts).toHaveLength(1)
  })
})
