import type { LibraryStore } from '../store/library-store'
import type { Article, Excerpt, NoteSummary } from '../records'
import { readArticleText } from '../articles'
import { readNoteFile } from '../notes/note-file'
import { noteText } from './note-text'
import type { DocKind, IndexedDoc } from './search-db'

// What the search index should hold of each record, and the version string that says whether the
// index holds it already (library-search.ts compares them after every change).

/** What the index holds of one record: its fields and, for articles and notes, their words. */
export async function indexedDoc(
  store: LibraryStore,
  id: string,
  entry: Wanted,
  articles: Map<string, Article>,
): Promise<IndexedDoc> {
  const { version } = entry
  if (entry.kind === 'article') {
    const article = entry.record
    // A missing or unreadable text is indexed without it (doctor reports the file).
    const body = await readArticleText(store, id).catch(() => '')
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
  const words = await readNoteFile(store, id, note.title).then(
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

export interface RecordsById {
  articles: Map<string, Article>
  excerpts: Map<string, Excerpt>
  notes: Map<string, NoteSummary>
}

/** The records by id, made once per version of the library's data (it is replaced on each change). */
const byId = new WeakMap<object, RecordsById>()
export function recordsById(data: LibraryStore['data']): RecordsById {
  let maps = byId.get(data)
  if (!maps) {
    const map = <T extends { id: string }>(records: readonly T[]) => new Map(records.map((r) => [r.id, r]))
    maps = { articles: map(data.articles), excerpts: map(data.excerpts), notes: map(data.notes) }
    byId.set(data, maps)
  }
  return maps
}

export type Wanted =
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

export type Held = { version: string; kind: DocKind }

export interface Compared {
  notes?: LibraryStore['data']['notes']
  excerpts?: LibraryStore['data']['excerpts']
  articles?: LibraryStore['data']['articles']
}

/** The kinds whose lists changed since they were last compared (an excerpt's version holds its article's title). */
export function kindsToCompare(data: LibraryStore['data'], compared: Compared): Set<DocKind> {
  const kinds = new Set<DocKind>()
  if (data.notes !== compared.notes) kinds.add('note')
  if (data.articles !== compared.articles) kinds.add('article').add('excerpt')
  if (data.excerpts !== compared.excerpts) kinds.add('excerpt')
  return kinds
}

/** The records of these kinds and the version of each the index should hold (what search reads of it). */
export function wantedVersions(data: LibraryStore['data'], kinds: Set<DocKind>): Map<string, Wanted> {
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
export function indexingOrder([, a]: [string, Wanted], [, b]: [string, Wanted]): number {
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
