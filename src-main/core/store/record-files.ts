import { join } from 'node:path'
import type { z } from 'zod'
import { Article, Excerpt, NoteSummary, RECORD_SCHEMA_VERSION } from '../records'
import { isIdOf, type IdKind } from '../ids'
import { isMissing, type StoreFs } from './store-fs'

/**
 * One file per record, so that a change writes kilobytes and a lost index can be rebuilt:
 *   articles/<id>/article.json   beside the article's bodies
 *   excerpts/<id>.json
 *   notes/<id>.meta.json         beside the note's content, notes/<id>.json
 * Each holds `{ "schemaVersion": 1, …the record }`; fields this version does not know are kept.
 */
export const RECORD_KINDS = {
  article: {
    idKind: 'a',
    collection: 'articles',
    schema: Article.loose(),
    file: (id: string) => `articles/${id}/article.json`,
  },
  excerpt: {
    idKind: 'ex',
    collection: 'excerpts',
    schema: Excerpt.loose(),
    file: (id: string) => `excerpts/${id}.json`,
  },
  note: {
    idKind: 'n',
    collection: 'notes',
    schema: NoteSummary.loose(),
    file: (id: string) => `notes/${id}.meta.json`,
  },
} as const satisfies Record<
  string,
  { idKind: IdKind; collection: string; schema: z.ZodType; file: (id: string) => string }
>

export type RecordKind = keyof typeof RECORD_KINDS
export type Collection = (typeof RECORD_KINDS)[RecordKind]['collection']
export const KIND_OF_COLLECTION: Record<Collection, RecordKind> = {
  articles: 'article',
  excerpts: 'excerpt',
  notes: 'note',
}

/** Every record of a library, as read from its files. */
export interface RecordSet {
  articles: Article[]
  excerpts: Excerpt[]
  notes: NoteSummary[]
}

/** A file the store could not use: what it did with it, and why. */
export interface StoreProblem {
  file: string
  reason: string
  /**
   * quarantined: renamed aside (kept, never deleted); orphan: a body whose record is missing; rebuilt or
   * restored: library.json made anew from the record files or a backup; failed: a write that did not happen.
   */
  action: 'quarantined' | 'orphan' | 'rebuilt' | 'restored' | 'failed'
}

/** The path of a record's file, built only from a validated id (a malformed id is refused, never joined). */
export function recordFile(kind: RecordKind, id: string): string {
  const { idKind, file } = RECORD_KINDS[kind]
  if (!isIdOf(idKind, id))
    throw new Error(`Refusing to name a file after the malformed ${kind} id ${JSON.stringify(id)}`)
  return file(id)
}

export const encodeRecord = (record: object): string =>
  JSON.stringify({ schemaVersion: RECORD_SCHEMA_VERSION, ...record }, null, 2) + '\n'

/** Parses a record file's text; throws with the reason a person can act on. */
export function decodeRecord(kind: RecordKind, id: string, text: string): RecordSet[Collection][number] {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new Error(`it is not valid JSON (${(error as Error).message})`, { cause: error })
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error('it does not hold a record')
  const { schemaVersion, ...fields } = raw as Record<string, unknown>
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1)
    throw new Error(`its schemaVersion ${JSON.stringify(schemaVersion)} is not a version number`)
  if (schemaVersion > RECORD_SCHEMA_VERSION)
    throw new Error(`it was written by a newer Commonplace (record schema ${schemaVersion})`)
  const parsed = RECORD_KINDS[kind].schema.safeParse(fields)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `invalid content at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'rejected'}`,
    )
  }
  if (parsed.data.id !== id) throw new Error(`it holds the record ${parsed.data.id}, not ${id}`)
  return parsed.data
}

/** Ids of the records of one kind that have a file, from the folder listing (foreign names are skipped). */
export async function listIds(fs: StoreFs, dir: string, kind: RecordKind): Promise<string[]> {
  const folder = join(dir, RECORD_KINDS[kind].collection)
  let names: string[]
  try {
    names = await fs.readdir(folder)
  } catch (error) {
    // No folder, or a file in its place (which the first write of that kind will report): no records.
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return []
    throw error
  }
  const suffix = kind === 'excerpt' ? '.json' : kind === 'note' ? '.meta.json' : ''
  const ids = names
    .filter((name) => name.endsWith(suffix))
    .map((name) => name.slice(0, name.length - suffix.length))
  return ids.filter((id) => isIdOf(RECORD_KINDS[kind].idKind, id))
}

/**
 * Reads every record file. A file that cannot be used is renamed aside (`….corrupt-<time>`), kept,
 * and reported; the others load. An article folder with bodies but no article.json is reported too.
 */
export async function readAllRecords(
  fs: StoreFs,
  dir: string,
): Promise<{ records: RecordSet; problems: StoreProblem[] }> {
  const problems: StoreProblem[] = []
  const records: RecordSet = { articles: [], excerpts: [], notes: [] }
  for (const kind of Object.keys(RECORD_KINDS) as RecordKind[]) {
    const ids = await listIds(fs, dir, kind)
    const loaded = await mapLimited(ids, 32, async (id) => {
      const file = join(dir, recordFile(kind, id))
      let text: string
      try {
        text = await fs.readFile(file, 'utf8')
      } catch (error) {
        // An article folder whose record is not written yet (it may be in the journal): the store decides.
        if (isMissing(error) && kind === 'article') return null
        throw error
      }
      try {
        return decodeRecord(kind, id, text)
      } catch (error) {
        problems.push({ file, reason: (error as Error).message, action: 'quarantined' })
        await quarantine(fs, file)
        return null
      }
    })
    const collection = records[RECORD_KINDS[kind].collection] as unknown[]
    for (const record of loaded) if (record) collection.push(record)
  }
  return { records, problems }
}

/** Moves an unusable file aside under a name that says so; it is kept for the user, never deleted. */
export async function quarantine(fs: StoreFs, file: string): Promise<string> {
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
  await fs.rename(file, aside)
  return aside
}

/** Runs `work` over `items` with at most `limit` at a time, keeping their order. */
export async function mapLimited<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
