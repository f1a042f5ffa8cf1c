import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../core/store/library-store'
import { Replica } from '../core/sync/replica'
import { syncOnce, type SyncReport } from '../core/sync/sync-run'
import type { RemoteConfig } from '../core/sync/remote'

/** A temp library with its replica, syncing with one database. */
export interface SyncedLibrary {
  store: LibraryStore
  replica: Replica
  sync(): Promise<SyncReport>
  close(): Promise<void>
}

export async function openSyncedLibrary(remote: RemoteConfig, name: string): Promise<SyncedLibrary> {
  const store = await LibraryStore.open(await mkdtemp(join(tmpdir(), `commonplace-sync-${name}-`)))
  const replica = await Replica.open(store)
  return {
    store,
    replica,
    sync: () => syncOnce(replica, remote),
    close: async () => {
      await replica.close()
      await store.close()
    },
  }
}

/** Every file of a library a user sees (not `.commonplace/`), with the SHA-256 of its bytes. */
export async function fileHashes(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const name = path.slice(dir.length + 1)
    if (name.startsWith('.commonplace') || name === 'library.json') continue
    hashes[name] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex')
  }
  return hashes
}
