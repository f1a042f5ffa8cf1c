import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest'
import { createServer } from 'node:http'
import { mkdtemp, readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCouchServer, type CouchServer } from '../../testing/couch-server'
import { addBulkArticles } from '../../testing/bulk-articles'
import { LibraryStore } from '../store/library-store'
import { createNote, renameNote } from '../notes/notes'
import { closeLiveSync, liveSyncOf, type LiveSync } from './live-sync'
import { closeReplica, replicaOf } from './session'
import { syncOnce } from './sync-run'
import { readSetup, remoteConfigOf } from './sync-setup'
import { fileSyncSecrets } from './sync-secrets'
import type { SyncProgress } from './progress'

const POLL = { timeout: 30_000, interval: 100 }

let server: CouchServer
let config: string
const open: LibraryStore[] = []

beforeAll(async () => {
  server = await startCouchServer()
  config = await mkdtemp(join(tmpdir(), 'commonplace-config-'))
})
afterAll(async () => server.close())
afterEach(async () => {
  for (const store of open.splice(0)) {
    await closeLiveSync(store)
    await closeReplica(store)
    await store.close()
  }
})

async function app(name: string): Promise<{ store: LibraryStore; sync: LiveSync }> {
  const store = await LibraryStore.open(await mkdtemp(join(tmpdir(), `commonplace-live-${name}-`)))
  open.push(store)
  return { store, sync: await liveSyncOf(store, fileSyncSecrets(store.dir, { XDG_CONFIG_HOME: config })) }
}

const serverSetup = (database: string, password = server.password) => ({
  server: server.origin,
  database,
  username: server.username,
  password,
})

const newDatabase = () => server.newDatabase().slice(server.origin.length + 1)

describe('the app’s sync', () => {
  it('keeps the password in a 0600 file outside the library, and never says it back', async () => {
    const { store, sync } = await app('setup')
    const state = await sync.configure(serverSetup(newDatabase()))
    expect(state.setup).toMatchObject({
      server: server.origin,
      username: 'admin',
      hasPassword: true,
      live: false,
    })
    expect(JSON.stringify(state)).not.toContain(server.password)
    const [file] = await readdir(join(config, 'commonplace', 'sync-passwords'))
    expect((await stat(join(config, 'commonplace', 'sync-passwords', file!))).mode & 0o777).toBe(0o600)
    expect(JSON.stringify(await readdir(store.dir, { recursive: true }))).not.toContain(file!)
    // Saving again without a password keeps it; an empty one removes it.
    expect(
      (await sync.configure({ ...serverSetup(newDatabase()), password: undefined })).setup?.hasPassword,
    ).toBe(true)
    expect((await sync.configure({ ...serverSetup(newDatabase()), password: '' })).setup?.hasPassword).toBe(
      false,
    )
  })

  it('tests the connection and says what is wrong: password, unreachable, not CouchDB, plain http', async () => {
    const { sync } = await app('test')
    await sync.configure(serverSetup(newDatabase()))
    expect(await sync.test()).toMatch(/does not exist yet: the first sync creates it/)
    await sync.configure(serverSetup(newDatabase(), 'wrong'))
    await expect(sync.test()).rejects.toThrow(/wrong user name or password/)
    const web = createServer((_request, response) => response.end('<html>a web page</html>'))
    await new Promise<void>((done) => web.listen(0, '127.0.0.1', done))
    const { port } = web.address() as { port: number }
    await sync.configure({ ...serverSetup('library'), server: `http://127.0.0.1:${port}` })
    await expect(sync.test()).rejects.toThrow(/is not a CouchDB database/)
    web.closeAllConnections()
    await new Promise<void>((done) => web.close(() => done()))
    await expect(sync.test()).rejects.toThrow(/Cannot reach the sync server .*check the URL/)
    await expect(
      sync.configure({ ...serverSetup('library'), server: 'http://couch.example.org' }),
    ).rejects.toThrow(/must be https:\/\/ .*refused/)
    await expect(sync.configure({ ...serverSetup('Bad Name') })).rejects.toThrow(/not one CouchDB takes/)
  })

  it('syncs live both ways while on, counts pending changes while off', async () => {
    const database = newDatabase()
    const a = await app('a')
    const b = await app('b')
    await a.sync.configure(serverSetup(database))
    await b.sync.configure(serverSetup(database))
    const note = await createNote(a.store, 'Made on A')
    expect((await a.sync.state()).pending).toBeGreaterThan(0)
    expect((await a.sync.start()).activity).toBe('idle')
    expect((await b.sync.start()).activity).toBe('idle')
    expect(b.store.data.notes.map((n) => n.title)).toEqual(['Made on A'])
    await expect.poll(async () => (await a.sync.state()).pending, POLL).toBe(0)
    await renameNote(a.store, note.id, 'Renamed on A, live')
    await expect.poll(() => b.store.data.notes[0]?.title, POLL).toBe('Renamed on A, live')
    const seen = await b.sync.state()
    expect(seen.received).toBeGreaterThan(0)
    expect(seen.lastSynced).not.toBeNull()
    expect(b.store.changedElsewhere).toBeGreaterThan(0) // the window refreshes its lists
    await b.sync.stop()
    await renameNote(b.store, note.id, 'Renamed on B while off')
    await expect.poll(async () => (await b.sync.state()).pending, POLL).toBe(1)
    expect((await b.sync.state()).activity).toBe('off')
    expect((await b.sync.state()).setup?.live).toBe(false)
    await b.sync.syncNow()
    await expect.poll(() => a.store.data.notes[0]?.title, POLL).toBe('Renamed on B while off')
  })

  it('reports the first sync of a big library as progress rising to the total, both ways', async () => {
    const database = newDatabase()
    const a = await app('big')
    await addBulkArticles(a.store, 300)
    const sent = await firstSync(a.store, database)
    const sending = sent.filter((event) => event.step === 'sending')
    expect(sending.length).toBeGreaterThan(2)
    expect(sending.at(-1)).toEqual({ step: 'sending', done: 300, total: 300 }) // untouched settings stay unsent
    expectRising(sending)
    const b = await app('big-b')
    const received = await firstSync(b.store, database)
    for (const step of ['receiving', 'applying'] as const) {
      const events = received.filter((event) => event.step === step)
      expect(events.length).toBeGreaterThan(2)
      expect(events.at(-1)).toEqual({ step, done: 300, total: 300 })
      expectRising(events)
    }
    expect(b.store.data.articles).toHaveLength(300)
  })
})

/** Sets up sync as Settings does and runs one sync, collecting its progress events. */
async function firstSync(store: LibraryStore, database: string): Promise<SyncProgress[]> {
  const secrets = fileSyncSecrets(store.dir, { XDG_CONFIG_HOME: config })
  await (await liveSyncOf(store, secrets)).configure(serverSetup(database))
  const replica = await replicaOf(store)
  const remote = await remoteConfigOf((await readSetup(replica))!, secrets, store.dir)
  const events: SyncProgress[] = []
  await syncOnce(replica, remote, (progress) => events.push({ ...progress }))
  return events
}

function expectRising(events: SyncProgress[]): void {
  for (let i = 1; i < events.length; i++) {
    expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done)
    expect(events[i]!.total).toBe(events[0]!.total)
  }
}
