import { z } from 'zod'
import { method } from './method'

const searching = () => import('../core/search/library-search')

const Kind = z.enum(['article', 'excerpt', 'note'])
/** A day (2026-11-30) or a full ISO time: the dates records carry compare with either. */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'a date such as 2026-11-30')
const Progress = z.object({ indexed: z.number(), total: z.number(), ready: z.boolean() })

export const searchMethods = {
  'search.query': method({
    summary:
      'Full-text search over articles (titles, metadata, text), excerpts (quotes, comments) and notes (with the quotes in them): words match as prefixes, "quoted phrases" exactly; best first, with snippets.',
    input: z.object({
      query: z.string().max(1000),
      kind: Kind.optional(),
      tag: z.string().max(200).optional(),
      source: z.string().max(500).optional(),
      from: IsoDate.optional(),
      before: IsoDate.optional(),
      limit: z.number().int().min(1).max(200).default(20),
      offset: z.number().int().min(0).max(100_000).default(0),
      /** Wait until every record is indexed (the CLI); else answer from what is indexed so far. */
      complete: z.boolean().default(false),
    }),
    output: z.object({
      hits: z.array(
        z.object({
          id: z.string(),
          kind: Kind,
          title: z.string(),
          articleId: z.string().nullable(),
          field: z.enum(['title', 'quote', 'meta', 'body']),
          snippet: z.array(z.object({ text: z.string(), marked: z.boolean() })),
          date: z.string(),
          tags: z.array(z.string()),
        }),
      ),
      total: z.number(),
      progress: Progress,
    }),
    handler: async ({ store }, { query, ...options }) => {
      await store.refresh()
      return (await searching()).LibrarySearch.of(store).search(query, options)
    },
  }),
  'search.status': method({
    summary: 'How far the search index is: records indexed of all, and whether it is up to date.',
    input: z.object({}),
    output: Progress,
    handler: async ({ store }) => {
      const search = (await searching()).LibrarySearch.of(store)
      search.start()
      return search.progress
    },
  }),
}
