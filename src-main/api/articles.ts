import { z } from 'zod'
import { method } from './method'
import { Article } from '../core/records'
import { listArticles, getArticle, renameArticle, deleteArticle } from '../core/articles'
import { importPaths, importSources, importUrl, MAX_IMPORT_BYTES } from '../core/import/import-files'
import { supportedExtensions } from '../core/import/importers'

const Id = z.string().min(1).max(200)

export const ImportOutcome = z.object({
  name: z.string(),
  status: z.enum(['imported', 'duplicate', 'failed']),
  articleId: z.string().nullable(),
  title: z.string().nullable(),
  message: z.string(),
})

const ArticleWithBody = Article.extend({ html: z.string(), text: z.string() })

// Base64 inflates by 4/3; allow a little over the byte limit so the importer can name the file in its error.
const MAX_BASE64_LENGTH = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024

export const articleMethods = {
  'articles.list': method({
    summary: 'All articles, newest first.',
    input: z.object({}),
    output: z.array(Article),
    handler: ({ store }) => listArticles(store),
  }),
  'articles.get': method({
    summary: 'One article with its sanitized HTML body and its text.',
    input: z.object({ id: Id }),
    output: ArticleWithBody,
    handler: ({ store }, { id }) => getArticle(store, id),
  }),
  'articles.import': method({
    summary: 'Imports files sent with their contents (browser file chooser, drag and drop).',
    input: z.object({
      files: z
        .array(z.object({ name: z.string().min(1).max(1024), dataBase64: z.string().max(MAX_BASE64_LENGTH) }))
        .min(1),
    }),
    output: z.array(ImportOutcome),
    handler: ({ store }, { files }) =>
      importSources(
        store,
        files.map((file) => ({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') })),
      ),
  }),
  'articles.importPaths': method({
    summary: 'Imports files from paths on this machine (CLI, native dialogs).',
    input: z.object({ paths: z.array(z.string().min(1)).min(1) }),
    output: z.array(ImportOutcome),
    handler: ({ store }, { paths }) => importPaths(store, paths),
  }),
  'articles.importUrl': method({
    summary: 'Fetches a web page or PDF by its http(s) address and imports it, keeping the address.',
    input: z.object({
      url: z
        .string()
        .max(8192)
        .refine((value) => /^https?:\/\//i.test(value), { message: 'only http:// and https:// links can be imported' }),
    }),
    output: ImportOutcome,
    handler: ({ store }, { url }) => importUrl(store, url),
  }),
  'articles.importSample': method({
    summary: 'Imports the sample article bundled with the app.',
    input: z.object({}),
    output: ImportOutcome,
    handler: async ({ store, sampleArticlePath }) => (await importPaths(store, [sampleArticlePath]))[0]!,
  }),
  'articles.rename': method({
    summary: 'Changes an article title.',
    input: z.object({ id: Id, title: z.string().min(1).max(500) }),
    output: Article,
    handler: ({ store }, { id, title }) => renameArticle(store, id, title),
  }),
  'articles.delete': method({
    summary: 'Deletes an article and its excerpts; notes keep their quoted words.',
    input: z.object({ id: Id }),
    output: z.object({ deleted: z.literal(true) }),
    handler: async ({ store }, { id }) => {
      await deleteArticle(store, id)
      return { deleted: true as const }
    },
  }),
  'articles.formats': method({
    summary: 'File extensions the importers accept, and the size limit.',
    input: z.object({}),
    output: z.object({ extensions: z.array(z.string()), maxBytes: z.number() }),
    handler: () => ({ extensions: supportedExtensions(), maxBytes: MAX_IMPORT_BYTES }),
  }),
}
