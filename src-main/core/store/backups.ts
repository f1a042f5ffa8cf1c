import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzip, gunzip } from 'node:zlib'
import { z } from 'zod'
import { Article, Excerpt, LIBRARY_SCHEMA_VERSION, LibrarySettings, NoteSummary } from '../records'
import { writeFileDurably } from './durable-file'
import { isMissing, type StoreFs } from './store-fs'
import type { RecordSet } from './record-files'
import { STORE_FOLDER } from './library-lock'

const BACKUP_FOLDER = join(STORE_FOLDER, 'backups')
const KEEP_LATEST = 10
const KEEP_DAILY_DAYS = 7
/** An automatic backup is taken when the newest is older than this (checked on open and after compaction). */
export const BACKUP_EVERY_MS = 60 * 60 * 1000

/** One backup file: every record and the settings, gzipped JSON, validated when read. */
const BackupFile = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  takenAt: z.string(),
  settings: LibrarySettings,
  articles: z.array(Article.loose()),
  excerpts: z.array(Excerpt.loose()),
  notes: z.array(NoteSummary.loose()),
})

export interface Backup {
  file: string
  takenAt: string
  records: RecordSet
  settings: z.infer<typeof LibrarySettings>
}

const NAME = /^library-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)\.([a-z0-9-]+)\.json\.gz$/

/** Writes a backup of these records; `label` says why (auto, or before-schema-2 …). Returns its path. */
export async function writeBackupFile(
  fs: StoreFs,
  dir: string,
  records: RecordSet,
  settings: z.infer<typeof LibrarySettings>,
  label = 'auto',
): Promise<string> {
  const takenAt = new Date().toISOString()
  const content = { schemaVersion: LIBRARY_SCHEMA_VERSION, takenAt, settings, ...records }
  const bytes = await promisify(gzip)(Buffer.from(JSON.stringify(content)))
  const file = join(dir, BACKUP_FOLDER, `library-${takenAt.replace(/[:.]/g, '-')}.${label}.json.gz`)
  await fs.mkdir(join(dir, BACKUP_FOLDER), { recursive: true })
  await writeFileDurably(file, bytes, fs)
  await rotateBackups(fs, dir)
  return file
}

/** Backup files, newest first, with when each was taken. */
export async function listBackups(
  fs: StoreFs,
  dir: string,
): Promise<{ file: string; takenAt: string; label: string }[]> {
  let names: string[]
  try {
    names = await fs.readdir(join(dir, BACKUP_FOLDER))
  } catch (error) {
    if (isMissing(error)) return []
    throw error
  }
  return names
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((entry) => entry.match)
    .map(({ name, match }) => ({
      file: join(dir, BACKUP_FOLDER, name),
      takenAt: match![1]!.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z/, 'T$1:$2:$3.$4Z'),
      label: match![2]!,
    }))
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt))
}

/** Reads and validates one backup; throws with the reason when it cannot be used. */
export async function readBackup(fs: StoreFs, file: string): Promise<Backup> {
  const bytes = await fs.readFile(file)
  const parsed = BackupFile.safeParse(JSON.parse((await promisify(gunzip)(bytes)).toString('utf8')))
  if (!parsed.success) throw new Error(`the backup ${file} is not valid: ${parsed.error.issues[0]?.message}`)
  const { takenAt, settings, articles, excerpts, notes } = parsed.data
  return { file, takenAt, settings, records: { articles, excerpts, notes } }
}

/** The newest backup that reads and validates, or null. */
export async function newestBackup(fs: StoreFs, dir: string): Promise<Backup | null> {
  for (const { file } of await listBackups(fs, dir)) {
    try {
      return await readBackup(fs, file)
    } catch {
      // A damaged backup is passed over; the next older one may do.
    }
  }
  return null
}

/** Takes an automatic backup when the newest is older than BACKUP_EVERY_MS. */
export async function backupIfDue(
  fs: StoreFs,
  dir: string,
  records: RecordSet,
  settings: z.infer<typeof LibrarySettings>,
  now = Date.now(),
): Promise<string | null> {
  const newest = (await listBackups(fs, dir))[0]
  if (newest && now - Date.parse(newest.takenAt) < BACKUP_EVERY_MS) return null
  return writeBackupFile(fs, dir, records, settings)
}

/** Keeps the newest backups and the newest of each of the last days; the ones made before a migration stay. */
async function rotateBackups(fs: StoreFs, dir: string): Promise<void> {
  const backups = await listBackups(fs, dir)
  const keep = new Set(backups.slice(0, KEEP_LATEST).map((b) => b.file))
  const days = new Set<string>()
  for (const backup of backups) {
    const day = backup.takenAt.slice(0, 10)
    if (!days.has(day) && days.size < KEEP_DAILY_DAYS) {
      days.add(day)
      keep.add(backup.file)
    }
    if (backup.label !== 'auto') keep.add(backup.file)
  }
  for (const backup of backups) if (!keep.has(backup.file)) await fs.rm(backup.file, { force: true })
}
