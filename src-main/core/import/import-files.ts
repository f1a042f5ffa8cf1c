import { createHash } from 'node:crypto'
import { readFile, stat, readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { LibraryStore } from '../store/library-store'
import type { Article } from '../records'
import { newId } from '../ids'
import { importerFor } from './importers'
import type { ArticleBody } from './article-body'
import type { ImportSource, ImportedDocument } from './importer'
import { readDocument, type ReadDocument } from './read-document'
import { PARSE_THREADS } from './parse-thread'
import { prepareAheadFinishInOrder } from './in-order'
import { shortTextNotice } from './short-text'
import { fetchForImport } from './url'
import { MAX_IMPORT_BYTES, tooLargeMessage } from './limits'
import { CommonplaceError } from '../errors'
import { pdfTextMapBody } from '../pdf-pages'
import { buildPdfTextMap } from './pdf-text-map'

export { MAX_IMPORT_BYTES }

export type ImportStatus = 'imported' | 'duplicate' | 'failed'

/** What happened to one file of an import. */
export interface ImportOutcome {
  name: string
  status: ImportStatus
  articleId: string | null
  title: string | null
  message: string
  /**
   * For an import of new content from the file name or address of an article already in the library:
   * that article, which the user may want to update with this version instead (article-update.ts).
   */
  sameSourceArticleId: string | null
  /** What the user should know about the imported article (its `notices`), e.g. that it is implausibly short. */
  notices?: string[]
}

/** Files read and parsed ahead of the writer: enough to keep every parse thread busy. */
const READ_AHEAD = PARSE_THREADS * 4

/**
 * Imports files in the order given: the next ones are parsed (in the parse threads) while the one
 * writer stores the current one. A failure is reported for that file and the rest go on.
 */
export async function importSources(
  store: LibraryStore,
  sources: ImportSource[],
  onOutcome?: (outcome: ImportOutcome, index: number) => void,
): Promise<ImportOutcome[]> {
  return prepareAheadFinishInOrder(
    sources.length,
    READ_AHEAD,
    (index) => readOne(sources[index]!),
    async (read, index) => report(await storeRead(store, read), index, onOutcome),
  )
}

/**
 * Reads files from disk and imports them like importSources; unreadable files become failed outcomes.
 * Folders are walked recursively and only importable files in them are taken. `signal` stops before
 * the next file.
 */
export async function importPaths(
  store: LibraryStore,
  paths: string[],
  onOutcome?: (outcome: ImportOutcome, index: number) => void,
  signal?: AbortSignal,
): Promise<ImportOutcome[]> {
  const files = await importablePaths(paths)
  return prepareAheadFinishInOrder(
    files.length,
    READ_AHEAD,
    async (index) => {
      const source = await readSource(files[index]!)
      return 'status' in source ? source : readOne(source)
    },
    async (read, index) => report(await storeRead(store, read), index, onOutcome),
    signal,
  )
}

function report(
  outcome: ImportOutcome,
  index: number,
  onOutcome?: (outcome: ImportOutcome, index: number) => void,
): ImportOutcome {
  onOutcome?.(outcome, index)
  return outcome
}

/** Replaces each folder by the importable files inside it (hidden files and folders skipped), sorted. */
export async function importablePaths(paths: string[]): Promise<string[]> {
  const files: string[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (!info?.isDirectory()) {
      files.push(path)
      continue
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true })
    const found = entries
      .filter((entry) => entry.isFile() && importerFor(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter(
        (file) =>
          !file
            .slice(path.length)
            .split(/[\\/]/)
            .some((part) => part.startsWith('.')),
      )
      .sort()
    files.push(...found)
  }
  return files
}

/** Fetches a link (http or https) and imports what it points to; a fetch failure is a failed outcome naming the link. */
export async function importUrl(store: LibraryStore, link: string): Promise<ImportOutcome> {
  let source: ImportSource
  try {
    source = await fetchForImport(link)
  } catch (error) {
    return failed(link, (error as Error).message)
  }
  return importOne(store, source)
}

async function readSource(path: string): Promise<ImportSource | ImportOutcome> {
  const name = basename(path)
  try {
    const info = await stat(path)
    if (!info.isFile()) return failed(name, `${path} is not a file`)
    if (info.size > MAX_IMPORT_BYTES) return failed(name, tooLargeMessage(name, info.size))
    return { name, bytes: await readFile(path) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'the file does not exist' : (error as Error).message
    return failed(name, `Cannot read ${path}: ${reason}`)
  }
}

async function importOne(store: LibraryStore, source: ImportSource): Promise<ImportOutcome> {
  return storeRead(store, await readOne(source))
}

/** A source parsed and sanitized, ready for the writer; or the failed outcome saying why not. */
type SourceRead = { source: ImportSource; read: ReadDocument } | ImportOutcome

async function readOne(source: ImportSource): Promise<SourceRead> {
  try {
    return { source, read: await readDocument(source) }
  } catch (error) {
    return failed(source.name, (error as Error).message)
  }
}

/** The writer's part of an import: duplicate checks and the store transaction. */
async function storeRead(store: LibraryStore, prepared: SourceRead): Promise<ImportOutcome> {
  if ('status' in prepared) return prepared
  const { source, read } = prepared
  const { name } = source
  const { document, body } = read
  const hasText = body.text.trim().length > 0
  // Pictures only (a DOCX of images) still import when the importer explains what the user will see.
  if (!hasText && !document.notices?.length) return failed(name, `${name} contains no text`)

  const contentHash = document.identifiedByBytes || !hasText ? hashBytes(source.bytes) : hashText(body.text)
  const existing = store.data.articles.find((article) => article.contentHash === contentHash)
  if (existing) {
    return {
      name,
      status: 'duplicate',
      articleId: existing.id,
      title: existing.title,
      message: `${name} is already in the library as “${existing.title}”`,
      sameSourceArticleId: null,
    }
  }

  const id = newId('a')
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? 'bin'
  const article: Article = {
    id,
    importedAt: new Date().toISOString(),
    tags: [],
    titleSetByUser: false,
    ...documentFields(document, body, source, contentHash, `original.${extension}`),
  }
  try {
    await store.transact((draft) => {
      // Checked again inside the writer: another import may have stored the same text meanwhile.
      if (draft.articles.some((a) => a.contentHash === contentHash)) return {}
      draft.articles.push(article)
      return {
        bodies: [
          { path: `articles/${id}/content.html`, content: body.html },
          { path: `articles/${id}/text.txt`, content: body.text },
          { path: `articles/${id}/${article.originalFile}`, content: source.bytes },
          // The page view's map from the text to the PDF's text items (core/pdf-pages.ts).
          ...(document.pdfItems
            ? [pdfTextMapBody(id, buildPdfTextMap(body.text, document.pdfItems, contentHash))]
            : []),
        ],
      }
    })
  } catch (error) {
    // A full disk, a folder it may not write: this file fails with the reason; the store left nothing.
    if (error instanceof CommonplaceError) return failed(name, `${name} could not be saved: ${error.message}`)
    throw error
  }
  const stored = store.data.articles.find((a) => a.contentHash === contentHash)!
  if (stored.id !== id) {
    return {
      name,
      status: 'duplicate',
      articleId: stored.id,
      title: stored.title,
      message: `${name} is already in the library as “${stored.title}”`,
      sameSourceArticleId: null,
    }
  }
  const earlier = sameSourceAs(store, article)
  return {
    notices: article.notices,
    name,
    status: 'imported',
    articleId: id,
    title: article.title,
    message: earlier
      ? `Imported “${article.title}”; “${earlier.title}” came from the same ${article.sourceUrl ? 'address' : 'file name'} and may be an older version`
      : `Imported “${article.title}”`,
    sameSourceArticleId: earlier?.id ?? null,
  }
}

/** The article fields an imported document decides: all but the id, the import date and the user's tags. */
export function documentFields(
  document: ImportedDocument,
  body: ArticleBody,
  source: ImportSource,
  contentHash: string,
  originalFile: string,
): Omit<Article, 'id' | 'importedAt' | 'tags' | 'titleSetByUser'> {
  const wordCount = countWords(body.text)
  const short = shortTextNotice(body.text, wordCount, source.bytes.byteLength)
  return {
    title: document.title.trim() || source.name,
    format: document.format,
    sourceName: source.name,
    sourceUrl: source.url ?? document.sourceUrl ?? null,
    wordCount,
    contentHash,
    byline: document.byline ?? null,
    siteName: document.siteName ?? null,
    publishedAt: document.publishedAt ?? null,
    lang: document.lang ?? null,
    dir: document.dir ?? null,
    description: document.description ?? null,
    notices: [...(document.notices ?? []), ...(short ? [short] : [])],
    originalFile,
  }
}

/** Identity of an article's text: whitespace and Unicode form do not make a new article. */
export function hashText(text: string): string {
  const normalized = text.normalize('NFC').replace(/\s+/g, ' ').trim()
  return createHash('sha256').update(normalized).digest('hex')
}

/** Identity of a file with no usable text: its exact bytes. */
function hashBytes(bytes: Uint8Array): string {
  return 'bytes-' + createHash('sha256').update(bytes).digest('hex')
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

/** The most recent other article from the same address, or else the same file name. */
function sameSourceAs(store: LibraryStore, article: Article): Article | null {
  const others = store.data.articles
    .filter((other) => other.id !== article.id && other.contentHash !== article.contentHash)
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt))
  const byUrl = article.sourceUrl ? others.find((other) => other.sourceUrl === article.sourceUrl) : undefined
  return (
    byUrl ?? others.find((other) => !article.sourceUrl && other.sourceName === article.sourceName) ?? null
  )
}

function failed(name: string, message: string): ImportOutcome {
  return { name, status: 'failed', articleId: null, title: null, message, sameSourceArticleId: null }
}
