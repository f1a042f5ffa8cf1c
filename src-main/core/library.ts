import { LibraryStore } from './store/library-store'

/** An open library: the store and the few facts about the installation the core needs. */
export interface Library {
  store: LibraryStore
  /** Path of the sample article offered on first launch (resources/sample-article.txt). */
  sampleArticlePath: string
}

export async function openLibrary(dir: string, sampleArticlePath: string): Promise<Library> {
  return { store: await LibraryStore.open(dir), sampleArticlePath }
}
