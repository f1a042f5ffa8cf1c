import { z } from 'zod'
import { method } from './method'

// The verify code (markdown-it, headless Lexical) loads with the first check, not with the API.
const quoteCheck = () => import('../core/verify/quote-check')
const verifyModule = () => import('../core/verify/verify-markdown')

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

/** Most Markdown `quotes.verifyText` takes in one call (all files together). */
const MAX_VERIFY_TEXT = 20 * 1024 * 1024

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
      const verdicts = await (await verifyModule()).verifyPath(store, await paths.resolve(path, 'import'))
      return { verdicts, allExact: verdicts.every((verdict) => verdict.state === 'exact') }
    },
  }),
  'quotes.verifyText': method({
    summary:
      'Checks every quote of exported Markdown given as text (files a window read), with the SHA-256 of the pictures beside them, against the library.',
    input: z.object({
      files: z
        .array(z.object({ name: z.string().min(1).max(1000), markdown: z.string().max(MAX_VERIFY_TEXT) }))
        .min(1)
        .max(5000)
        .refine((files) => files.reduce((sum, file) => sum + file.markdown.length, 0) <= MAX_VERIFY_TEXT, {
          message: `at most ${MAX_VERIFY_TEXT / 1024 / 1024} MB of Markdown in one call`,
        }),
      pictures: z
        .array(z.object({ name: z.string().min(1).max(1000), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
        .max(20_000)
        .default([]),
    }),
    output: z.object({ verdicts: z.array(QuoteVerdict), allExact: z.boolean() }),
    handler: async ({ store }, { files, pictures }) => {
      const { verifyMarkdown } = await verifyModule()
      const { givenPictures } = await import('../core/verify/given-pictures')
      const verdicts = []
      for (const file of files)
        verdicts.push(
          ...(await verifyMarkdown(store, file.markdown, file.name, givenPictures(file.name, pictures))),
        )
      return { verdicts, allExact: verdicts.every((verdict) => verdict.state === 'exact') }
    },
  }),
}
