import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest'
import { createServer } from 'node:http'
import { mkdtemp, writeFile, chmod } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { putRawDoc, startCouchServer, type CouchServer } from '../../testing/couch-server'
import { openSyncedLibrary, type SyncedLibrary } from '../../testing/sync-libraries'
import { libraryEntries } from '../../testing/library-files'
import { createNote } from '../notes/notes'
import { importPaths } from '../import/import-files'
import { checkRemoteUrl, readPassword } from './remote'
import { syncOnce } from './sync-run'

let server: CouchServer
const open: SyncedLibrary[] = []
beforeAll(async () => {
  server = await startCouchServer()
})
afterAll(async () => server.close())
afterEach(async () => {
  for (const library of open.splice(0)) await library.close()
})

async function library(url: string, password = server.password) {
  const synced = await openSyncedLibrary({ url, username: server.username, password }, 'errors')
  open.push(synced)
  return synced
}

describe('sync refuses what it must', () => {
  it('rejects wrong-shaped documents from another replica and writes none of them', async () => {
    const url = server.newDatabase()
    const a = await library(url)
    await createNote(a.store, 'A good note')
    await a.sync()
    await putRawDoc(server, url, {
      _id: 'note:n-hostile1',
      kind: 'note',
      record: { id: 'n-hostile1', title: 5 },
    })
    const escape = {
      id: 'a-hostile2',
      title: 'x',
      format: 'text',
      importedAt: 'now',
      wordCount: 1,
      contentHash: 'h',
    }
    await putRawDoc(server, url, {
      _id: 'article:a-hostile2',
      kind: 'article',
      record: { ...escape, originalFile: '../../../outside.txt' },
      _attachments: { 'original.txt': { content_type: 'text/plain', data: 'aGk=' } },
    })
    await putRawDoc(server, url, { _id: 'note:../../x', kind: 'note', record: { id: '../../x' } })
    const b = await library(url)
    const before = await libraryEntries(b.store.dir)
    const report = await b.sync()
    expect(report.rejected.map((r) => r.docId).sort()).toEqual([
      'article:a-hostile2',
      'note:../../x',
      'note:n-hostile1',
    ])
    expect(report.rejected.find((r) => r.docId === 'note:n-hostile1')!.reason).toMatch(/title/)
    expect(b.store.data.notes.map((n) => n.title)).toEqual(['A good note'])
    expect(b.store.data.articles).toEqual([])
    expect((await libraryEntries(b.store.dir)).filter((entry) => !before.includes(entry))).toEqual([
      'library.json',
      'notes',
      `notes/${b.store.data.notes[0]!.id}.json`,
    ])
  })

  it('says when the password is wrong', async () => {
    const b = await library(server.newDatabase(), 'not the password')
    await expect(b.sync()).rejects.toThrow(/wrong user name or password/)
  })

  it('says when the server cannot be reached', async () => {
    const closed = createServer()
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done))
    const { port } = closed.address() as { port: number }
    await new Promise<void>((done) => closed.close(() => done()))
    const b = await library(`http://127.0.0.1:${port}/library`)
    await expect(b.sync()).rejects.toThrow(/Cannot reach the sync server .*ECONNREFUSED/)
  })

  it('says when the server is not CouchDB', async () => {
    const web = createServer((_request, response) => response.end('<html>a web page</html>'))
    await new Promise<void>((done) => web.listen(0, '127.0.0.1', done))
    const { port } = web.address() as { port: number }
    try {
      const b = await library(`http://127.0.0.1:${port}/library`)
      await expect(syncOnce(b.replica, { url: `http://127.0.0.1:${port}/library` })).rejects.toThrow(
        /is not a CouchDB database/,
      )
    } finally {
      web.closeAllConnections()
      await new Promise<void>((done) => web.close(() => done()))
    }
  })

  it('accepts only https:// or loopback http://, without credentials in the URL', () => {
    expect(checkRemoteUrl('https://couch.example.org/notes')).toBe('https://couch.example.org/notes')
    expect(checkRemoteUrl('http://127.0.0.1:5984/notes')).toBe('http://127.0.0.1:5984/notes')
    expect(() => checkRemoteUrl('http://couch.example.org/notes')).toThrow(/must be https/)
    expect(() => checkRemoteUrl('https://me:secret@couch.example.org/notes')).toThrow(/no user or password/)
    expect(() => checkRemoteUrl('https://couch.example.org/')).toThrow(/Name the database/)
  })

  it('reads a password file only outside the library and only when others cannot read it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'commonplace-password-'))
    const file = join(folder, 'couch-password')
    await writeFile(file, 'secret\n')
    await chmod(file, 0o644)
    await expect(readPassword('/elsewhere', file)).rejects.toThrow(/chmod 600/)
    await chmod(file, 0o600)
    expect(await readPassword('/elsewhere', file)).toBe('secret')
    await expect(readPassword(folder, file)).rejects.toThrow(/outside the library folder/)
  })
})

describe('a server with a document size limit', () => {
  it('names the article too large for the server and sends the rest', async () => {
    const small = await startCouchServer({ maxDocumentSize: 200_000 })
    try {
      const remote = { url: small.newDatabase(), username: small.username, password: small.password }
      const a = await openSyncedLibrary(remote, 'limit-a')
      const b = await openSyncedLibrary(remote, 'limit-b')
      open.push(a, b)
      const folder = await mkdtemp(join(tmpdir(), 'commonplace-large-'))
      const large = join(folder, 'large.txt')
      await writeFile(large, 'A very long article.\n\n' + 'Many words in a long paragraph. '.repeat(12_000))
      const [big] = await importPaths(a.store, [large])
      await createNote(a.store, 'Still sent')
      const report = await a.sync()
      expect(report.failures).toEqual([
        {
          docId: `article:${big!.articleId}`,
          title: 'Large',
          reason: expect.stringMatching(/larger than the server accepts/),
        },
      ])
      await b.sync()
      expect(b.store.data.notes.map((n) => n.title)).toEqual(['Still sent'])
      expect(b.store.data.articles).toEqual([])
      // The next sync does not stumble on it again.
      expect((await a.sync()).failures).toEqual([])
    } finally {
      await small.close()
    }
  })
})
