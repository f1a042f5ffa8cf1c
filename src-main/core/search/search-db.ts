import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { openSqlite } from './sqlite'
import { indexableText, readableText, type QueryPart } from './search-text'
import { snippetOf, snippetPattern, type SnippetPiece } from './snippets'

export type { SnippetPiece }

// The search index: SQLite FTS5 in one file beside the library's records. It is derived — built
// from the records, never the source of truth — so any doubt about it (a newer layout, a damaged
// file) is settled by building it again.

/** Bumped when the tables or what goes in them change: an index of another version is rebuilt. */
const INDEX_VERSION = '1'

export type DocKind = 'article' | 'excerpt' | 'note'

/** One record as the index holds it. */
export interface IndexedDoc {
  id: string
  kind: DocKind
  /** What the record was when indexed (search/library-search.ts compares it with the library). */
  version: string
  /** The article an excerpt is of (filters by source and opening the reader use it). */
  articleId: string | null
  tags: string[]
  /** Where it came from, lower case (site name, file name or host): the `source` filter. */
  source: string
  /** When it was imported, made or last edited (ISO): the date filters. */
  date: string
  title: string
  /** Excerpt quotes and comments; in notes, the quotes of the excerpts they cite. */
  quote: string
  /** Byline, site, file name, address, description, tags; for excerpts, their article's title. */
  meta: string
  /** An article's text, a note's words. */
  body: string
}

export interface SearchFilters {
  kind?: DocKind
  tag?: string
  source?: string
  /** ISO dates: from (inclusive) and before (exclusive). */
  from?: string
  before?: string
}

export interface DocHit {
  id: string
  kind: DocKind
  articleId: string | null
  /** Which column the snippet comes from. */
  field: 'title' | 'quote' | 'meta' | 'body'
  snippet: SnippetPiece[]
  rank: number
}

// Markers FTS5 puts around matched words in snippets: private-use characters, never in real text.
const OPEN = '\ue000'
const CLOSE = '\ue001'
/** bm25 weights of title, quote, meta and body: a title or an excerpt's words outrank a body. */
const WEIGHTS = '10.0, 6.0, 2.0, 1.0'
const FIELDS = ['title', 'quote', 'meta', 'body'] as const

export class SearchDb {
  private readonly db: DatabaseSync
  private readonly statements = new Map<string, StatementSync>()

  constructor(file: string) {
    this.db = openSqlite(file)
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000')
    if (this.setting('version') !== INDEX_VERSION) this.createTables()
  }

  close(): void {
    this.db.close()
  }

  /** Every indexed record's id, version and kind. */
  versions(): Map<string, { version: string; kind: DocKind }> {
    const rows = this.statement('SELECT id, version, kind FROM docs').all() as {
      id: string
      version: string
      kind: DocKind
    }[]
    return new Map(rows.map((row) => [row.id, { version: row.version, kind: row.kind }]))
  }

  /** Adds or replaces records and removes others, in one transaction. */
  write(docs: IndexedDoc[], removed: string[] = []): void {
    this.db.exec('BEGIN IMMEDIATE')
    try {
      for (const id of removed) this.remove(id)
      for (const doc of docs) {
        this.remove(doc.id)
        const { lastInsertRowid: row } = this.statement(
          'INSERT INTO docs (id, kind, version, article_id, source, date) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(doc.id, doc.kind, doc.version, doc.articleId, doc.source, doc.date)
        for (const tag of new Set(doc.tags))
          this.statement('INSERT INTO doc_tags (tag, doc) VALUES (?, ?)').run(tag, row)
        this.statement('INSERT INTO fts (rowid, title, quote, meta, body) VALUES (?, ?, ?, ?, ?)').run(
          row,
          indexableText(doc.title),
          indexableText(doc.quote),
          indexableText(doc.meta),
          indexableText(doc.body),
        )
      }
      this.db.exec('COMMIT')
    } catch (error) {
      this.db.exec('ROLLBACK')
      throw error
    }
  }

  /** Records matching an FTS5 expression, best first, with a snippet of the field that matched. */
  query(
    match: string,
    parts: QueryPart[],
    filters: SearchFilters,
    limit: number,
    offset: number,
  ): { hits: DocHit[]; total: number } {
    const where: string[] = ['fts MATCH ?']
    const values: (string | number)[] = [match]
    const add = (condition: string, value: string) => {
      where.push(condition)
      values.push(value)
    }
    if (filters.kind) add('d.kind = ?', filters.kind)
    if (filters.tag) add('d.row IN (SELECT doc FROM doc_tags WHERE tag = ?)', filters.tag.toLowerCase())
    if (filters.source) add(`d.source LIKE ? ESCAPE '\\'`, `%${likeEscaped(filters.source.toLowerCase())}%`)
    if (filters.from) add('d.date >= ?', filters.from)
    if (filters.before) add('d.date < ?', filters.before)
    // Without filters the index alone is asked (joining every match to its record halves the speed of
    // a common word); the records of the page shown are looked up after.
    const filtered = where.length > 1
    const from = filtered
      ? `FROM fts JOIN docs d ON d.row = fts.rowid WHERE ${where.join(' AND ')}`
      : 'FROM fts WHERE fts MATCH ?'
    const { total } = this.statement(`SELECT count(*) AS total ${from}`).get(...values) as { total: number }
    // Ranked first, snippets after for the page shown only: SQLite works out every column of every
    // matching row before sorting, and a snippet of a long article costs far more than its rank.
    const order = this.statement(
      `SELECT fts.rowid AS row, bm25(fts, ${WEIGHTS}) AS rank ${from} ORDER BY rank LIMIT ? OFFSET ?`,
    ).all(...values, limit, offset) as { row: number; rank: number }[]
    const records = new Map(
      (
        this.db
          .prepare(
            `SELECT row, id, kind, article_id FROM docs WHERE row IN (${order.map(() => '?').join(', ')})`,
          )
          .all(...order.map((hit) => hit.row)) as {
          row: number
          id: string
          kind: DocKind
          article_id: string | null
        }[]
      ).map((record) => [record.row, record]),
    )
    const ranked = order.flatMap((hit) => {
      const record = records.get(hit.row)
      return record ? [{ ...record, rank: hit.rank }] : []
    })
    if (ranked.length === 0) return { total, hits: [] }
    // Snippets are cut here (body-snippet.ts) from the fields as stored, read by rowid: asking FTS5
    // for them means running the MATCH again for each row (2–3 ms per hit for a common prefix), and
    // its snippet() runs the tokenizer over the whole of a long body.
    const rows = ranked.map(() => '?').join(', ')
    const stored = new Map(
      (
        this.db
          .prepare(`SELECT rowid, title, quote, meta, body FROM fts WHERE rowid IN (${rows})`)
          .all(...ranked.map((hit) => hit.row)) as Record<string, string | number | null>[]
      ).map((row) => [Number(row.rowid), row]),
    )
    const pattern = snippetPattern(parts)
    return {
      total,
      hits: ranked.map((hit) => {
        const row = stored.get(hit.row) ?? {}
        const common = { id: hit.id, kind: hit.kind, articleId: hit.article_id, rank: hit.rank }
        // The body's snippet first (its words say most about why it matched), then the quote's,
        // the title's, the metadata's.
        for (const field of ['body', 'quote', 'title', 'meta'] as const) {
          const snippet = pattern && snippetOf(String(row[field] ?? ''), pattern)
          if (snippet) return { ...common, field, snippet }
        }
        // Matched in a way the expression does not follow: FTS5 cuts this one itself.
        return { ...common, ...this.ftsSnippet(match, hit.row) }
      }),
    }
  }

  private ftsSnippet(match: string, row: number): Pick<DocHit, 'field' | 'snippet'> {
    const snippets = FIELDS.map(
      (_, column) => `snippet(fts, ${column}, '${OPEN}', '${CLOSE}', '…', 24) AS s${column}`,
    )
    const found = (this.statement(
      `SELECT ${snippets.join(', ')} FROM fts WHERE fts MATCH ? AND rowid = ?`,
    ).get(match, row) ?? {}) as Record<string, string | null>
    const column = [3, 1, 0, 2].find((index) => String(found[`s${index}`] ?? '').includes(OPEN)) ?? 3
    return { field: FIELDS[column]!, snippet: snippetPieces(String(found[`s${column}`] ?? '')) }
  }

  private remove(id: string): void {
    const row = this.statement('SELECT row FROM docs WHERE id = ?').get(id) as { row: number } | undefined
    if (!row) return
    this.statement('DELETE FROM fts WHERE rowid = ?').run(row.row)
    this.statement('DELETE FROM doc_tags WHERE doc = ?').run(row.row)
    this.statement('DELETE FROM docs WHERE row = ?').run(row.row)
  }

  private createTables(): void {
    this.statements.clear()
    this.db.exec(`
      DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS doc_tags; DROP TABLE IF EXISTS settings;
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE docs (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, version TEXT NOT NULL,
        article_id TEXT, source TEXT NOT NULL, date TEXT NOT NULL);
      CREATE INDEX docs_kind ON docs (kind, date);
      CREATE TABLE doc_tags (tag TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (tag, doc)) WITHOUT ROWID;
      CREATE INDEX doc_tags_doc ON doc_tags (doc);
      CREATE VIRTUAL TABLE fts USING fts5(title, quote, meta, body,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
    `)
    this.statement('INSERT INTO settings (key, value) VALUES (?, ?)').run('version', INDEX_VERSION)
  }

  private setting(key: string): string | null {
    try {
      const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
        { value: string } | undefined
      return row?.value ?? null
    } catch {
      return null // no settings table: a new or foreign file
    }
  }

  private statement(sql: string): StatementSync {
    let statement = this.statements.get(sql)
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)))
    return statement
  }
}

const likeEscaped = (text: string): string => text.replace(/[%_\\]/g, (char) => `\\${char}`)

/** Cuts a snippet at FTS5's markers into plain and marked pieces (rendered as text, never as HTML). */
function snippetPieces(snippet: string): SnippetPiece[] {
  const pieces: SnippetPiece[] = []
  for (const [index, part] of readableText(snippet)
    .split(new RegExp(`[${OPEN}${CLOSE}]`))
    .entries())
    if (part) pieces.push({ text: part, marked: index % 2 === 1 })
  return pieces
}
