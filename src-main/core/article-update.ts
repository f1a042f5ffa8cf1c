import type { LibraryStore, BodyWrite } from './store/library-store'
import type { Article, Excerpt } from './records'
import type { ImportSource } from './import/importer'
import type { ArticleBody } from './import/article-body'
import { readDocument, type ReadDocument } from './import/read-document'
import { documentFields, hashText, importSources } from './import/import-files'
import { CommonplaceError } from './errors'
import { deleteArticle, findArticle, getArticle } from './articles'
import { locateQuote, selectorAt } from './anchor/selector'
import { reanchor, type AnchorState } from './anchor/reanchor'

/** One excerpt after an update: where its passage is now and, if its words changed, the old ones. */
export interface ExcerptAnchoring {
  id: string
  state: AnchorState
  start: number
  end: number
  quote: string
  previousQuote: string | null
}

/** What an update did: the article as now stored, whether its text changed, every excerpt's fate in reading order. */
export interface ArticleUpdate {
  article: Article
  textChanged: boolean
  excerpts: ExcerptAnchoring[]
}

/**
 * Replaces an article's content with a new version of its source and re-anchors every excerpt
 * (anchor/reanchor.ts), all in one transaction. A source that cannot be parsed changes nothing.
 * The same text again is a no-op that reports every excerpt `exact`.
 */
export async function updateArticle(
  store: LibraryStore,
  articleId: string,
  source: ImportSource,
): Promise<ArticleUpdate> {
  const old = await getArticle(store, articleId)
  const parsed = await parseNewVersion(source)
  const { body } = parsed

  if (body.text === old.text && body.html === old.html) {
    const excerpts = store.data.excerpts
      .filter((e) => e.articleId === articleId)
      .sort((a, b) => a.start - b.start)
      .map((e) => ({
        id: e.id,
        state: 'exact' as const,
        start: e.start,
        end: e.end,
        quote: e.quote,
        previousQuote: null,
      }))
    return { article: findArticle(store, articleId), textChanged: false, excerpts }
  }

  const contentHash = hashText(body.text)
  const extension = /\.([^./\\]+)$/.exec(source.name)?.[1]?.toLowerCase() ?? 'bin'
  const originalFile = `original.${extension}`
  const folder = `articles/${articleId}`
  let excerpts: ExcerptAnchoring[] = []
  const write = () =>
    store.transact((draft) => {
      const article = draft.articles.find((a) => a.id === articleId)
      if (!article) throw new CommonplaceError('NOT_FOUND', `No article with id ${articleId} in this library`)
      // The text was read before parsing; if another update landed since, its offsets are not ours.
      if (article.contentHash !== old.contentHash) {
        throw new CommonplaceError(
          'INVALID_INPUT',
          `“${article.title}” was changed while it was being updated; update it again`,
        )
      }
      const twin = draft.articles.find((a) => a.id !== articleId && a.contentHash === contentHash)
      if (twin) {
        throw new CommonplaceError(
          'INVALID_INPUT',
          `${source.name} is already in the library as another article, “${twin.title}”`,
        )
      }
      excerpts = draft.excerpts
        .filter((excerpt) => excerpt.articleId === articleId)
        .sort((a, b) => a.start - b.start)
        .map((excerpt) => reanchorExcerpt(excerpt, body.text, contentHash))
      const fields = documentFields(parsed.document, parsed.body, source, contentHash, originalFile)
      // A new version read from a file keeps the address the article was fetched from, and a title the
      // user gave it.
      Object.assign(article, fields, {
        sourceUrl: source.url ?? article.sourceUrl ?? fields.sourceUrl,
        title: article.titleSetByUser ? article.title : fields.title,
      })
      // The store commits bodies and records whole or not at all; an old original of another type goes after.
      const strayOriginal =
        old.originalFile && old.originalFile !== originalFile ? [`${folder}/${old.originalFile}`] : []
      return { bodies: bodiesOf(folder, body, originalFile, source.bytes), removeBodies: strayOriginal }
    })

  await write()
  return {
    article: findArticle(store, articleId),
    textChanged: body.text !== old.text,
    excerpts: inReadingOrder(excerpts),
  }
}

// Found excerpts by their new position, then orphans (which have none) by their old one.
function inReadingOrder(excerpts: ExcerptAnchoring[]): ExcerptAnchoring[] {
  const rank = (e: ExcerptAnchoring) => (e.state === 'orphaned' ? 1 : 0)
  return [...excerpts].sort((a, b) => rank(a) - rank(b) || a.start - b.start)
}

/** Puts an excerpt (typically an orphan) on a passage the user selected; its state becomes `exact`. */
export async function reattachExcerpt(
  store: LibraryStore,
  excerptId: string,
  selection: { start: number; end: number; quote: string },
): Promise<Excerpt> {
  const excerpt = store.data.excerpts.find((e) => e.id === excerptId)
  if (!excerpt) throw new CommonplaceError('NOT_FOUND', `No excerpt with id ${excerptId} in this library`)
  const article = await getArticle(store, excerpt.articleId)
  if (!selection.quote.trim())
    throw new CommonplaceError('INVALID_INPUT', 'Select some text to re-attach the excerpt to')
  const found = locateQuote(article.text, selection.quote, selection.start)
  if (!found) throw new CommonplaceError('INVALID_INPUT', `The selected words are not in “${article.title}”`)
  await store.transact((draft) => {
    const target = draft.excerpts.find((e) => e.id === excerptId)
    if (!target) throw new CommonplaceError('NOT_FOUND', `No excerpt with id ${excerptId} in this library`)
    const current = draft.articles.find((a) => a.id === excerpt.articleId)
    if (current?.contentHash !== article.contentHash) {
      throw new CommonplaceError(
        'INVALID_INPUT',
        `“${article.title}” was updated meanwhile; select the passage again`,
      )
    }
    Object.assign(target, selectorAt(article.text, found.start, found.end), {
      articleHash: article.contentHash,
      state: 'exact',
      previousQuote: null,
    })
    return {}
  })
  return store.data.excerpts.find((e) => e.id === excerptId)!
}

/**
 * Makes an article that was just imported (typically a newer copy of the same file) the new version
 * of an older article, then removes the copy. Refused when the copy already has excerpts of its own.
 * Should the update fail, the copy is imported again, so no version is lost.
 */
export async function updateFromImported(
  store: LibraryStore,
  articleId: string,
  fromArticleId: string,
): Promise<ArticleUpdate> {
  if (articleId === fromArticleId)
    throw new CommonplaceError('INVALID_INPUT', 'An article cannot update itself')
  findArticle(store, articleId)
  const copy = findArticle(store, fromArticleId)
  if (store.data.excerpts.some((e) => e.articleId === fromArticleId)) {
    throw new CommonplaceError(
      'INVALID_INPUT',
      `“${copy.title}” has excerpts of its own; it is kept as a separate article`,
    )
  }
  const bytes = copy.originalFile
    ? await store.readBodyBytes(`articles/${fromArticleId}/${copy.originalFile}`)
    : null
  if (!bytes)
    throw new CommonplaceError('NOT_FOUND', `The imported file of “${copy.title}” is not in the library`)
  const source: ImportSource = {
    name: copy.sourceName ?? copy.originalFile ?? 'article',
    bytes,
    ...(copy.sourceUrl ? { url: copy.sourceUrl } : {}),
  }
  // The copy goes first: the update refuses content that another article already holds.
  await deleteArticle(store, fromArticleId)
  try {
    return await updateArticle(store, articleId, source)
  } catch (error) {
    await importSources(store, [source]).catch(() => undefined)
    throw error
  }
}

// The import pipeline's reading of a file, with its failures raised as API errors.
async function parseNewVersion(source: ImportSource): Promise<ReadDocument> {
  let read: ReadDocument
  try {
    read = await readDocument(source)
  } catch (error) {
    throw new CommonplaceError('IMPORT_FAILED', (error as Error).message)
  }
  if (!read.body.text.trim()) throw new CommonplaceError('IMPORT_FAILED', `${source.name} contains no text`)
  return read
}

function reanchorExcerpt(excerpt: Excerpt, text: string, contentHash: string): ExcerptAnchoring {
  // An area excerpt is a picture of a page, not words: it keeps its page, rectangle and picture.
  if (excerpt.area) {
    const { state, start, end, quote, previousQuote } = excerpt
    return { id: excerpt.id, state, start, end, quote, previousQuote }
  }
  const found = reanchor(excerpt, text)
  const previousQuote = found.state === 'changed' ? excerpt.quote : null
  // An orphan keeps the selector it was made with, and the hash of that version, so its words
  // are never lost and a later version can still be searched for them.
  if (found.state !== 'orphaned') {
    Object.assign(excerpt, selectorAt(text, found.start, found.end), { articleHash: contentHash })
  }
  excerpt.state = found.state
  excerpt.previousQuote = previousQuote
  return {
    id: excerpt.id,
    state: found.state,
    start: found.start,
    end: found.end,
    quote: found.quote,
    previousQuote,
  }
}

function bodiesOf(
  folder: string,
  body: ArticleBody,
  originalFile: string,
  original: Uint8Array | null,
): BodyWrite[] {
  return [
    { path: `${folder}/content.html`, content: body.html },
    { path: `${folder}/text.txt`, content: body.text },
    ...(original ? [{ path: `${folder}/${originalFile}`, content: original }] : []),
  ]
}
