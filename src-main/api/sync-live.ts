import { z } from 'zod'
import { method } from './method'
import type { Library } from '../core/library'
import { fileSyncSecrets } from '../core/sync/sync-secrets'
import { hasReplica } from '../core/sync/session'

/** The sync service of a library, with the password kept where its transport keeps it. */
async function liveSync({ store, syncSecrets }: Library) {
  const { liveSyncOf } = await import('../core/sync/live-sync')
  return liveSyncOf(store, syncSecrets ?? fileSyncSecrets(store.dir))
}

const Progress = z.object({
  step: z.enum(['receiving', 'applying', 'sending']),
  done: z.number(),
  total: z.number(),
})

const SyncState = z.object({
  setup: z
    .object({
      server: z.string(),
      database: z.string(),
      username: z.string(),
      live: z.boolean(),
      hasPassword: z.boolean(),
    })
    .nullable(),
  passwordKeptIn: z.string(),
  activity: z.enum(['off', 'idle', 'syncing', 'error']),
  progress: Progress.nullable(),
  error: z.string().nullable(),
  lastSynced: z.string().nullable(),
  pending: z.number(),
  conflicts: z.number(),
  failures: z.array(z.object({ docId: z.string(), title: z.string(), reason: z.string() })),
  received: z.number(),
})

const Setup = z.object({
  server: z.string().min(1, 'give the server, e.g. https://couch.example.org').max(2000),
  database: z.string().min(1, 'give the database name').max(238),
  username: z.string().max(200),
  /** Omitted: the stored password stays; empty: it is removed. */
  password: z.string().max(1000).optional(),
})

/** A library that never synced: nothing to open, nothing to say but where a password would be kept. */
function notSetUp({ store, syncSecrets }: Library): z.input<typeof SyncState> {
  return {
    setup: null,
    passwordKeptIn: (syncSecrets ?? fileSyncSecrets(store.dir)).where,
    activity: 'off',
    progress: null,
    error: null,
    lastSynced: null,
    pending: 0,
    conflicts: 0,
    failures: [],
    received: 0,
  }
}

/** The app's sync: setup, test, on/off, sync now, and where it stands (the status indicator polls it). */
export const syncLiveMethods = {
  'sync.state': method({
    summary:
      'Where sync stands: setup (never the password), off/idle/syncing/error, progress, last synced, pending changes, conflicts.',
    input: z.object({}),
    output: SyncState,
    handler: async (library) => {
      if (!hasReplica(library.store)) return notSetUp(library)
      return (await liveSync(library)).state()
    },
  }),
  'sync.configure': method({
    summary:
      'Saves the CouchDB server, database and user; the password goes to the keychain (desktop) or a 0600 file outside the library.',
    input: Setup,
    output: SyncState,
    handler: async (library, input) => (await liveSync(library)).configure(input),
  }),
  'sync.test': method({
    summary: 'Checks the saved setup against the server without syncing, and says what it found.',
    input: z.object({}),
    output: z.object({ message: z.string() }),
    handler: async (library) => ({ message: await (await liveSync(library)).test() }),
  }),
  'sync.now': method({
    summary: 'Syncs once now, both ways (progress shows in sync.state).',
    input: z.object({}),
    output: SyncState,
    handler: async (library) => {
      const service = await liveSync(library)
      await service.syncNow()
      return service.state()
    },
  }),
  'sync.start': method({
    summary:
      'Turns live sync on (kept on at the next start): a first sync, then every change both ways as it happens.',
    input: z.object({}),
    output: SyncState,
    handler: async (library) => (await liveSync(library)).start(),
  }),
  'sync.stop': method({
    summary: 'Turns live sync off (kept off at the next start).',
    input: z.object({}),
    output: SyncState,
    handler: async (library) => (await liveSync(library)).stop(),
  }),
}
