import { z } from 'zod'
import { method } from './method'
import { ArticleId, ExcerptId } from '../core/ids'
import { Excerpt } from '../core/records'
import {
  createExcerpt,
  listExcerpts,
  findExcerpt,
  deleteExcerpt,
  restoreExcerpt,
  updateExcerpt,
  excerptQuote,
  excerptTagCounts,
} from '../core/excerpts'
import { createAreaExcerpt, MAX_AREA_PNG_BYTES, readAreaImage } from '../core/area-excerpts'

/** Base64 of at most `bytes` bytes (4 characters for every 3 bytes). */
const Base64 = (bytes: number) =>
  z
    .string()
    .max(Math.ceil(bytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
const Coordinate = z.number().finite().min(-1_000_000).max(1_000_000)

const Tags = z.array(z.string().max(200)).max(100)
const Selection = {
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string().min(1).max(100_000),
}

/** An excerpt with what a citation needs from its article; `article` is null once the source is gone. */
const ExcerptStatus = z.object({
  id: z.string(),
  excerpt: Excerpt.nullable(),
  article: z.object({ id: z.string(), title: z.string() }).nullable(),
})

export const excerptMethods = {
  'excerpts.list': method({
    summary: "An article's excerpts in reading order.",
    input: z.object({ articleId: ArticleId }),
    output: z.array(Excerpt),
    handler: ({ store }, { articleId }) => listExcerpts(store, articleId),
  }),
  'excerpts.create': method({
    summary: 'Makes an excerpt from a selected passage (offsets into the article text and the quoted words).',
    input: z
      .object({
        articleId: ArticleId,
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
        quote: z.string().min(1).max(100_000),
      })
      .refine((s) => s.end > s.start, { message: 'end must be after start', path: ['end'] }),
    output: Excerpt,
    handler: ({ store }, selection) => createExcerpt(store, selection),
  }),
  'excerpts.status': method({
    summary: 'For each id: the excerpt and its article, or null where they no longer exist.',
    input: z.object({ ids: z.array(ExcerptId).max(10_000) }),
    output: z.array(ExcerptStatus),
    handler: ({ store }, { ids }) =>
      ids.map((id) => {
        const excerpt = store.data.excerpts.find((e) => e.id === id) ?? null
        const article = excerpt ? (store.data.articles.find((a) => a.id === excerpt.articleId) ?? null) : null
        return { id, excerpt, article: article && { id: article.id, title: article.title } }
      }),
  }),
  'excerpts.tags': method({
    summary: 'Every tag set on excerpts: how many excerpts carry it, and the articles they are in.',
    input: z.object({}),
    output: z.array(
      z.object({ tag: z.string(), excerpts: z.number().int(), articleIds: z.array(z.string()) }),
    ),
    handler: async ({ store }) => {
      // What another process (the CLI) tagged just before is counted too.
      await store.refresh()
      return excerptTagCounts(store.data.excerpts)
    },
  }),
  'excerpts.get': method({
    summary: 'One excerpt.',
    input: z.object({ id: ExcerptId }),
    output: Excerpt,
    handler: ({ store }, { id }) => findExcerpt(store, id),
  }),
  'excerpts.delete': method({
    summary: 'Deletes an excerpt and returns it (for undo); notes keep the quoted words.',
    input: z.object({ id: ExcerptId }),
    output: Excerpt,
    handler: ({ store }, { id }) => deleteExcerpt(store, id),
  }),
  'excerpts.restore': method({
    summary:
      'Puts back an excerpt removed by excerpts.delete (undo); an area excerpt comes with its PNG (base64).',
    input: z.object({ excerpt: Excerpt, pngBase64: Base64(MAX_AREA_PNG_BYTES).optional() }),
    output: Excerpt,
    handler: ({ store }, { excerpt, pngBase64 }) =>
      restoreExcerpt(store, excerpt, pngBase64 === undefined ? undefined : Buffer.from(pngBase64, 'base64')),
  }),
  'excerpts.createArea': method({
    summary:
      'Makes an area excerpt of a PDF page: the page, the rectangle [x1, y1, x2, y2] in PDF user space, and the PNG of it drawn at 2× (base64).',
    input: z.object({
      articleId: ArticleId,
      page: z.number().int().positive().max(100_000),
      rect: z
        .tuple([Coordinate, Coordinate, Coordinate, Coordinate])
        .refine(([x1, y1, x2, y2]) => x2 > x1 && y2 > y1, { message: 'x2 must exceed x1 and y2 exceed y1' }),
      pngBase64: Base64(MAX_AREA_PNG_BYTES).min(1),
    }),
    output: Excerpt,
    handler: ({ store }, { pngBase64, ...selection }) =>
      createAreaExcerpt(store, { ...selection, png: Buffer.from(pngBase64, 'base64') }),
  }),
  'excerpts.areaImage': method({
    summary: "An area excerpt's PNG (base64).",
    input: z.object({ id: ExcerptId }),
    output: z.object({ pngBase64: z.string() }),
    handler: async ({ store }, { id }) => ({
      pngBase64: Buffer.from(await readAreaImage(store, findExcerpt(store, id))).toString('base64'),
    }),
  }),
  'excerpts.update': method({
    summary: 'Recolours an excerpt or sets its comment or tags.',
    input: z.object({
      id: ExcerptId,
      color: Excerpt.shape.color.unwrap().optional(),
      comment: z.string().max(20_000).optional(),
      tags: Tags.optional(),
    }),
    output: Excerpt,
    handler: ({ store }, { id, ...changes }) => updateExcerpt(store, id, changes),
  }),
  'excerpts.reattach': method({
    summary:
      'Moves an excerpt onto a newly selected passage (resize, or repair an orphan); its state becomes exact.',
    input: z
      .object({ id: ExcerptId, ...Selection })
      .refine((s) => s.end > s.start, { message: 'end must be after start', path: ['end'] }),
    output: Excerpt,
    handler: async ({ store }, { id, ...selection }) =>
      (await import('../core/article-update')).reattachExcerpt(store, id, selection),
  }),
  'excerpts.addQuote': method({
    summary:
      'Makes an excerpt from words of an article, exact or as typed (straight quotes, -- for a dash, plain spaces…); which occurrence, 1-based, when they repeat.',
    input: z.object({
      articleId: ArticleId,
      quote: z.string().min(1).max(100_000),
      occurrence: z.number().int().positive().optional(),
      comment: z.string().max(20_000).optional(),
      tags: Tags.optional(),
    }),
    output: Excerpt,
    handler: ({ store }, request) => excerptQuote(store, request),
  }),
}
