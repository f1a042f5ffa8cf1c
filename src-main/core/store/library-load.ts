import { join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { LIBRARY_SCHEMA_VERSION, LibrarySettings, type LibraryData } from '../records'
import { CommonplaceError } from '../errors'
import { isMissing, type StoreFs } from './store-fs'
import { writeFileDurably } from './durable-file'
import {
  libraryFileOfV1,
  readLibraryFile,
  VersionError,
  type LibraryFile,
  type LibraryFileV1,
  type ReadLibraryFile,
} from './migrations'
import {
  encodeRecord,
  mapLimited,
  quarantine,
  readAllRecords,
  recordFile,
  RECORD_KINDS,
  type RecordKind,
  type RecordSet,
  type StoreProblem,
} from './record-files'
import { newestBackup, writeBackupFile } from './backups'
import { readSnapshot, writeSnapshot } from './records-snapshot'

export const INDEX_FILE = 'library.json'

/** lowdb adapter over library.json: parsed and migrated on read (as far as JSON goes), durable on write. */
class LibraryIndexFile implements Adapter<ReadLibraryFile | null> {
  constructor(
    private readonly fs: StoreFs,
    readonly path: string,
  ) {}

  async read(): Promise<ReadLibraryFile | null> {
    let text: string
    try {
      text = await this.fs.readFile(this.path, 'utf8')
    } catch (error) {
      if (isMissing(error)) return null
      throw unreadable(this.path, (error as Error).message)
    }
    return readLibraryFile(JSON.parse(text))
  }

  async write(data: ReadLibraryFile | null): Promise<void> {
    if (!data) throw new Error('refusing to write an empty library.json')
    await writeFileDurably(this.path, JSON.stringify(data.file, null, 2) + '\n', this.fs)
  }
}

export async function writeIndexFile(fs: StoreFs, dir: string, file: LibraryFile): Promise<void> {
  const db = new Low<ReadLibraryFile | null>(new LibraryIndexFile(fs, join(dir, INDEX_FILE)), {
    version: 2,
    file,
  })
  await db.write()
}

function unreadable(path: string, reason: string): CommonplaceError {
  return new CommonplaceError(
    'LIBRARY_UNREADABLE',
    `Cannot read the library file ${path}: ${reason}. Nothing was changed.`,
  )
}

export interface LoadedLibrary {
  state: LibraryData
  indexFile: LibraryFile | null
  problems: StoreProblem[]
}

/**
 * Reads a library under its lock: library.json (a schema-1 index is split into record files first),
 * then every record file. A library.json that is missing or damaged while records exist is rebuilt
 * from them (the damaged one kept aside); with no records at all, the newest backup is restored.
 * A library.json from a newer Commonplace, or with a malformed version, is refused and left untouched.
 */
export async function loadLibrary(
  fs: StoreFs,
  dir: string,
  journal?: { epoch: string; named: Set<string> },
): Promise<LoadedLibrary> {
  const problems: StoreProblem[] = []
  const indexPath = join(dir, INDEX_FILE)
  const db = new Low<ReadLibraryFile | null>(new LibraryIndexFile(fs, indexPath), null)
  let damaged = false
  try {
    await db.read()
  } catch (error) {
    if (error instanceof CommonplaceError) throw error
    if (error instanceof VersionError) throw unreadable(indexPath, error.message)
    const reason =
      error instanceof SyntaxError ? `it is not valid JSON (${error.message})` : (error as Error).message
    const aside = await quarantine(fs, indexPath)
    problems.push({ file: indexPath, reason: `${reason}; it was kept as ${aside}`, action: 'quarantined' })
    damaged = true
  }
  let index = db.data
  if (index?.version === 1) {
    await splitIntoRecordFiles(fs, dir, index.file)
    index = { version: 2, file: libraryFileOfV1(index.file) }
    await writeIndexFile(fs, dir, index.file)
  }
  const snapshot =
    journal && index?.file && !damaged ? await readSnapshot(fs, dir, journal.epoch, journal.named) : null
  const read = snapshot ? { records: snapshot, problems: [] } : await readAllRecords(fs, dir)
  let records = read.records
  problems.push(...read.problems)
  let indexFile = index?.file ?? null
  if (!indexFile) {
    const hasRecords = records.articles.length + records.excerpts.length + records.notes.length > 0
    const backup = await newestBackup(fs, dir)
    if (!hasRecords && backup) {
      await writeRecordFiles(fs, dir, backup.records)
      records = backup.records
      problems.push({
        file: backup.file,
        reason: `library.json was ${damaged ? 'damaged' : 'missing'} and no record files were left: restored the backup of ${backup.takenAt}`,
        action: 'restored',
      })
    }
    if (hasRecords || backup || damaged) {
      indexFile = {
        schemaVersion: LIBRARY_SCHEMA_VERSION,
        settings: backup?.settings ?? LibrarySettings.parse({}),
      }
      await writeIndexFile(fs, dir, indexFile)
      if (hasRecords)
        problems.push({
          file: indexPath,
          reason: `library.json was ${damaged ? 'damaged' : 'missing'}: rebuilt from the record files${backup ? `, settings from the backup of ${backup.takenAt}` : ''}`,
          action: 'rebuilt',
        })
    }
  }
  const settings = indexFile?.settings ?? LibrarySettings.parse({})
  // Read from the files (no snapshot, or one that did not match): the next open need not read them again.
  if (journal && !snapshot) await writeSnapshot(fs, dir, journal.epoch, records).catch(() => undefined)
  return { state: { schemaVersion: LIBRARY_SCHEMA_VERSION, ...records, settings }, indexFile, problems }
}

/** Schema 1 → 2: every record of the old index into its own file; library.json is rewritten after (the commit). */
async function splitIntoRecordFiles(fs: StoreFs, dir: string, v1: LibraryFileV1): Promise<void> {
  // The old index is kept as a backup first: the migration can always be undone by hand.
  await writeBackupFile(
    fs,
    dir,
    { articles: v1.articles, excerpts: v1.excerpts, notes: v1.notes },
    v1.settings,
    'before-schema-2',
  )
  await writeRecordFiles(fs, dir, { articles: v1.articles, excerpts: v1.excerpts, notes: v1.notes })
}

async function writeRecordFiles(fs: StoreFs, dir: string, records: RecordSet): Promise<void> {
  for (const kind of Object.keys(RECORD_KINDS) as RecordKind[]) {
    const all = records[RECORD_KINDS[kind].collection] as { id: string }[]
    await mapLimited(all, 16, (record) =>
      writeFileDurably(join(dir, recordFile(kind, record.id)), encodeRecord(record), fs),
    )
  }
}
