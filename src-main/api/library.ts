import { z } from 'zod'
import { method } from './method'

export const libraryMethods = {
  'library.info': method({
    summary: 'Where the library is and what it holds.',
    input: z.object({}),
    output: z.object({ dir: z.string(), articles: z.number(), excerpts: z.number(), notes: z.number() }),
    handler: async ({ store }) => {
      await store.refresh()
      const { articles, excerpts, notes } = store.data
      return { dir: store.dir, articles: articles.length, excerpts: excerpts.length, notes: notes.length }
    },
  }),
}
