import type { LibraryStore } from './store/library-store'
import { ABSOLUTE_PATH, AppearanceSettings, type ExportSettings, type LibrarySettings } from './records'
import { CommonplaceError } from './errors'

/** The library's settings as stored (defaults filled in). */
export function librarySettings(store: LibraryStore): LibrarySettings {
  return structuredClone(store.data.settings)
}

/**
 * Changes the export settings given and keeps the others; resolves once they are on disk. The folder
 * must already be a full path the caller was allowed to name (api/library.ts asks the path policy);
 * null puts back the default.
 */
export async function setExportSettings(
  store: LibraryStore,
  changes: Partial<ExportSettings>,
): Promise<LibrarySettings> {
  const { citations, links, folder } = changes
  if (typeof folder === 'string' && !ABSOLUTE_PATH.test(folder))
    throw new CommonplaceError('INVALID_INPUT', `The export folder must be a full path; ${folder} is not`)
  await store.transact((draft) => {
    if (citations) draft.settings.export.citations = citations
    if (links) draft.settings.export.links = links
    if (folder !== undefined) draft.settings.export.folder = folder
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
