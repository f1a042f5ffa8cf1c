import { createServer } from 'node:http'
import PouchDB from 'pouchdb-node'
import memoryAdapter from 'pouchdb-adapter-memory'
import expressPouchDB from 'express-pouchdb'

/**
 * express-pouchdb (the server of pouchdb-server) on 127.0.0.1 at a random port, in memory, with one
 * admin (user and password from the environment). Runs in a process of its own: the server's PouchDB
 * plugins change PouchDB's globals, which the library's own replica must not share. Prints the port.
 */
const Memory = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' })
const app = expressPouchDB(Memory, { inMemoryConfig: true, mode: 'fullCouchDB', logPath: '/dev/null' })
const { COUCH_TEST_USER = 'admin', COUCH_TEST_PASSWORD = '', COUCH_TEST_MAX_DOCUMENT_SIZE } = process.env
// CouchDB's own setting, which express-pouchdb honours too: larger documents are answered 413.
if (COUCH_TEST_MAX_DOCUMENT_SIZE)
  app.couchConfig.set('couchdb', 'max_document_size', COUCH_TEST_MAX_DOCUMENT_SIZE, () => undefined)
app.couchConfig.set('admins', COUCH_TEST_USER, COUCH_TEST_PASSWORD, () => {
  const server = createServer(app)
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${(server.address() as { port: number }).port}\n`)
  })
})
// The test's process ends this one; it also goes when that process dies (its stdin closes).
process.stdin.resume()
process.stdin.on('end', () => process.exit(0))
