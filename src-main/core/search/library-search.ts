import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { setImmediate as yieldToEvents } from 'node:timers/promises'
import type { LibraryStore } from '../store/library-store'
import type { Article, Excerpt, NoteSummary } from '../records'
import { readArticleText } from '../articles'
import { readNoteFile } from '../notes/note-file'
import { noteText } from './note-text'
import { SearchDb, type DocKind, type IndexedDoc, type SearchFilters, type SnippetPiece } from './search-db'
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
      const doc = await this.docOf(id, entry, articles)
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

  private async docOf(id: string, entry: Wanted, articles: Map<string, Article>): Promise<IndexedDoc> {
    const { version } = entry
    if (entry.kind === 'article') {
      const article = entry.record
      // A missing or unreadable text is indexed without it (doctor reports the file).
      const body = await readArticleText(this.store, id).catch(() => '')
      return { ...articleFields(article), id, kind: 'article', version, body }
    }
    if (entry.kind === 'excerpt') {
      const excerpt = entry.record
      const article = articles.get(excerpt.articleId)
      return {
        id,
        kind: 'excerpt',
        version,
        articleId: excerpt.articleId,
        tags: excerpt.tags,
        source: article ? sourceOf(article) : '',
        date: excerpt.createdAt,
        title: '',
        quote: `${excerpt.quote}\n${excerpt.comment}`,
        meta: article ? `${article.title}\n${excerpt.tags.join(' ')}` : excerpt.tags.join(' '),
        body: '',
      }
    }
    const note = entry.record
    const words = await readNoteFile(this.store, id, note.title).then(
      (file) => (file.content ? noteText(file.content) : { text: '', quotes: '' }),
      () => ({ text: '', quotes: '' }), // a damaged note is found by its title
    )
    return {
      id,
      kind: 'note',
      version,
      articleId: null,
      tags: note.tags,
      source: '',
      date: note.updatedAt,
      title: note.title,
      quote: words.quotes,
      meta: note.tags.join(' '),
      body: words.text,
    }
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

interface RecordsById {
  articles: Map<string, Article>
  excerpts: Map<string, Excerpt>
  notes: Map<string, NoteSummary>
}

/** The records by id, made once per version of the library's data (it is replaced on each change). */
const byId = new WeakMap<object, RecordsById>()
function recordsById(data: LibraryStore['data']): RecordsById {
  let maps = byId.get(data)
  if (!maps) {
    const map = <T extends { id: string }>(records: readonly T[]) => new Map(records.map((r) => [r.id, r]))
    maps = { articles: map(data.articles), excerpts: map(data.excerpts), notes: map(data.notes) }
    byId.set(data, maps)
  }
  return maps
}

type Wanted =
  | { kind: 'article'; version: string; record: Article }
  | { kind: 'excerpt'; version: string; record: Excerpt }
  | { kind: 'note'; version: string; record: NoteSummary }

/** Versions already worked out, per record object (an unchanged record keeps its object). */
const versions = new WeakMap<object, string>()
const versionOf = (record: object, fields: () => unknown[]): string => {
  let version = versions.get(record)
  if (version === undefined) versions.set(record, (version = JSON.stringify(fields())))
  return version
}

type Held = { version: string; kind: DocKind }

interface Compared {
  notes?: LibraryStore['data']['notes']
  excerpts?: LibraryStore['data']['excerpts']
  articles?: LibraryStore['data']['articles']
}

/** The kinds whose lists changed since they were last compared (an excerpt's version holds its article's title). */
function kindsToCompare(data: LibraryStore['data'], compared: Compared): Set<DocKind> {
  const kinds = new Set<DocKind>()
  if (data.notes !== compared.notes) kinds.add('note')
  if (data.articles !== compared.articles) kinds.add('article').add('excerpt')
  if (data.excerpts !== compared.excerpts) kinds.add('excerpt')
  return kinds
}

/** The records of these kinds and the version of each the index should hold (what search reads of it). */
function wantedVersions(data: LibraryStore['data'], kinds: Set<DocKind>): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>()
  if (kinds.has('note'))
    for (const note of data.notes) {
      const version = versionOf(note, () => [note.updatedAt, note.title, note.tags])
      wanted.set(note.id, { kind: 'note', record: note, version })
    }
  if (kinds.has('excerpt')) {
    const { articles } = recordsById(data)
    for (const excerpt of data.excerpts) {
      const { quote, comment, tags, articleId, createdAt } = excerpt
      // The article's title is part of what an excerpt is found by, and changes without the excerpt.
      const version = `${versionOf(excerpt, () => [quote, comment, tags, articleId, createdAt])}${articles.get(articleId)?.title}`
      wanted.set(excerpt.id, { kind: 'excerpt', record: excerpt, version })
    }
  }
  if (kinds.has('article'))
    for (const article of data.articles) {
      const { contentHash, title, byline, siteName, sourceName, sourceUrl, description, tags, importedAt } =
        article
      const version = versionOf(article, () => [
        contentHash,
        title,
        byline,
        siteName,
        sourceName,
        sourceUrl,
        description,
        tags,
        importedAt,
      ])
      wanted.set(article.id, { kind: 'article', record: article, version })
    }
  return wanted
}

const KIND_ORDER = { note: 0, excerpt: 1, article: 2 }

/** Notes and excerpts first (few and small, so they answer soon on a new index), then articles, newest first. */
function indexingOrder([, a]: [string, Wanted], [, b]: [string, Wanted]): number {
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
  if (a.kind !== 'article' || b.kind !== 'article') return 0
  const [x, y] = [a.record.importedAt, b.record.importedAt]
  return x < y ? 1 : x > y ? -1 : 0
}

function articleFields(article: Article) {
  const { byline, siteName, sourceName, sourceUrl, description, tags } = article
  return {
    articleId: article.id,
    tags,
    source: sourceOf(article),
    date: article.importedAt,
    title: article.title,
    quote: '',
    meta: [byline, siteName, sourceName, sourceUrl, description, tags.join(' ')].filter(Boolean).join('\n'),
  }
}

/** What the `source` filter matches: the site, the address and the file name, lower case. */
function sourceOf(article: Article): string {
  return [article.siteName, article.sourceUrl, article.sourceName].filter(Boolean).join(' ').toLowerCase()
}
