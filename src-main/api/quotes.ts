import { z } from 'zod'
import { method } from './method'

// The verify code (markdown-it, headless Lexical) loads with the first check, not with the API.
const quoteCheck = () => import('../core/verify/quote-check')
const verifyMarkdown = () => import('../core/verify/verify-markdown')

const QuoteCheck = z.object({
  excerptId: z.string(),
  state: z.enum(['exact', 'source changed', 'source removed', 'quote edited']),
  sourceWords: z.string().nullable(),
  sourceTitle: z.string().nullable(),
  articleId: z.string().nullable(),
})

const QuoteVerdict = z.object({
  file: z.string(),
  line: z.number().int(),
  state: z.enum(['exact', 'altered', 'source changed', 'unknown excerpt', 'no citation']),
  excerptId: z.string().nullable(),
  quote: z.string(),
  detail: z.string(),
  diff: z.string().nullable(),
})

export const quoteMethods = {
  'quotes.check': method({
    summary:
      "Whether quoted words (an excerpt block's) are still exactly what the excerpt and its article say.",
    input: z.object({
      quotes: z
        .array(z.object({ excerptId: z.string().min(1).max(200), quote: z.string().max(100_000) }))
        .max(10_000),
    }),
    output: z.array(QuoteCheck),
    handler: async ({ store }, { quotes }) => {
      const { articleTexts, checkQuote } = await quoteCheck()
      const textOf = articleTexts(store)
      const checks = []
      for (const { excerptId, quote } of quotes)
        checks.push(await checkQuote(store, excerptId, quote, textOf))
      return checks
    },
  }),
  'quotes.verify': method({
    summary:
      'Checks every quote of an exported Markdown file, or of the .md files in a folder, against the library.',
    input: z.object({ path: z.string().min(1).max(4096) }),
    output: z.object({ verdicts: z.array(QuoteVerdict), allExact: z.boolean() }),
    handler: async ({ store }, { path }, { paths }) => {
      const verdicts = await (await verifyMarkdown()).verifyPath(store, await paths.resolve(path, 'import'))
      return { verdicts, allExact: verdicts.every((verdict) => verdict.state === 'exact') }
    },
  }),
}
