import type { LibraryStore } from './store/library-store'
import { AppearanceSettings, type ExportSettings, type LibrarySettings } from './records'

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

/**
 * Changes the appearance settings given and keeps the others; the result is checked against the schema
 * (a size out of range is refused, naming the setting) before anything is written.
 */
export async function setAppearanceSettings(
  store: LibraryStore,
  changes: Partial<AppearanceSettings>,
): Promise<LibrarySettings> {
  const next = AppearanceSettings.parse({ ...store.data.settings.appearance, ...changes })
  await store.transact((draft) => {
    draft.settings.appearance = next
    return {}
  })
  return librarySettings(store)
}
