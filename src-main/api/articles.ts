import { z } from 'zod'
import { method } from './method'
import { ArticleId } from '../core/ids'
import { Article } from '../core/records'
import { listArticles, getArticle, renameArticle } from '../core/articles'
import { deleteArticleUndoably, restoreArticle } from '../core/article-undo'
import { pageOfArticles } from '../core/article-pages'
import { articleRecord, newerCopyOf } from '../core/library-lookups'
import { MAX_IMPORT_BYTES } from '../core/import/limits'
import { fetchForImport } from '../core/import/url'
import type { ImportSource } from '../core/import/importer'
import { setArticleTags } from '../core/articles'
import { CommonplaceError } from '../core/errors'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { PathPolicy, PathUse } from './path-policy'
import { PdfTextMapSchema, pdfTextMapOf, readOriginalPdf } from '../core/pdf-pages'

// The importers (linkedom, jsdom, pdf.js, mammoth …) and re-anchoring load with the first import or update, not
// with the API: listing and reading never pay for them.
const importing = () => import('../core/import/import-files')
const updating = () => import('../core/article-update')

export const ImportOutcome = z.object({
  name: z.string(),
  status: z.enum(['imported', 'duplicate', 'failed']),
  articleId: z.string().nullable(),
  title: z.string().nullable(),
  message: z.string(),
  /** An older article from the same file name or address, which this import may be meant to update. */
  sameSourceArticleId: z.string().nullish(),
  /** What the user should know about the imported article, e.g. that its text is implausibly short for its file. */
  notices: z.array(z.string()).optional(),
})

/** A path outside the library, or a grant standing for one; the caller's PathPolicy says which it may name. */
const PathArgument = z.string().min(1).max(4096)

const HttpLink = z
  .string()
  .max(8192)
  .refine((value) => /^https?:\/\//i.test(value), {
    message: 'only http:// and https:// links can be imported',
  })

/** One excerpt after an update (core/article-update.ts). */
const ExcerptAnchoring = z.object({
  id: z.string(),
  state: z.enum(['exact', 'moved', 'changed', 'orphaned']),
  start: z.number(),
  end: z.number(),
  quote: z.string(),
  previousQuote: z.string().nullable(),
})

const ArticleWithBody = Article.extend({ html: z.string(), text: z.string() })

// Base64 inflates by 4/3; allow a little over the byte limit so the importer can name the file in its error.
const MAX_BASE64_LENGTH = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024

export const articleMethods = {
  'articles.list': method({
    summary: 'All articles, newest first.',
    input: z.object({}),
    output: z.array(Article),
    handler: async ({ store }) => {
      // What another process (the CLI) wrote just before a window asked is in the list it gets.
      await store.refresh()
      return listArticles(store)
    },
  }),
  'articles.page': method({
    summary:
      'A page of the article list: sorted (recent, title, author, published), optionally only those carrying a tag or whose title, author, site or file name holds every word of a filter; with the total and where one article stands.',
    input: z.object({
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      sort: z.enum(['recent', 'title', 'author', 'published']).default('recent'),
      filter: z.string().max(500).optional(),
      tag: z.string().max(200).optional(),
      find: ArticleId.optional(),
    }),
    output: z.object({
      articles: z.array(Article),
      total: z.number().int(),
      offset: z.number().int(),
      position: z.number().int().nullable(),
    }),
    handler: async ({ store }, query) => {
      await store.refresh()
      return pageOfArticles(store, query)
    },
  }),
  'articles.record': method({
    summary:
      "One article's record without its body (title, source, tags), or null when it is not in the library.",
    input: z.object({ id: ArticleId }),
    output: Article.nullable(),
    handler: async ({ store }, { id }) => {
      await store.refresh()
      return articleRecord(store.data.articles, id)
    },
  }),
  'articles.newerCopy': method({
    summary:
      'The newest later import of the same file name or address as this article, with other text (null when none): the reader offers to make it the new version.',
    input: z.object({ id: ArticleId }),
    output: Article.nullable(),
    handler: async ({ store }, { id }) => {
      await store.refresh()
      const article = articleRecord(store.data.articles, id)
      return article && newerCopyOf(store.data.articles, article)
    },
  }),
  'articles.get': method({
    summary: 'One article with its sanitized HTML body and its text.',
    input: z.object({ id: ArticleId }),
    output: ArticleWithBody,
    handler: ({ store }, { id }) => getArticle(store, id),
  }),
  'articles.originalPdf': method({
    summary: 'The PDF file a PDF article was imported from, byte for byte (base64), for the page view.',
    input: z.object({ id: ArticleId }),
    output: z.object({ dataBase64: z.string() }),
    handler: async ({ store }, { id }) => ({
      dataBase64: Buffer.from(await readOriginalPdf(store, id)).toString('base64'),
    }),
  }),
  'articles.pdfTextMap': method({
    summary:
      "Where each character of a PDF article's text is among the PDF's text items, page by page (made and saved on first use for older articles).",
    input: z.object({ id: ArticleId }),
    output: PdfTextMapSchema,
    handler: ({ store }, { id }) => pdfTextMapOf(store, id),
  }),
  'articles.import': method({
    summary: 'Imports files sent with their contents (browser file chooser, drag and drop).',
    input: z.object({
      files: z
        .array(z.object({ name: z.string().min(1).max(1024), dataBase64: z.string().max(MAX_BASE64_LENGTH) }))
        .min(1),
    }),
    output: z.array(ImportOutcome),
    handler: async ({ store }, { files }) =>
      (await importing()).importSources(
        store,
        files.map((file) => ({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') })),
      ),
  }),
  'articles.importPaths': method({
    summary:
      'Imports files or folders on this machine: paths typed at the terminal, or what the user chose in a dialog (desktop) or confirmed (browser mode).',
    input: z.object({ paths: z.array(PathArgument).min(1) }),
    output: z.array(ImportOutcome),
    handler: async ({ store }, { paths }, { paths: policy }) => {
      // Resolved first: a refused path costs no importer loading.
      const resolved = await resolveAll(policy, paths, 'import')
      return (await importing()).importPaths(store, resolved)
    },
  }),
  'articles.importablePaths': method({
    summary:
      'The files articles.importPaths would take from these paths, in order: folders walked recursively, files in them no importer takes left out.',
    input: z.object({ paths: z.array(PathArgument).min(1) }),
    output: z.array(z.string()),
    handler: async (_library, { paths }, { paths: policy }) => {
      const resolved = await resolveAll(policy, paths, 'import')
      const found = await (await importing()).importablePaths(resolved)
      return found.map((path) => policy.refer(path, 'import'))
    },
  }),
  'articles.importUrl': method({
    summary: 'Fetches a web page or PDF by its http(s) address and imports it, keeping the address.',
    input: z.object({
      url: HttpLink,
    }),
    output: ImportOutcome,
    handler: async ({ store }, { url }) => (await importing()).importUrl(store, url),
  }),
  'articles.importSample': method({
    summary: 'Imports the sample article bundled with the app.',
    input: z.object({}),
    output: ImportOutcome,
    handler: async ({ store, sampleArticlePath }) =>
      (await (await importing()).importPaths(store, [sampleArticlePath]))[0]!,
  }),
  'articles.rename': method({
    summary: 'Changes an article title.',
    input: z.object({ id: ArticleId, title: z.string().min(1).max(500) }),
    output: Article,
    handler: ({ store }, { id, title }) => renameArticle(store, id, title),
  }),
  'articles.delete': method({
    summary:
      'Deletes an article and its excerpts; notes keep their quoted words. articles.restore puts it back for a while after.',
    input: z.object({ id: ArticleId }),
    output: z.object({ deleted: z.literal(true) }),
    handler: async ({ store }, { id }) => {
      await deleteArticleUndoably(store, id)
      return { deleted: true as const }
    },
  }),
  'articles.restore': method({
    summary:
      'Puts back an article deleted by articles.delete in this session (undo), with its excerpts and files, in one write.',
    input: z.object({ id: ArticleId }),
    output: Article,
    handler: ({ store }, { id }) => restoreArticle(store, id),
  }),
  'articles.formats': method({
    summary: 'File extensions the importers accept, and the size limit.',
    input: z.object({}),
    output: z.object({ extensions: z.array(z.string()), maxBytes: z.number() }),
    handler: async () => ({
      extensions: (await import('../core/import/importers')).supportedExtensions(),
      maxBytes: MAX_IMPORT_BYTES,
    }),
  }),
  'articles.update': method({
    summary: 'Replaces an article by a new version (sent file, path or link) and re-anchors its excerpts.',
    input: z.union([
      z.object({
        id: ArticleId,
        file: z.object({ name: z.string().min(1).max(1024), dataBase64: z.string().max(MAX_BASE64_LENGTH) }),
      }),
      z.object({ id: ArticleId, path: PathArgument }),
      z.object({ id: ArticleId, url: HttpLink }),
    ]),
    output: z.object({ article: Article, textChanged: z.boolean(), excerpts: z.array(ExcerptAnchoring) }),
    handler: async ({ store }, input, { paths }) =>
      (await updating()).updateArticle(store, input.id, await newVersionOf(input, paths)),
  }),
  'articles.updateFromImported': method({
    summary:
      'Makes a just-imported article the new version of an older one (same source), then removes the copy.',
    input: z.object({ id: ArticleId, fromArticleId: ArticleId }),
    output: z.object({ article: Article, textChanged: z.boolean(), excerpts: z.array(ExcerptAnchoring) }),
    handler: async ({ store }, { id, fromArticleId }) =>
      (await updating()).updateFromImported(store, id, fromArticleId),
  }),
  'articles.setTags': method({
    summary: "Sets an article's tags.",
    input: z.object({ id: ArticleId, tags: z.array(z.string().max(200)).max(100) }),
    output: Article,
    handler: ({ store }, { id, tags }) => setArticleTags(store, id, tags),
  }),
}

type NewVersion = { file: { name: string; dataBase64: string } } | { path: string } | { url: string }

// Reads the new version wherever it comes from; a path or link that fails is reported like a failed import.
async function newVersionOf(input: NewVersion, policy: PathPolicy): Promise<ImportSource> {
  if ('file' in input) return { name: input.file.name, bytes: Buffer.from(input.file.dataBase64, 'base64') }
  if ('url' in input) {
    try {
      return await fetchForImport(input.url)
    } catch (error) {
      throw new CommonplaceError('IMPORT_FAILED', (error as Error).message)
    }
  }
  const path = await policy.resolve(input.path, 'import')
  const info = await stat(path).catch(() => null)
  if (!info?.isFile())
    throw new CommonplaceError('IMPORT_FAILED', `Cannot read ${path}: the file does not exist`)
  if (info.size > MAX_IMPORT_BYTES)
    throw new CommonplaceError('IMPORT_FAILED', `${path} is too large to import`)
  return { name: basename(path), bytes: await readFile(path) }
}

/** Each path resolved by the caller's policy, in order; the first one refused refuses the whole call. */
async function resolveAll(policy: PathPolicy, paths: string[], use: PathUse): Promise<string[]> {
  const resolved: string[] = []
  for (const path of paths) resolved.push(await policy.resolve(path, use))
  return resolved
}
