import type { LibraryStore } from './store/library-store'
import type { ExportSettings, LibrarySettings } from './records'

/** The library's settings as stored (defaults filled in). */
export function librarySettings(store: LibraryStore): LibrarySettings {
  return structuredClone(store.data.settings)
}

/** Changes the export settings given and keeps the others; resolves once they are on disk. */
export async function setExportSettings(
  store: LibraryStore,
  changes: Partial<ExportSettings>,
): Promise<LibrarySettings> {
  await store.transact((draft) => {
    const { citations, links } = changes
    if (citations) draft.settings.export.citations = citations
    if (links) draft.settings.export.links = links
    return {}
  })
  return librarySettings(store)
}
