import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest'
import { startCouchServer, type CouchServer } from '../../testing/couch-server'
import { openSyncedLibrary, fileHashes, type SyncedLibrary } from '../../testing/sync-libraries'
import { noteContent } from '../../testing/note-content'
import { SAMPLE_ARTICLE } from '../../testing/corpus'
import { importPaths } from '../import/import-files'
import { readArticleText, renameArticle, setArticleTags } from '../articles'
import { createExcerpt } from '../excerpts'
import { createNote, deleteNote, getNote, saveNote, renameNote } from '../notes/notes'
import { listConflicts, resolveConflict, conflictVersions } from './conflicts'
import type { RemoteConfig } from './remote'
import { watchSync } from './sync-run'

const POLL = { timeout: 20_000, interval: 100 }

let server: CouchServer
let remote: RemoteConfig
const open: SyncedLibrary[] = []

beforeAll(async () => {
  server = await startCouchServer()
})
afterAll(async () => server.close())
afterEach(async () => {
  for (const library of open.splice(0)) await library.close()
})

async function twoLibraries(): Promise<[SyncedLibrary, SyncedLibrary]> {
  remote = { url: server.newDatabase(), username: server.username, password: server.password }
  const a = await openSyncedLibrary(remote, 'a')
  const b = await openSyncedLibrary(remote, 'b')
  open.push(a, b)
  return [a, b]
}

const noteText = async (library: SyncedLibrary, id: string) =>
  JSON.stringify((await getNote(library.store, id)).content)

describe('sync through a CouchDB-protocol server', () => {
  it('brings an article with excerpts and a note made on A to B, with identical files', async () => {
    const [a, b] = await twoLibraries()
    const articleId = (await importPaths(a.store, [SAMPLE_ARTICLE]))[0]!.articleId!
    const text = await readArticleText(a.store, articleId)
    const quote = 'The U.S., Turkey and Iran have all criticized the vote.'
    const start = text.indexOf(quote)
    const excerpt = await createExcerpt(a.store, { articleId, start, end: start + quote.length, quote })
    const note = await createNote(a.store, 'Referendum')
    await saveNote(a.store, note.id, noteContent('Why the vote mattered'))
    await a.sync()
    const report = await b.sync()
    expect(report.applied).toBe(3) // article, excerpt, note (untouched settings stay unsent)
    expect(b.store.data.articles.map((x) => x.id)).toEqual([articleId])
    expect(b.store.data.excerpts.map((x) => x.id)).toEqual([excerpt.id])
    await Promise.all([a.store.close(), b.store.close()])
    expect(await fileHashes(b.store.dir)).toEqual(await fileHashes(a.store.dir))
  })

  it('carries edits both ways and deletes', async () => {
    const [a, b] = await twoLibraries()
    const note = await createNote(a.store, 'Shared')
    const articleId = (await importPaths(a.store, [SAMPLE_ARTICLE]))[0]!.articleId!
    await a.sync()
    await b.sync()
    await saveNote(b.store, note.id, noteContent('written on B'))
    await renameArticle(b.store, articleId, 'Renamed on B')
    await b.sync()
    await a.sync()
    expect(await noteText(a, note.id)).toContain('written on B')
    expect(a.store.data.articles[0]!.title).toBe('Renamed on B')
    await saveNote(a.store, note.id, noteContent('then A answered'))
    await a.sync()
    await b.sync()
    expect(await noteText(b, note.id)).toContain('then A answered')
    await deleteNote(a.store, note.id)
    await a.sync()
    await b.sync()
    expect(b.store.data.notes).toEqual([])
    expect(await listConflicts(b.replica)).toEqual([])
  })

  it('merges a rename on one side and tags on the other, and unions tags added on both', async () => {
    const [a, b] = await twoLibraries()
    const articleId = (await importPaths(a.store, [SAMPLE_ARTICLE]))[0]!.articleId!
    await a.sync()
    await b.sync()
    await renameArticle(a.store, articleId, 'Title from A')
    await setArticleTags(a.store, articleId, ['iraq'])
    await setArticleTags(b.store, articleId, ['kurds'])
    await a.sync()
    const report = await b.sync()
    expect(report.merged).toBe(1)
    await a.sync()
    for (const library of [a, b]) {
      const article = library.store.data.articles[0]!
      expect(article.title).toBe('Title from A')
      expect([...article.tags].sort()).toEqual(['iraq', 'kurds'])
      expect(await listConflicts(library.replica)).toEqual([])
    }
  })

  it('shows a note changed on both sides offline as a conflict, loses neither, and resolves it', async () => {
    const [a, b] = await twoLibraries()
    const note = await createNote(a.store, 'Diverged')
    await a.sync()
    await b.sync()
    await saveNote(a.store, note.id, noteContent('words written on A'))
    await saveNote(b.store, note.id, noteContent('words written on B'))
    await a.sync()
    const report = await b.sync()
    expect(report.conflicts).toBe(1)
    expect(await noteText(b, note.id)).toContain('words written on B')
    const [conflict] = await listConflicts(b.replica)
    expect(conflict).toMatchObject({ kind: 'note', id: note.id })
    const versions = await conflictVersions(b.replica, note.id)
    expect(JSON.stringify(versions.theirs)).toContain('words written on A')
    expect(JSON.stringify(versions.mine)).toContain('words written on B')
    await b.sync() // pushes the branch: A sees the conflict too
    await a.sync()
    expect(await listConflicts(a.replica)).toHaveLength(1)
    expect(await noteText(a, note.id)).toContain('words written on A')

    await resolveConflict(b.replica, note.id, 'both')
    await b.sync()
    await a.sync()
    for (const library of [a, b]) {
      expect(await listConflicts(library.replica)).toEqual([])
      const texts = await Promise.all(library.store.data.notes.map((n) => noteText(library, n.id)))
      expect(texts.join(' ')).toContain('words written on A')
      expect(texts.join(' ')).toContain('words written on B')
      expect(library.store.data.notes).toHaveLength(2)
    }
  })

  it("takes in the other side's words when its own version is the server's winner", async () => {
    // PouchDB's pull fetched a missing revision's bodies from the server's winning revision: the side
    // whose version won got its own words back under the other's revision, and merged them away.
    const [a, b] = await twoLibraries()
    const note = await createNote(a.store, 'Diverged')
    await a.sync()
    await b.sync()
    await saveNote(a.store, note.id, noteContent('words written on A'))
    await saveNote(b.store, note.id, noteContent('words written on B'))
    await Promise.all([a.replica.settled(), b.replica.settled()])
    const revOf = async (library: SyncedLibrary) => (await library.replica.base(`note:${note.id}`))!.rev
    // Of two revisions of one depth, CouchDB's winner is the larger id: that side sends first and
    // takes the other's version in last, while its own is the winner on the server.
    const [winner, other] = (await revOf(a)) > (await revOf(b)) ? [a, b] : [b, a]
    const [own, others] = winner === a ? ['A', 'B'] : ['B', 'A']
    await winner.sync()
    expect((await other.sync()).conflicts).toBe(1)
    expect(await winner.sync()).toMatchObject({ merged: 0, conflicts: 1 })
    expect(await noteText(winner, note.id)).toContain(`words written on ${own}`)
    const versions = await conflictVersions(winner.replica, note.id)
    expect(JSON.stringify(versions.mine)).toContain(`words written on ${own}`)
    expect(JSON.stringify(versions.theirs)).toContain(`words written on ${others}`)
  })

  it('keeps a watching library in step both ways', async () => {
    const [a, b] = await twoLibraries()
    const errors: Error[] = []
    const watching = await watchSync(
      a.replica,
      remote,
      () => undefined,
      (error) => errors.push(error),
    )
    try {
      const note = await createNote(b.store, 'From B')
      await b.sync()
      await expect.poll(() => a.store.data.notes.map((n) => n.title), POLL).toEqual(['From B'])
      await renameNote(a.store, note.id, 'Renamed on A')
      await expect
        .poll(async () => {
          await b.sync()
          return b.store.data.notes.map((n) => n.title)
        }, POLL)
        .toEqual(['Renamed on A'])
    } finally {
      await watching.stop()
    }
    expect(errors).toEqual([])
  })

  it('lets an edit beat a delete', async () => {
    const [a, b] = await twoLibraries()
    const note = await createNote(a.store, 'Kept')
    await a.sync()
    await b.sync()
    await deleteNote(a.store, note.id)
    await renameNote(b.store, note.id, 'Kept and renamed')
    await a.sync()
    await b.sync()
    await a.sync()
    for (const library of [a, b])
      expect(library.store.data.notes.map((n) => n.title)).toEqual(['Kept and renamed'])
  })
})
