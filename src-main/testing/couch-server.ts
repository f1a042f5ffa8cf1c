import { createServer, type Server } from 'node:http'
import { randomBytes } from 'node:crypto'
import PouchDB from 'pouchdb-node'
import memoryAdapter from 'pouchdb-adapter-memory'
import expressPouchDB from 'express-pouchdb'

/** A CouchDB-protocol server for tests: where it is, an admin's credentials, and how to stop it. */
export interface CouchServer {
  origin: string
  username: string
  password: string
  /** The URL of a new, empty database (a fresh name each call). */
  newDatabase(): string
  close(): Promise<void>
}

/**
 * A real CouchDB when COUCHDB_URL is set (with COUCHDB_USER and COUCHDB_PASSWORD), otherwise
 * express-pouchdb (the server of pouchdb-server) on 127.0.0.1 at a random port, in memory, with an
 * admin, so that a wrong password is refused as CouchDB refuses it.
 */
export async function startCouchServer(): Promise<CouchServer> {
  const newName = () => `commonplace-test-${randomBytes(6).toString('hex')}`
  if (process.env.COUCHDB_URL) {
    const origin = process.env.COUCHDB_URL.replace(/\/$/, '')
    return {
      origin,
      username: process.env.COUCHDB_USER ?? 'admin',
      password: process.env.COUCHDB_PASSWORD ?? '',
      newDatabase: () => `${origin}/${newName()}`,
      close: async () => undefined,
    }
  }
  const Memory = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' })
  const app = expressPouchDB(Memory, { inMemoryConfig: true, mode: 'fullCouchDB', logPath: '/dev/null' })
  const username = 'admin'
  const password = randomBytes(9).toString('hex')
  await new Promise<void>((done) => app.couchConfig.set('admins', username, password, () => done()))
  const server: Server = createServer(app)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    username,
    password,
    newDatabase: () => `${origin}/${newName()}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
