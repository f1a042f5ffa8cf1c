import { join } from 'node:path'
import { STORE_FOLDER } from './library-lock'
import { writeFileDurably } from './durable-file'
import { isMissing, type StoreFs } from './store-fs'
import { KIND_OF_COLLECTION, RECORD_KINDS, listIds, type RecordSet } from './record-files'
import type { JournalEntry } from './journal'

// Opening a library reads every record file: 11,500 files at 10,000 articles took two seconds. The
// snapshot is every record in one file, as the record files stand when a journal epoch begins (a
// compaction writes the files, starts the epoch, then the snapshot). It is derived and never trusted
// blindly: it is used only when its epoch is the journal's, every record in it passes the same
// schema as a record file, and the record folders list exactly its ids (give or take those the
// journal names since). Anything else — missing, damaged, older, a file added or removed by hand —
// and the store reads the record files as before, then writes a fresh snapshot.

export const SNAPSHOT_FILE = join(STORE_FOLDER, 'records.json')
const FORMAT = 'commonplace-records-snapshot'

/** Writes the records as they stand at the start of `epoch` (atomically; a failure only costs speed). */
export async function writeSnapshot(
  fs: StoreFs,
  dir: string,
  epoch: string,
  records: RecordSet,
): Promise<void> {
  const { articles, excerpts, notes } = records
  await writeFileDurably(
    join(dir, SNAPSHOT_FILE),
    JSON.stringify({ format: FORMAT, epoch, articles, excerpts, notes }),
    fs,
  )
}

/** Removes a snapshot that may no longer match (a compaction that could not write a new one). */
export async function dropSnapshot(fs: StoreFs, dir: string): Promise<void> {
  await fs.rm(join(dir, SNAPSHOT_FILE), { force: true })
}

/** The ids a journal's entries name (records put or deleted since its epoch began). */
export function idsNamedIn(entries: JournalEntry[]): Set<string> {
  const ids = new Set<string>()
  for (const entry of entries) {
    if (!('commit' in entry)) continue
    for (const [, record] of entry.put) ids.add(String((record as { id?: unknown }).id))
    for (const [, id] of entry.del) ids.add(id)
  }
  return ids
}

/** The records of the snapshot of `epoch`, or null when it cannot be used (then the files are read). */
export async function readSnapshot(
  fs: StoreFs,
  dir: string,
  epoch: string,
  namedByJournal: Set<string>,
): Promise<RecordSet | null> {
  let raw: unknown
  try {
    raw = JSON.parse(await fs.readFile(join(dir, SNAPSHOT_FILE), 'utf8'))
  } catch (error) {
    if (isMissing(error)) return null
    return null // damaged: the record files are the truth, and the next compaction writes it anew
  }
  const file = raw as Partial<Record<'format' | 'epoch', unknown> & Record<keyof RecordSet, unknown>>
  if (file?.format !== FORMAT || file.epoch !== epoch) return null
  const records: RecordSet = { articles: [], excerpts: [], notes: [] }
  for (const collection of Object.keys(records) as (keyof RecordSet)[]) {
    const kind = KIND_OF_COLLECTION[collection]
    const list = file[collection]
    if (!Array.isArray(list)) return null
    const parsed = RECORD_KINDS[kind].schema.array().safeParse(list)
    if (!parsed.success) return null
    const loaded = parsed.data as { id: string }[]
    ;(records[collection] as unknown[]) = loaded
    const inSnapshot = new Set(loaded.map((record) => record.id))
    const onDisk = new Set(await listIds(fs, dir, kind))
    for (const id of onDisk) if (!inSnapshot.has(id) && !namedByJournal.has(id)) return null
    for (const id of inSnapshot) if (!onDisk.has(id) && !namedByJournal.has(id)) return null
  }
  return records
}
