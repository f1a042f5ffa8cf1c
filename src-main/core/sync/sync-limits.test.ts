import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest'
import { putRawDoc, startCouchServer, type CouchServer } from '../../testing/couch-server'
import { openSyncedLibrary, type SyncedLibrary } from '../../testing/sync-libraries'
import { libraryEntries } from '../../testing/library-files'
import { addBulkArticles } from '../../testing/bulk-articles'
import { readArticleText } from '../articles'
import { createExcerpt } from '../excerpts'
import type { RemoteConfig } from './remote'

let server: CouchServer
const open: SyncedLibrary[] = []
beforeAll(async () => {
  server = await startCouchServer()
})
afterAll(async () => server.close())
afterEach(async () => {
  for (const library of open.splice(0)) await library.close()
})

async function two(): Promise<[SyncedLibrary, SyncedLibrary, RemoteConfig]> {
  const remote = { url: server.newDatabase(), username: server.username, password: server.password }
  const a = await openSyncedLibrary(remote, 'limits-a')
  const b = await openSyncedLibrary(remote, 'limits-b')
  open.push(a, b)
  return [a, b, remote]
}

describe('sync at the edges', () => {
  it('syncs a 20 MB article whole', async () => {
    const [a, b] = await two()
    const paragraph = 'Twenty megabytes of one long article, paragraph after paragraph. '
    const text = paragraph.repeat(Math.ceil((20 * 1024 * 1024) / paragraph.length))
    const [id] = await addBulkArticles(a.store, 1, () => text)
    const sent = await a.sync()
    expect(sent.failures).toEqual([])
    const received = await b.sync()
    expect(received.applied).toBe(1)
    expect((await readArticleText(b.store, id!)).length).toBe(text.length)
  }, 180_000)

  it('refuses an attachment named with ../ from a hostile replica, naming the document', async () => {
    const [, b, remote] = await two()
    await b.sync() // creates the database
    const record = {
      id: 'a-hostile3',
      title: 'Hostile',
      format: 'text',
      importedAt: '2024-01-01T00:00:00.000Z',
      wordCount: 1,
      contentHash: 'h',
      originalFile: null,
    }
    const data = Buffer.from('words').toString('base64')
    await putRawDoc(server, remote.url, {
      _id: 'article:a-hostile3',
      kind: 'article',
      record,
      _attachments: {
        'content.html': { content_type: 'text/html', data },
        'text.txt': { content_type: 'text/plain', data },
        '../../outside.txt': { content_type: 'text/plain', data },
      },
    })
    const before = await libraryEntries(b.store.dir)
    const report = await b.sync()
    expect(report.rejected).toEqual([
      {
        docId: 'article:a-hostile3',
        rev: expect.any(String),
        reason: 'article:a-hostile3: unexpected attachment "../../outside.txt"',
      },
    ])
    expect(b.store.data.articles).toEqual([])
    expect((await libraryEntries(b.store.dir)).filter((entry) => !before.includes(entry))).toEqual([])
  })

  it('holds an excerpt whose article has not arrived, and applies it once the article does', async () => {
    const [a, b, remote] = await two()
    const [articleId] = await addBulkArticles(a.store, 1)
    const text = await readArticleText(a.store, articleId!)
    const excerpt = await createExcerpt(a.store, {
      articleId: articleId!,
      start: 0,
      end: 14,
      quote: text.slice(0, 14),
    })
    await a.sync()
    // B meets the excerpt first: the article's document is held back from the server meanwhile.
    const auth = {
      authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`,
    }
    const article = (await (
      await fetch(`${remote.url}/article:${articleId}?attachments=true`, {
        headers: { ...auth, accept: 'application/json' },
      })
    ).json()) as Record<string, unknown>
    const deleted = await fetch(`${remote.url}/article:${articleId}?rev=${String(article._rev)}`, {
      method: 'DELETE',
      headers: auth,
    })
    expect(deleted.status).toBe(200)
    const first = await b.sync()
    expect(first.held).toBe(1)
    expect(b.store.data.excerpts).toEqual([]) // never an excerpt of an article the library lacks
    // The article comes back (A sends it again), and the held excerpt goes in with it.
    await putRawDoc(server, remote.url, {
      ...article,
      _id: `article:${articleId}`,
      _rev: undefined,
      _deleted: undefined,
    })
    const second = await b.sync()
    expect(second.held).toBe(0)
    expect(b.store.data.articles.map((x) => x.id)).toEqual([articleId])
    expect(b.store.data.excerpts.map((x) => x.id)).toEqual([excerpt.id])
  })
})
