import { CommonplaceError } from '../errors'
import type { Replica } from './replica'
import { checkRemoteUrl, type RemoteConfig } from './remote'
import { secretKeyOf, type SyncSecrets } from './sync-secrets'

/** Where this library syncs to, as the Settings screen shows it. Kept in the replica, never synced. */
export interface SyncSetup {
  /** The CouchDB server, e.g. https://couch.example.org (https://, or http:// on this machine). */
  server: string
  /** The database's name on that server. */
  database: string
  /** The CouchDB user ('' for a server without users). */
  username: string
  /** Whether the app keeps syncing while it runs. */
  live: boolean
}

const SETUP = 'setup'

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/

export function readSetup(replica: Replica): Promise<SyncSetup | null> {
  return replica.local.get<SyncSetup>(SETUP)
}

export async function writeSetup(replica: Replica, setup: SyncSetup): Promise<void> {
  await replica.local.put(SETUP, setup)
}

/** The database's URL from a setup: checked (https or loopback, no credentials inside). */
export function databaseUrl(setup: Pick<SyncSetup, 'server' | 'database'>): string {
  const database = setup.database.trim()
  if (!DATABASE_NAME.test(database))
    throw new CommonplaceError(
      'INVALID_INPUT',
      `The database name ${JSON.stringify(database)} is not one CouchDB takes: lower-case letters, digits and _$()+-/, starting with a letter`,
    )
  const server = setup.server.trim().replace(/\/+$/, '')
  let origin: URL
  try {
    origin = new URL(server)
  } catch {
    throw new CommonplaceError('INVALID_INPUT', `The sync server ${JSON.stringify(server)} is not a URL`)
  }
  if (origin.search || origin.hash)
    throw new CommonplaceError('INVALID_INPUT', `Give the sync server without ?… or #…: ${server}`)
  return checkRemoteUrl(`${server}/${encodeURIComponent(database)}`)
}

/** What replicating needs: the database's URL, the user and the password from where it is kept. */
export async function remoteConfigOf(
  setup: SyncSetup,
  secrets: SyncSecrets,
  libraryDir: string,
): Promise<RemoteConfig> {
  const password = await secrets.read(secretKeyOf(libraryDir))
  return {
    url: databaseUrl(setup),
    ...(setup.username ? { username: setup.username, password: password ?? '' } : {}),
  }
}
