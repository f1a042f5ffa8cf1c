import type { LibraryStore, BodyWrite } from '../store/library-store'
import type { LibraryData } from '../records'
import { RECORD_KINDS } from '../store/record-files'
import { bodyNames, bodyPath, canonical, parseDocId, type DocContent } from './replica-docs'

/** The library changed while a remote change was being decided on: decide again. */
export class LocalChangedMeanwhile extends Error {}

/** The record (or settings) a library holds for a document, or null. */
export function localValue(data: Readonly<LibraryData>, docId: string): unknown {
  const parsed = parseDocId(docId)
  if (!parsed) return null
  if (parsed.kind === 'settings') return data.settings
  const collection = data[RECORD_KINDS[parsed.kind].collection] as { id: string }[]
  return collection.find((record) => record.id === parsed.id) ?? null
}

/**
 * Puts a validated document into the library through the store (one transaction: record and bodies,
 * atomic and durable), or removes its record when `content` is null. `expected` is the record the
 * decision was made on: if the library holds another by now, nothing is written and the caller decides
 * again, so a local edit made meanwhile is never overwritten.
 */
export async function applyToStore(
  store: LibraryStore,
  docId: string,
  content: DocContent | null,
  expected: unknown,
): Promise<void> {
  const parsed = parseDocId(docId)
  if (!parsed) return
  const { kind, id } = parsed
  await store.transact((draft) => {
    if (canonical(localValue(draft, docId)) !== canonical(expected)) throw new LocalChangedMeanwhile(docId)
    if (kind === 'settings') {
      if (content) draft.settings = content.value as LibraryData['settings']
      return {}
    }
    const collection = RECORD_KINDS[kind].collection
    const records = draft[collection] as { id: string }[]
    const index = records.findIndex((record) => record.id === id)
    const before = index >= 0 ? (records[index] as Record<string, unknown>) : null
    if (!content) {
      if (index < 0) return {}
      records.splice(index, 1)
      if (kind === 'article') return { removeBodies: [`articles/${id}`] }
      return { removeBodies: bodyNames(kind, before!).map((name) => bodyPath(kind, id, name, before!)) }
    }
    if (index >= 0) records[index] = content.value as never
    else records.push(content.value as never)
    const bodies: BodyWrite[] = [...content.bodies].map(([name, bytes]) => ({
      path: bodyPath(kind, id, name, content.value),
      content: bytes,
    }))
    // An original of another type than the one it replaces goes after the commit (and an excerpt's
    // picture when the excerpt moved to another article's folder: it never does, but the path says so).
    const stale = before
      ? bodyNames(kind, before)
          .map((name) => bodyPath(kind, id, name, before))
          .filter((path) => !bodies.some((body) => body.path === path))
      : []
    return { bodies, removeBodies: stale }
  })
}
