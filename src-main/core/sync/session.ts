import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { LibraryStore } from '../store/library-store'
import { STORE_FOLDER } from '../store/library-lock'
import type { Replica } from './replica'

/**
 * The open replica of each open library: opened on first use (a sync, the conflicts list) and kept
 * while the library is open, so that every later store change is mirrored as it is made.
 */
const replicas = new WeakMap<LibraryStore, Promise<Replica>>()

export function replicaOf(store: LibraryStore): Promise<Replica> {
  let replica = replicas.get(store)
  if (!replica) {
    // Loaded on first use: a CLI command that never syncs never loads PouchDB and LevelDB.
    replica = import('./replica').then(({ Replica }) => Replica.open(store))
    replicas.set(store, replica)
    replica.catch(() => replicas.delete(store))
  }
  return replica
}

/** Closes the library's replica if it is open (before the store closes). */
export async function closeReplica(store: LibraryStore): Promise<void> {
  const replica = replicas.get(store)
  if (!replica) return
  replicas.delete(store)
  await (await replica).close()
}

/**
 * Whether this library has a replica (it synced, or sync was set up) or has one open: a window asking
 * where sync stands must not build a replica of a library that never syncs.
 */
export function hasReplica(store: LibraryStore): boolean {
  // replica.ts's REPLICA_FOLDER, named here so that asking does not load PouchDB.
  return replicas.has(store) || existsSync(join(store.dir, STORE_FOLDER, 'replica'))
}
