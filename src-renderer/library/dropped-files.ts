import { importableFiles } from './importable-files'

/**
 * The files of a drop, with dropped folders walked recursively. Files dropped on their own are all
 * kept (the importer names the reason if one cannot be read); from folders only what an importer accepts.
 * The entries must be taken during the drop event: the browser empties the DataTransfer afterwards.
 */
export function takeDroppedEntries(dataTransfer: DataTransfer): (FileSystemEntry | File)[] {
  const taken: (FileSystemEntry | File)[] = []
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue
    // A drop made by a script (or an old browser) has no entries, only files.
    const entry = item.webkitGetAsEntry() ?? item.getAsFile()
    if (entry) taken.push(entry)
  }
  return taken
}

/** Reads the taken entries into files: loose files as they are, folders' importable files. */
export async function filesOfEntries(
  entries: (FileSystemEntry | File)[],
  extensions: string[],
): Promise<{ files: File[]; skipped: number }> {
  const loose: File[] = []
  const inFolders: File[] = []
  for (const entry of entries) {
    if (entry instanceof File) loose.push(entry)
    else if (isFile(entry)) loose.push(await fileOf(entry))
    else if (isDirectory(entry)) inFolders.push(...(await filesUnder(entry)))
  }
  const fromFolders = importableFiles(inFolders, extensions)
  return { files: [...loose, ...fromFolders.files], skipped: fromFolders.skipped }
}

async function filesUnder(directory: FileSystemDirectoryEntry): Promise<File[]> {
  if (directory.name.startsWith('.')) return []
  const files: File[] = []
  const reader = directory.createReader()
  // readEntries answers in batches (about 100 in Chromium) until it answers with none.
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
    for (const entry of [...batch].sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue
      if (isFile(entry)) files.push(await fileOf(entry))
      else if (isDirectory(entry)) files.push(...(await filesUnder(entry)))
    }
  }
  return files
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject))
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory
}
