import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { setImmediate as yieldToEvents } from 'node:timers/promises'
import type { LibraryStore } from '../store/library-store'
import { SearchDb, type DocKind, type IndexedDoc, type SearchFilters, type SnippetPiece } from './search-db'
import {
  indexedDoc,
  indexingOrder,
  kindsToCompare,
  recordsById,
  wantedVersions,
  type Compared,
  type Held,
} from './indexed-records'
import { parseQuery } from './search-text'

// The library's search: a derived FTS5 index (search-db.ts) kept in step with the records. After
// every change the store reports, the records are compared with what the index holds (an id and a
// version string each, in memory: a few milliseconds at 10,000 articles) and only what differs is
// read and written again, a small batch at a time, so the process keeps answering while a large
// library is indexed for the first time.

/** Where the index lives in the library folder (derived data, rebuilt when missing or damaged). */
export const SEARCH_INDEX_FILE = '.commonplace/search/index.sqlite'
/** Text indexed per write transaction before the event loop gets a turn. */
const BATCH_CHARS = 400_000
const BATCH_DOCS = 100

export interface SearchProgress {
  /** Records whose current version is in the index. */
  indexed: number
  total: number
  ready: boolean
}

export interface SearchHit {
  id: string
  kind: DocKind
  /** The article's or note's title; for an excerpt, its article's title. */
  title: string
  articleId: string | null
  field: 'title' | 'quote' | 'meta' | 'body'
  snippet: SnippetPiece[]
  date: string
  tags: string[]
}

export interface SearchResults {
  hits: SearchHit[]
  total: number
  progress: SearchProgress
}

export interface SearchOptions extends SearchFilters {
  limit?: number
  offset?: number
  /** Wait until every record is indexed (the CLI); the app answers at once from what is indexed. */
  complete?: boolean
}

const searches = new WeakMap<LibraryStore, LibrarySearch>()

export class LibrarySearch {
  private db: SearchDb | null = null
  private running: Promise<void> | null = null
  private again = false
  private scheduled: NodeJS.Timeout | null = null
  private stopListening: () => void
  private batchWaiters: (() => void)[] = []
  /** What the index holds, id → version and kind (see indexedVersions). */
  private held: Map<string, Held> | null = null
  private heldSince = -1
  /**
   * The record lists the index was last brought completely up to date with: a list that is the same
   * object now (the store replaces only the lists a change touches) need not be compared again, so
   * a note's autosave compares the notes, not 10,000 articles.
   */
  private compared: Compared = {}
  /** The library data the index was last brought up to date with. */
  private indexed: unknown = null
  progress: SearchProgress = { indexed: 0, total: 0, ready: false }

  private constructor(private readonly store: LibraryStore) {
    // A change is findable well within a second: the index follows 50 ms after it.
    this.stopListening = store.onChange(() => this.schedule(50))
  }

  /** The search of an open library (one per store). */
  static of(store: LibraryStore): LibrarySearch {
    let search = searches.get(store)
    if (!search) searches.set(store, (search = new LibrarySearch(store)))
    return search
  }

  /** Starts bringing the index up to date without waiting (the app, at start-up). */
  start(): void {
    if (!this.running && !this.isCurrent()) this.schedule(0)
  }

  /** Brings the index up to date with the records; `onProgress` hears each batch. */
  async update(onProgress?: (progress: SearchProgress) => void): Promise<SearchProgress> {
    if (this.running) {
      this.again = true
      await this.running
      if (!this.running) return this.progress
    }
    this.running = this.run(onProgress).finally(() => {
      this.running = null
      this.batchDone() // also when it failed: the search then answers from what is there
    })
    await this.running
    return this.progress
  }

  /** Whether the index holds the library as it is now (nothing changed since, nothing being written). */
  isCurrent(): boolean {
    return this.indexed === this.store.data && !this.running
  }

  async search(typed: string, options: SearchOptions = {}): Promise<SearchResults> {
    // Once built, the index catches up before answering (a few records: milliseconds), so what was
    // just saved is found; a first build answers from its first batch and says how far it is.
    if (options.complete || (this.progress.ready && !this.isCurrent())) await this.update()
    else if (!this.progress.ready) await this.firstBatch()
    const { match, parts } = parseQuery(typed)
    if (!match) return { hits: [], total: 0, progress: this.progress }
    const { limit = 20, offset = 0, complete: _, ...filters } = options
    const found = this.open().query(match, parts, filters, limit, offset)
    const hits = found.hits.flatMap((hit) => this.hydrate(hit))
    return { hits, total: found.total - (found.hits.length - hits.length), progress: this.progress }
  }

  close(): void {
    this.stopListening()
    if (this.scheduled) clearTimeout(this.scheduled)
    this.db?.close()
    this.db = null
    searches.delete(this.store)
  }

  /** Before the first search, the index may be new: wait for one batch so notes and excerpts answer. */
  private async firstBatch(): Promise<void> {
    const waited = new Promise<void>((resolve) => this.batchWaiters.push(resolve))
    if (!this.running) void this.update().catch(() => undefined)
    await waited
  }

  private batchDone(): void {
    for (const resolve of this.batchWaiters.splice(0)) resolve()
  }

  private schedule(delayMs: number): void {
    if (this.scheduled) return
    this.scheduled = setTimeout(() => {
      this.scheduled = null
      this.update().catch(() => undefined) // a failed update is retried by the next change or search
    }, delayMs)
    this.scheduled.unref()
  }

  private async run(onProgress?: (progress: SearchProgress) => void): Promise<void> {
    do {
      this.again = false
      await this.indexChanges(onProgress)
    } while (this.again)
  }

  private async indexChanges(onProgress?: (progress: SearchProgress) => void): Promise<void> {
    const db = this.open()
    const data = this.store.data
    this.indexed = null
    const indexed = this.indexedVersions(db)
    const kinds = kindsToCompare(data, this.compared)
    const wanted = wantedVersions(data, kinds)
    const removed: string[] = []
    if (kinds.size > 0)
      for (const [id, held] of indexed) if (kinds.has(held.kind) && !wanted.has(id)) removed.push(id)
    const pending = [...wanted].filter(([id, entry]) => indexed.get(id)?.version !== entry.version)
    pending.sort(indexingOrder)
    const total = data.articles.length + data.excerpts.length + data.notes.length
    this.progress = { indexed: total - pending.length, total, ready: pending.length === 0 }
    if (removed.length > 0) {
      this.writeDocs(db, [], removed)
    }
    let batch: IndexedDoc[] = []
    let chars = 0
    const flush = async () => {
      this.writeDocs(db, batch, [])
      this.progress = { ...this.progress, indexed: this.progress.indexed + batch.length }
      onProgress?.(this.progress)
      this.batchDone()
      batch = []
      chars = 0
      await yieldToEvents()
    }
    const { articles } = recordsById(data)
    for (const [id, entry] of pending) {
      const doc = await indexedDoc(this.store, id, entry, articles)
      batch.push(doc)
      chars += doc.body.length
      if (chars >= BATCH_CHARS || batch.length >= BATCH_DOCS) await flush()
    }
    if (batch.length > 0) await flush()
    this.indexed = data
    this.compared = { notes: data.notes, excerpts: data.excerpts, articles: data.articles }
    this.progress = { ...this.progress, ready: true }
    onProgress?.(this.progress)
  }

  /**
   * What the index holds (id → version), read from the file once and then kept in step with this
   * process's writes; read again when another process changed the library (it may index too).
   */
  private indexedVersions(db: SearchDb): Map<string, Held> {
    if (!this.held || this.heldSince !== this.store.changedElsewhere) {
      this.held = db.versions()
      this.heldSince = this.store.changedElsewhere
      this.compared = {} // what the file holds may differ from what was compared: compare everything
    }
    return this.held
  }

  private writeDocs(db: SearchDb, docs: IndexedDoc[], removed: string[]): void {
    try {
      db.write(docs, removed)
    } catch (error) {
      this.held = null // not known what the index holds now: read it again next time
      throw error
    }
    for (const id of removed) this.held?.delete(id)
    for (const doc of docs) this.held?.set(doc.id, { version: doc.version, kind: doc.kind })
  }

  /** The hit as the user sees it, from the records as they are now; none if the record is gone. */
  private hydrate(hit: ReturnType<SearchDb['query']>['hits'][number]): SearchHit[] {
    const { articles, excerpts, notes } = recordsById(this.store.data)
    const common = { id: hit.id, kind: hit.kind, field: hit.field, snippet: hit.snippet }
    if (hit.kind === 'article') {
      const article = articles.get(hit.id)
      return article
        ? [
            {
              ...common,
              title: article.title,
              articleId: article.id,
              date: article.importedAt,
              tags: article.tags,
            },
          ]
        : []
    }
    if (hit.kind === 'excerpt') {
      const excerpt = excerpts.get(hit.id)
      const article = excerpt && articles.get(excerpt.articleId)
      return excerpt && article
        ? [
            {
              ...common,
              title: article.title,
              articleId: article.id,
              date: excerpt.createdAt,
              tags: excerpt.tags,
            },
          ]
        : []
    }
    const note = notes.get(hit.id)
    return note
      ? [{ ...common, title: note.title, articleId: null, date: note.updatedAt, tags: note.tags }]
      : []
  }

  private open(): SearchDb {
    if (this.db) return this.db
    this.held = null
    const file = this.store.path(SEARCH_INDEX_FILE)
    mkdirSync(join(file, '..'), { recursive: true })
    try {
      this.db = new SearchDb(file)
    } catch {
      // Damaged or written by something else: it is only derived data, so it is built again.
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
      this.db = new SearchDb(file)
    }
    return this.db
  }
}
