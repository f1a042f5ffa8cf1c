import { readFile, stat } from 'node:fs/promises'
import { relative, resolve, isAbsolute } from 'node:path'
import PouchDB from 'pouchdb-node'
import { CommonplaceError } from '../errors'

/** The CouchDB database a library syncs with. The password is never written to the library folder. */
export interface RemoteConfig {
  /** The database's URL, without credentials. */
  url: string
  username?: string
  password?: string
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/** Only https://, or http:// to this machine: a password never crosses a network in clear text. */
export function checkRemoteUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new CommonplaceError('INVALID_INPUT', `The sync server ${JSON.stringify(text)} is not a URL`)
  }
  if (url.username || url.password)
    throw new CommonplaceError(
      'INVALID_INPUT',
      'Put no user or password in the sync URL: give --user, and the password in COMMONPLACE_SYNC_PASSWORD or --password-file',
    )
  const loopback = url.protocol === 'http:' && LOOPBACK.has(url.hostname)
  if (url.protocol !== 'https:' && !loopback)
    throw new CommonplaceError(
      'INVALID_INPUT',
      `The sync server must be https:// (or http:// on this machine): ${url.protocol}//${url.host} is refused`,
    )
  if (url.pathname === '/' || url.pathname === '')
    throw new CommonplaceError('INVALID_INPUT', `Name the database in the sync URL (${url.origin}/mydb)`)
  return url.toString().replace(/\/$/, '')
}

/**
 * The password: COMMONPLACE_SYNC_PASSWORD, or a file readable by its owner alone (0600) that is not
 * inside the library folder.
 */
export async function readPassword(libraryDir: string, passwordFile?: string): Promise<string | undefined> {
  if (!passwordFile) return process.env.COMMONPLACE_SYNC_PASSWORD || undefined
  const file = resolve(passwordFile)
  const inside = relative(libraryDir, file)
  if (!inside.startsWith('..') && !isAbsolute(inside))
    throw new CommonplaceError(
      'INVALID_INPUT',
      `Keep the password file outside the library folder: ${file} is inside it`,
    )
  let mode: number
  try {
    mode = (await stat(file)).mode
  } catch (error) {
    throw new CommonplaceError(
      'NOT_FOUND',
      `Cannot read the password file ${file}: ${(error as Error).message}`,
    )
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new CommonplaceError(
      'INVALID_INPUT',
      `The password file ${file} may be read by others (mode ${(mode & 0o777).toString(8)}); run chmod 600 on it`,
    )
  return (await readFile(file, 'utf8')).replace(/\r?\n$/, '')
}

/** What a check of the server found: the database is there, was created, or is missing (not created). */
export type DatabaseState = 'exists' | 'created' | 'missing'

/**
 * Checks the server, so that the error says what to do: unreachable, a wrong password, not a CouchDB
 * database. A missing database is created when `create` (CouchDB asks an admin for that).
 */
export async function checkRemote(config: RemoteConfig, create = true): Promise<DatabaseState> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (config.username)
    headers.authorization = `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}`
  const ask = async (method: string) => {
    try {
      return await fetch(config.url, { method, headers, signal: AbortSignal.timeout(15_000) })
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause
      throw new CommonplaceError(
        'SYNC_FAILED',
        `Cannot reach the sync server ${config.url} (${cause?.code ?? cause?.message ?? (error as Error).message}); check the URL and that the server runs`,
      )
    }
  }
  let reply = await ask('GET')
  let state: DatabaseState = 'exists'
  if (reply.status === 404 && (await isCouchNotFound(reply))) {
    if (!create) return 'missing'
    reply = await ask('PUT')
    state = 'created'
  }
  if (reply.status === 401 || reply.status === 403)
    throw new CommonplaceError(
      'UNAUTHORIZED',
      `The sync server ${config.url} refused the user ${JSON.stringify(config.username ?? '')}: wrong user name or password`,
    )
  const body = (await reply.json().catch(() => null)) as { db_name?: unknown; ok?: unknown } | null
  if (!reply.ok || !body || (body.db_name === undefined && body.ok !== true))
    throw new CommonplaceError(
      'SYNC_FAILED',
      `${config.url} is not a CouchDB database (it answered ${reply.status} ${reply.statusText}); give the URL of a CouchDB 3 database`,
    )
  return state
}

/** CouchDB says a missing database with `{"error":"not_found"}`; another server's 404 page is not that. */
async function isCouchNotFound(reply: Response): Promise<boolean> {
  const body = (await reply
    .clone()
    .json()
    .catch(() => null)) as { error?: unknown } | null
  return body?.error === 'not_found'
}

/** Checks the server (creating a missing database) and opens it for replication. */
export async function connectRemote(config: RemoteConfig): Promise<PouchDB.Database> {
  await checkRemote(config)
  return new PouchDB(config.url, {
    skip_setup: true,
    ...(config.username ? { auth: { username: config.username, password: config.password ?? '' } } : {}),
  })
}
