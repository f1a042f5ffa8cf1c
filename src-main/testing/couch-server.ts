import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { once } from 'node:events'

/** A CouchDB-protocol server for tests: where it is, an admin's credentials, and how to stop it. */
export interface CouchServer {
  origin: string
  username: string
  password: string
  /** The URL of a new, empty database (a fresh name each call). */
  newDatabase(): string
  close(): Promise<void>
}

const newName = () => `commonplace-test-${randomBytes(6).toString('hex')}`

/**
 * A real CouchDB when COUCHDB_URL is set (with COUCHDB_USER and COUCHDB_PASSWORD), otherwise
 * express-pouchdb in a process of its own (couch-server-main.ts) on 127.0.0.1 at a random port,
 * with an admin, so that a wrong password is refused as CouchDB refuses it.
 */
export async function startCouchServer(options: { maxDocumentSize?: number } = {}): Promise<CouchServer> {
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
  const username = 'admin'
  const password = randomBytes(9).toString('hex')
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'couch-server-main.ts')],
    {
      env: {
        ...process.env,
        COUCH_TEST_USER: username,
        COUCH_TEST_PASSWORD: password,
        COUCH_TEST_MAX_DOCUMENT_SIZE: options.maxDocumentSize ? String(options.maxDocumentSize) : '',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  let output = ''
  child.stdout.setEncoding('utf8')
  const port = await new Promise<number>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the test CouchDB server stopped (exit ${code})`)))
    child.stdout.on('data', (text: string) => {
      output += text
      if (output.includes('\n')) resolve(Number(output.trim()))
    })
  })
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    username,
    password,
    newDatabase: () => `${origin}/${newName()}`,
    close: async () => {
      const exited = once(child, 'exit')
      child.kill()
      await exited
    },
  }
}

const basicAuth = (server: CouchServer) =>
  `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`

/** A document as the server holds it (attachments as stubs), read straight from the server. */
export async function getRawDoc(
  server: CouchServer,
  dbUrl: string,
  docId: string,
): Promise<Record<string, unknown>> {
  const reply = await fetch(`${dbUrl}/${encodeURIComponent(docId)}`, {
    headers: { authorization: basicAuth(server) },
  })
  if (!reply.ok) throw new Error(`GET ${docId}: ${reply.status} ${await reply.text()}`)
  return (await reply.json()) as Record<string, unknown>
}

/** Writes a document straight into the server, as a hostile or out-of-order replica would. */
export async function putRawDoc(
  server: CouchServer,
  dbUrl: string,
  doc: Record<string, unknown>,
): Promise<void> {
  const reply = await fetch(`${dbUrl}/${encodeURIComponent(String(doc._id))}`, {
    method: 'PUT',
    headers: { authorization: basicAuth(server), 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  })
  if (reply.status !== 201) throw new Error(`PUT ${String(doc._id)}: ${reply.status} ${await reply.text()}`)
}
