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
    summary: 'Puts back an excerpt removed by excerpts.delete (undo).',
    input: z.object({ excerpt: Excerpt }),
    output: Excerpt,
    handler: ({ store }, { excerpt }) => restoreExcerpt(store, excerpt),
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
