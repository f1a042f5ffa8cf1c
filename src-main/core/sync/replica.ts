import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import PouchDB from 'pouchdb-node'
import type { LibraryStore } from '../store/library-store'
import { STORE_FOLDER } from '../store/library-lock'
import { diffRecords } from '../store/record-changes'
import { emptyLibrary, type LibraryData } from '../records'
import { CommonplaceError } from '../errors'
import { LocalDocs, type Base } from './local-docs'
import {
  canonical,
  contentHash,
  docIdOf,
  fromPouchDoc,
  hashOfContent,
  readLocal,
  SETTINGS_DOC,
  toPouchDoc,
  type DocContent,
} from './replica-docs'

export const REPLICA_FOLDER = 'replica'

/** A document as PouchDB returns it, with the fields sync reads. */
export type PouchDoc = Record<string, unknown> & {
  _id: string
  _rev: string
  _deleted?: boolean
  _conflicts?: string[]
  _revisions?: { start: number; ids: string[] }
}

/** A document another replica sent that was not written, and why. */
export interface Rejection {
  docId: string
  rev: string
  reason: string
}

/**
 * The library's PouchDB replica (`.commonplace/replica/`, LevelDB): derived bookkeeping, rebuilt from
 * the records when deleted. Every store change is mirrored into it, one document per record, in the
 * order the store made them (one queue); each document's base (the revision the library last matched)
 * says whether a change came from here or from another replica.
 */
export class Replica {
  private queue: Promise<unknown> = Promise.resolve()
  private seen: LibraryData
  private readonly bases = new Map<string, Base | null>()
  private readonly stopListening: () => void
  readonly local: LocalDocs
  /** Problems met while mirroring (a body file missing): reported, the rest goes on. */
  readonly problems: string[] = []

  private constructor(
    readonly store: LibraryStore,
    readonly db: PouchDB.Database,
  ) {
    this.local = new LocalDocs(db)
    this.seen = store.data as LibraryData
    this.stopListening = store.onChange(() => this.noticeStoreChange())
  }

  /** Opens the library's replica and brings it up to date with the library. */
  static async open(store: LibraryStore): Promise<Replica> {
    const path = join(store.dir, STORE_FOLDER, REPLICA_FOLDER)
    let db: PouchDB.Database
    try {
      db = new PouchDB(path, { auto_compaction: false })
      await db.info()
    } catch (error) {
      throw new CommonplaceError(
        'LIBRARY_BUSY',
        `Cannot open the sync replica ${path}: ${(error as Error).message}. Is another Commonplace syncing this library?`,
      )
    }
    const replica = new Replica(store, db)
    await replica.reconcile()
    return replica
  }

  async close(): Promise<void> {
    this.stopListening()
    await this.run(async () => undefined)
    await this.db.close()
  }

  /** Runs `job` after every mirror, apply and resolve queued before it. */
  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Waits until every change the store made so far is in the replica. */
  settled(): Promise<void> {
    return this.run(async () => undefined)
  }

  private noticeStoreChange(): void {
    const now = this.store.data as LibraryData
    const changes = diffRecords(this.seen, now)
    this.seen = now
    const ids = [
      ...changes.put.map(([kind, record]) => docIdOf(kind, record.id)),
      ...changes.del.map(([kind, id]) => docIdOf(kind, id)),
      ...(changes.settings ? [SETTINGS_DOC] : []),
    ]
    for (const docId of ids) void this.run(() => this.mirror(docId)).catch(() => undefined)
  }

  /** Every record whose replica document differs from it is written; records gone are deleted there. */
  async reconcile(): Promise<void> {
    await this.run(async () => {
      const data = this.store.data
      this.seen = data as LibraryData
      const present = new Set<string>([SETTINGS_DOC])
      for (const article of data.articles) present.add(docIdOf('article', article.id))
      for (const excerpt of data.excerpts) present.add(docIdOf('excerpt', excerpt.id))
      for (const note of data.notes) present.add(docIdOf('note', note.id))
      for (const docId of present) await this.mirror(docId)
      // Documents this library held (it has a base for them) whose records were removed while closed.
      const all = await this.db.allDocs()
      for (const row of all.rows) if (!present.has(row.id)) await this.mirror(row.id)
    })
  }

  async base(docId: string): Promise<Base | null> {
    if (!this.bases.has(docId)) this.bases.set(docId, await this.local.get<Base>(`base:${docId}`))
    return this.bases.get(docId)!
  }

  async setBase(docId: string, base: Base): Promise<void> {
    await this.local.put(`base:${docId}`, base)
    this.bases.set(docId, base)
  }

  /**
   * Writes the library's version of a document into the replica when it differs from its base: on
   * top of the base, so that when another replica changed it too, both versions stand as a conflict.
   * Call inside `run`.
   */
  async mirror(docId: string): Promise<void> {
    let content: DocContent | null
    try {
      content = await readLocal(this.store, docId)
    } catch (error) {
      this.problems.push(`${docId} was not synced: ${(error as Error).message}`)
      return
    }
    const hash = hashOfContent(content)
    const base = await this.base(docId)
    if (base?.hash === hash) return
    if (!base) {
      if (!content) return
      const existing = await this.getOrNull(docId)
      if (existing && !existing._deleted) {
        // A replica rebuilt, or a record another replica sent first: the same content needs no write.
        if (this.hashOfStored(existing) === hash) return this.setBase(docId, { rev: existing._rev, hash })
      } else if (docId === SETTINGS_DOC && canonical(content.value) === canonical(emptyLibrary().settings)) {
        return // untouched defaults: another library's settings are taken instead
      }
    }
    const rev = await this.writeOnBase(docId, content, base?.rev ?? null)
    await this.setBase(docId, { rev, hash })
  }

  /** Writes a version as a child of `baseRev` (a sibling of the newer revisions if it is not a leaf). */
  async writeOnBase(docId: string, content: DocContent | null, baseRev: string | null): Promise<string> {
    const body = content ? toPouchDoc(content) : { _id: docId, _deleted: true }
    try {
      if (baseRev || content)
        return (await this.db.put({ ...body, ...(baseRev ? { _rev: baseRev } : {}) })).rev
    } catch (error) {
      if ((error as { status?: number }).status !== 409) throw error
    }
    if (!content && !baseRev) return 'deleted'
    const ancestry = baseRev ? await this.revisionsOf(docId, baseRev) : { start: 0, ids: [] }
    const id = randomBytes(16).toString('hex')
    const rev = `${ancestry.start + 1}-${id}`
    const written = await this.db.bulkDocs(
      [{ ...body, _rev: rev, _revisions: { start: ancestry.start + 1, ids: [id, ...ancestry.ids] } }],
      { new_edits: false },
    )
    const failed = written.find((result) => 'error' in result && result.error)
    if (failed) throw new Error(`could not write ${docId}: ${(failed as { message?: string }).message}`)
    return rev
  }

  /** Removes one leaf revision (a version given up in a merge or a resolved conflict). */
  async removeLeaf(docId: string, rev: string): Promise<string> {
    return (await this.db.put({ _id: docId, _rev: rev, _deleted: true })).rev
  }

  /** One revision with its attachments as bytes and its ancestry, or null if this replica lacks it. */
  async loadRev(docId: string, rev: string): Promise<PouchDoc | null> {
    try {
      return (await this.db.get(docId, { rev, revs: true, attachments: true, binary: true })) as PouchDoc
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null
      throw error
    }
  }

  /** The winning revision (with its conflicts), or a stand-in `{ _deleted: true }` for a deleted one. */
  async winner(docId: string): Promise<PouchDoc | null> {
    const doc = await this.getOrNull(docId, { conflicts: true })
    if (doc) return doc
    const [row] = (await this.db.allDocs({ keys: [docId] })).rows as {
      value?: { rev: string; deleted?: boolean }
    }[]
    return row?.value?.deleted ? { _id: docId, _rev: row.value.rev, _deleted: true } : null
  }

  async getOrNull(docId: string, options: PouchDB.GetOptions = {}): Promise<PouchDoc | null> {
    try {
      return (await this.db.get(docId, options)) as PouchDoc
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null
      throw error
    }
  }

  private async revisionsOf(docId: string, rev: string): Promise<{ start: number; ids: string[] }> {
    const doc = await this.getOrNull(docId, { rev, revs: true })
    if (doc?._revisions) return doc._revisions
    const [start, id] = rev.split('-') as [string, string]
    return { start: Number(start), ids: [id] }
  }

  /** The content hash of a stored revision, from its attachment digests (no bodies read). */
  private hashOfStored(doc: PouchDoc): string | null {
    const attachments = (doc._attachments ?? {}) as Record<string, { digest: string }>
    try {
      const { value } = fromPouchDoc(doc, { bodies: false })
      return contentHash(
        value,
        Object.fromEntries(Object.entries(attachments).map(([n, a]) => [n, a.digest])),
      )
    } catch {
      return null
    }
  }
}
