import { describe, it, expect, beforeEach } from 'vitest'
import { mkdtemp, readFile, writeFile, copyFile, readdir, cp, mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore, INDEX_FILE } from './library-store'
import { LIBRARY_SCHEMA_VERSION } from '../records'
import { libraryEntries } from '../../testing/library-files'

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
const FIXTURES = join(import.meta.dirname, 'fixtures')

describe('LibraryStore', () => {
  it('creates an empty library without writing anything of the user’s until something changes', async () => {
    const store = await LibraryStore.open(dir)
    expect(store.data.articles).toEqual([])
    expect(await libraryEntries(dir)).toEqual([])
  })

  it('commits a change as one journal line, writes record files on close, and a new store reads both', async () => {
    const store = await LibraryStore.open(dir)
    await store.transact((draft) => {
      draft.notes.push(note('n-1'))
      return { bodies: [{ path: 'notes/n-1.json', content: '{"hello":1}' }] }
    })
    expect(await readFile(join(dir, 'notes/n-1.json'), 'utf8')).toBe('{"hello":1}')
    // Before compaction the record lives in the journal; another store sees it there.
    expect((await LibraryStore.open(dir)).data.notes.map((n) => n.id)).toEqual(['n-1'])
    await store.close()
    const onDisk = JSON.parse(await readFile(join(dir, 'notes/n-1.meta.json'), 'utf8'))
    expect(onDisk).toMatchObject({ schemaVersion: 1, id: 'n-1' })
    expect(JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8')).schemaVersion).toBe(
      LIBRARY_SCHEMA_VERSION,
    )
    const leftovers = (await readdir(dir, { recursive: true })).filter((f) => /\.(tmp|prev)$/.test(f))
    expect(leftovers).toEqual([])
    expect((await LibraryStore.open(dir)).data.notes.map((n) => n.id)).toEqual(['n-1'])
  })

  it('writes only the records a change touches', async () => {
    const store = await LibraryStore.open(dir)
    await store.transact((draft) => {
      for (let i = 0; i < 50; i++) draft.notes.push(note(`n-${i}`))
      return {}
    })
    await store.close()
    const journal = join(dir, '.commonplace/journal.jsonl')
    const before = (await readFile(journal)).length
    await store.transact((draft) => {
      draft.notes.find((n) => n.id === 'n-7')!.title = 'Renamed'
      return {}
    })
    const line = (await readFile(journal, 'utf8')).slice(before)
    expect(JSON.parse(line)).toMatchObject({ commit: true, put: [['note', { id: 'n-7', title: 'Renamed' }]] })
    expect(line.length).toBeLessThan(500)
  })

  it('leaves memory and disk unchanged when a change throws', async () => {
    const store = await LibraryStore.open(dir)
    await store.transact((draft) => {
      draft.notes.push(note('n-1'))
      return {}
    })
    const journal = await readFile(join(dir, '.commonplace/journal.jsonl'), 'utf8')
    await expect(
      store.transact((draft) => {
        draft.notes.push(note('n-2'))
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect(store.data.notes).toHaveLength(1)
    expect(await readFile(join(dir, '.commonplace/journal.jsonl'), 'utf8')).toBe(journal)
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

  it('picks up changes another store wrote, before its own write and on refresh', async () => {
    const first = await LibraryStore.open(dir)
    const second = await LibraryStore.open(dir)
    await second.transact((draft) => {
      draft.notes.push(note('n-other'))
      return {}
    })
    const revision = first.revision
    await first.refresh()
    expect(first.data.notes.map((n) => n.id)).toEqual(['n-other'])
    expect(first.revision).not.toBe(revision)
    await first.transact((draft) => {
      draft.notes.push(note('n-mine'))
      return {}
    })
    await second.compact() // a new journal epoch: the first store must read the library afresh
    await second.transact((draft) => {
      draft.notes.find((n) => n.id === 'n-mine')!.title = 'seen'
      return {}
    })
    await first.refresh()
    expect(first.data.notes.map((n) => [n.id, n.title]).sort()).toEqual([
      ['n-mine', 'seen'],
      ['n-other', 'n-other'],
    ])
  })

  it('refuses body paths outside the library', async () => {
    const store = await LibraryStore.open(dir)
    expect(() => store.path('../escape.txt')).toThrow(/outside the library/)
    expect(() => store.path('')).toThrow(/outside the library/)
    expect(() => store.path('notes/../../x')).toThrow(/outside the library/)
  })

  it('reports a write failure, keeps the previous state and leaves nothing behind', async () => {
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
    expect(await libraryEntries(dir)).toEqual(['notes'])
    expect((await LibraryStore.open(dir)).data.notes).toEqual([])
  })
})

describe('library.json', () => {
  it('quarantines a damaged library.json, keeps it, and rebuilds from the record files', async () => {
    const store = await LibraryStore.open(dir)
    await store.transact((draft) => {
      draft.notes.push(note('n-1'))
      return {}
    })
    await store.close()
    await writeFile(join(dir, INDEX_FILE), '{ this is not json')
    const reopened = await LibraryStore.open(dir)
    expect(reopened.data.notes.map((n) => n.id)).toEqual(['n-1'])
    const aside = (await readdir(dir)).find((name) => name.startsWith(`${INDEX_FILE}.corrupt-`))!
    expect(await readFile(join(dir, aside), 'utf8')).toBe('{ this is not json')
    expect(reopened.problems.map((p) => p.action)).toEqual(['quarantined', 'rebuilt'])
    expect(reopened.problems[0]!.reason).toMatch(/not valid JSON/)
  })

  it('rebuilds a missing library.json from the record files, settings from the newest backup', async () => {
    const store = await LibraryStore.open(dir)
    await store.transact((draft) => {
      draft.notes.push(note('n-1'))
      draft.settings.export = { citations: 'footnotes', links: 'markdown', folder: null }
      return {}
    })
    await store.close() // compaction writes the record files and a backup
    await rm(join(dir, INDEX_FILE))
    const reopened = await LibraryStore.open(dir)
    expect(reopened.data.notes.map((n) => n.id)).toEqual(['n-1'])
    expect(reopened.data.settings.export).toEqual({ citations: 'footnotes', links: 'markdown', folder: null })
    expect(reopened.problems).toEqual([
      expect.objectContaining({ action: 'rebuilt', file: join(dir, INDEX_FILE) }),
    ])
  })

  it.each(['deleted', 'corrupted'])(
    'restores the newest backup when library.json is %s and no record file is left',
    async (damage) => {
      const store = await LibraryStore.open(dir)
      await store.transact((draft) => {
        draft.notes.push(note('n-1'), note('n-2'))
        draft.settings.export = { citations: 'footnotes', links: 'wiki', folder: null }
        return {}
      })
      await store.close() // records into their files, and a backup
      await rm(join(dir, 'notes'), { recursive: true })
      if (damage === 'deleted') await rm(join(dir, INDEX_FILE))
      else await writeFile(join(dir, INDEX_FILE), '\u0000\u0000 torn')
      const reopened = await LibraryStore.open(dir)
      expect(reopened.data.notes.map((n) => n.id).sort()).toEqual(['n-1', 'n-2'])
      expect(reopened.data.settings.export.citations).toBe('footnotes')
      expect(reopened.problems.map((p) => p.action)).toContain('restored')
      // Restored for good: the record files are back.
      expect((await readdir(join(dir, 'notes'))).sort()).toEqual(['n-1.meta.json', 'n-2.meta.json'])
    },
  )

  it('refuses a library written by a newer version, or with a malformed version, and writes nothing', async () => {
    for (const schemaVersion of [99, '2', 1.5, null]) {
      const text = JSON.stringify({ schemaVersion, articles: [] })
      await writeFile(join(dir, INDEX_FILE), text)
      await expect(LibraryStore.open(dir)).rejects.toMatchObject({
        code: 'LIBRARY_UNREADABLE',
        message: expect.stringMatching(
          schemaVersion === 99 ? /newer Commonplace/ : /is not a version number/,
        ),
      })
      expect(await readFile(join(dir, INDEX_FILE), 'utf8')).toBe(text)
    }
  })

  it('keeps fields it does not know, in library.json and in records, through a write', async () => {
    await writeFile(
      join(dir, INDEX_FILE),
      JSON.stringify({ schemaVersion: 2, settings: {}, fromTheFuture: { keep: true } }),
    )
    await mkdir(join(dir, 'notes'))
    await writeFile(
      join(dir, 'notes/n-1.meta.json'),
      JSON.stringify({ schemaVersion: 1, ...note('n-1'), colour: 'teal' }),
    )
    const store = await LibraryStore.open(dir)
    await store.transact((draft) => {
      draft.notes[0]!.title = 'Renamed'
      draft.settings.export = { citations: 'footnotes', links: 'wiki', folder: null }
      return {}
    })
    await store.close()
    expect(JSON.parse(await readFile(join(dir, 'notes/n-1.meta.json'), 'utf8'))).toMatchObject({
      title: 'Renamed',
      colour: 'teal',
    })
    expect(JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8'))).toMatchObject({
      fromTheFuture: { keep: true },
      settings: { export: { citations: 'footnotes' } },
    })
  })
})

describe('migrations', () => {
  it('migrates the frozen version-0 fixture and restores defaults', async () => {
    await copyFile(join(FIXTURES, 'library-v0.json'), join(dir, INDEX_FILE))
    const store = await LibraryStore.open(dir)
    expect(store.data.schemaVersion).toBe(LIBRARY_SCHEMA_VERSION)
    const [article] = store.data.articles
    expect(article?.title).toBe('A library written before schema versions')
    expect(article?.notices).toEqual([])
    expect(article?.byline).toBeNull()
  })

  it('splits the frozen schema-1 library into record files, keeping every record, body and setting', async () => {
    await cp(join(FIXTURES, 'library-v1'), dir, { recursive: true })
    const v1 = JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8'))
    const store = await LibraryStore.open(dir)
    expect(store.data.articles).toEqual(v1.articles)
    expect(store.data.excerpts).toEqual(v1.excerpts)
    // Fields added since schema 1 get their defaults (the restore step).
    expect(store.data.notes).toEqual(v1.notes.map((n: object) => ({ ...n, waitingLinkTitles: [] })))
    // Settings added since (appearance) come with their defaults.
    expect(store.data.settings).toMatchObject(v1.settings)
    const index = JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8'))
    expect(Object.keys(index).sort()).toEqual(['schemaVersion', 'settings'])
    expect(index).toMatchObject({ schemaVersion: 2, settings: v1.settings })
    const [article] = v1.articles
    expect(JSON.parse(await readFile(join(dir, 'articles', article.id, 'article.json'), 'utf8'))).toEqual({
      schemaVersion: 1,
      ...article,
    })
    expect(await readdir(join(dir, 'excerpts'))).toEqual([`${v1.excerpts[0].id}.json`])
    const backups = await readdir(join(dir, '.commonplace/backups'))
    expect(backups).toEqual([expect.stringMatching(/\.before-schema-2\.json\.gz$/)])
    expect((await LibraryStore.open(dir)).data.excerpts).toEqual(v1.excerpts)
  })
})
