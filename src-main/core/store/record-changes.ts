import type { LibraryData } from '../records'
import type { JournalEntry } from './journal'
import {
  decodeRecord,
  KIND_OF_COLLECTION,
  RECORD_KINDS,
  type Collection,
  type RecordKind,
} from './record-files'
import { LibrarySettings } from '../records'

const COLLECTIONS = Object.keys(KIND_OF_COLLECTION) as Collection[]

/** What a transaction changed, record by record: the journal line's content. */
export interface RecordChanges {
  put: [RecordKind, { id: string }][]
  del: [RecordKind, string][]
  settings?: LibraryData['settings']
}

/**
 * The records that differ between two states of the library. Unchanged records keep their identity
 * through a transaction (the draft copies only what it touches), so this compares references.
 */
export function diffRecords(before: LibraryData, after: LibraryData): RecordChanges {
  const changes: RecordChanges = { put: [], del: [] }
  for (const collection of COLLECTIONS) {
    const old = before[collection] as { id: string }[]
    const now = after[collection] as { id: string }[]
    if (old === now) continue
    const kind = KIND_OF_COLLECTION[collection]
    const oldById = new Map(old.map((record) => [record.id, record]))
    const seen = new Set<string>()
    for (const record of now) {
      if (seen.has(record.id)) throw new Error(`two ${kind} records have the id ${record.id}`)
      seen.add(record.id)
      if (oldById.get(record.id) !== record) changes.put.push([kind, record])
    }
    for (const id of oldById.keys()) if (!seen.has(id)) changes.del.push([kind, id])
  }
  if (before.settings !== after.settings) changes.settings = after.settings
  return changes
}

export const isEmpty = (changes: RecordChanges): boolean =>
  changes.put.length === 0 && changes.del.length === 0 && changes.settings === undefined

/**
 * The library after other processes' committed journal lines. Their records are validated like
 * record files: a line this version cannot read is skipped and reported, never applied half.
 */
export function applyEntries(
  data: LibraryData,
  entries: JournalEntry[],
  onChanged: (kind: RecordKind | 'settings', id: string) => void,
  onUnreadable: (reason: string) => void,
): LibraryData {
  let next = data
  for (const entry of entries) {
    if (!('commit' in entry)) continue
    try {
      const puts = entry.put.map(([kind, record]) => {
        const known = kind as RecordKind
        if (!RECORD_KINDS[known]) throw new Error(`unknown record kind ${kind}`)
        const id = (record as { id?: unknown }).id
        return [
          known,
          decodeRecord(known, String(id), JSON.stringify({ schemaVersion: 1, ...(record as object) })),
        ] as const
      })
      const settings = entry.settings === undefined ? undefined : LibrarySettings.parse(entry.settings)
      next = { ...next }
      const touched = new Map<Collection, Map<string, { id: string } | null>>()
      const slot = (kind: RecordKind) => {
        const collection = RECORD_KINDS[kind].collection
        if (!touched.has(collection)) touched.set(collection, new Map())
        return touched.get(collection)!
      }
      for (const [kind, record] of puts) slot(kind).set(record.id, record)
      for (const [kind, id] of entry.del) slot(kind as RecordKind).set(id, null)
      for (const [collection, changes] of touched) {
        const kept = (next[collection] as { id: string }[]).filter((record) => !changes.has(record.id))
        const added = [...changes.values()].filter((record): record is { id: string } => record !== null)
        ;(next as Record<Collection, unknown>)[collection] = [...kept, ...added]
        for (const id of changes.keys()) onChanged(KIND_OF_COLLECTION[collection], id)
      }
      if (settings) {
        next.settings = settings
        onChanged('settings', '')
      }
    } catch (error) {
      onUnreadable(`a journal line of transaction ${entry.tx} (${(error as Error).message})`)
    }
  }
  return next
}
