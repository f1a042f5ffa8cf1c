import type { MethodOutput } from '../../src-main/api/contract'
import { api } from '../api'
import { readFileForUpload } from './read-files'
import { ImportQueue, isLocalFile, type ImportItem } from './import-queue'
import type { ImportOutcome } from './import-outcomes'

type ImportFormats = MethodOutput<'articles.formats'>

let formats: Promise<ImportFormats> | null = null

/** What the importers accept (extensions, size limit), asked once and then remembered. */
export function importFormats(): Promise<ImportFormats> {
  formats ??= api.call('articles.formats', {}).catch((error: unknown) => {
    // Asked again next time: a passing failure must not disable import for the whole session.
    formats = null
    throw error
  })
  return formats
}

/** Sends one file to the importer; any failure, even of the call itself, comes back as a failed outcome. */
export async function importFile(item: ImportItem): Promise<ImportOutcome> {
  const failed = (message: string): ImportOutcome => ({
    name: item.name,
    status: 'failed',
    articleId: null,
    title: null,
    message: message.includes(item.name) ? message : `${item.name}: ${message}`,
  })
  try {
    // A granted file is read by the core where the file is; the core checks its size and type.
    if (isLocalFile(item)) {
      const [outcome] = await api.call('articles.importPaths', { paths: [item.grant] })
      return outcome ?? failed('the import gave no answer')
    }
    const { maxBytes } = await importFormats()
    // Refused before reading: a huge file would take long to encode only to be turned away.
    if (item.size > maxBytes) {
      return failed(
        `${item.name} is larger than the import limit of ${Math.round(maxBytes / 1024 / 1024)} MB`,
      )
    }
    const upload = await readFileForUpload(item)
    const [outcome] = await api.call('articles.import', { files: [upload] })
    return outcome ?? failed('the import gave no answer')
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error))
  }
}

/** The window's one import queue: the file chooser, the folder chooser and drops all feed it. */
export const importQueue = new ImportQueue(importFile)
