import { LibraryStore } from './store/library-store'
import type { SyncSecrets } from './sync/sync-secrets'

/** An open library: the store and the few facts about the installation the core needs. */
export interface Library {
  store: LibraryStore
  /** Path of the sample article offered on first launch (resources/sample-article.txt). */
  sampleArticlePath: string
  /** Where the sync password is kept (the desktop app's keychain); a 0600 file outside the library when absent. */
  syncSecrets?: SyncSecrets
}

export async function openLibrary(dir: string, sampleArticlePath: string): Promise<Library> {
  return { store: await LibraryStore.open(dir), sampleArticlePath }
}
