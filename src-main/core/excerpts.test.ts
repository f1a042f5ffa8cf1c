import { describe, it, expect, beforeEach } from 'vitest'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './store/library-store'
import { importPaths } from './import/import-files'
import { readArticleText, deleteArticle } from './articles'
import {
  createExcerpt,
  listExcerpts,
  deleteExcerpt,
  restoreExcerpt,
  excerptQuote,
  excerptTagCounts,
  updateExcerpt,
} from './excerpts'
import { CONTEXT_LENGTH } from './anchor/selector'

import { SAMPLE_ARTICLE as SAMPLE } from '../testing/corpus'
const SENTENCE = 'The U.S., Turkey and Iran have all criticized the vote.'

let store: LibraryStore
let articleId: string
let text: string
beforeEach(async () => {
  store = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'commonplace-excerpts-')))
  articleId = (await importPaths(store, [SAMPLE]))[0]!.articleId!
  text = await readArticleText(store, articleId)
})

describe('excerpts', () => {
  it('stores the quote, its context and its offsets', async () => {
    const start = text.indexOf(SENTENCE)
    const excerpt = await createExcerpt(store, {
      articleId,
      start,
      end: start + SENTENCE.length,
      quote: SENTENCE,
    })
    expect(excerpt).toMatchObject({ quote: SENTENCE, start, end: start + SENTENCE.length })
    expect(excerpt.prefix).toBe(text.slice(start - CONTEXT_LENGTH, start))
    expect(excerpt.suffix).toBe(text.slice(start + SENTENCE.length, start + SENTENCE.length + CONTEXT_LENGTH))
    expect(excerpt.id).toMatch(/^ex-[a-z0-9]+$/)
    expect(excerpt.articleHash).toBe(store.data.articles[0]!.contentHash)
  })

  it('trusts the quote over stale offsets and finds it nearby', async () => {
    const start = text.indexOf(SENTENCE)
    const excerpt = await createExcerpt(store, {
      articleId,
      start: start + 7,
      end: start + 20,
      quote: SENTENCE,
    })
    expect(excerpt.start).toBe(start)
  })

  it('crosses paragraphs', async () => {
    const start = text.indexOf('supreme leader.')
    const end = text.indexOf('The timing shows') + 'The timing shows'.length
    const excerpt = await createExcerpt(store, { articleId, start, end, quote: text.slice(start, end) })
    expect(excerpt.quote).toBe('supreme leader.\n\nThe timing shows')
  })

  it('refuses words that are not in the article', async () => {
    await expect(
      createExcerpt(store, { articleId, start: 0, end: 5, quote: 'not in there at all' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(store.data.excerpts).toHaveLength(0)
  })

  it('lists in reading order, deletes and restores', async () => {
    const later = text.indexOf(SENTENCE)
    await createExcerpt(store, { articleId, start: later, end: later + SENTENCE.length, quote: SENTENCE })
    await createExcerpt(store, { articleId, start: 0, end: 6, quote: text.slice(0, 6) })
    const [first, second] = listExcerpts(store, articleId)
    expect(first!.start).toBe(0)
    const removed = await deleteExcerpt(store, second!.id)
    expect(listExcerpts(store, articleId)).toHaveLength(1)
    await restoreExcerpt(store, removed)
    expect(listExcerpts(store, articleId).map((e) => e.id)).toEqual([first!.id, second!.id])
  })

  it('goes with its article when the article is deleted', async () => {
    await createExcerpt(store, { articleId, start: 0, end: 6, quote: text.slice(0, 6) })
    await deleteArticle(store, articleId)
    expect(store.data.excerpts).toHaveLength(0)
  })
})

describe('excerptQuote', () => {
  /** An article of typeset text: curly quotes, dashes, a non-breaking space, ligatures, an ellipsis. */
  const TYPESET =
    '“Don’t wait,” she said — twice. The ﬁnal oﬃce hours end at 10\u00A0a.m.… or so.\n\n' +
    'Pages 10–20 say it’s so; it’s so, again.'
  let typesetId: string
  let typeset: string
  beforeEach(async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'commonplace-typeset-')), 'typeset.txt')
    await writeFile(file, TYPESET)
    typesetId = (await importPaths(store, [file]))[0]!.articleId!
    typeset = await readArticleText(store, typesetId)
  })

  const typedRows: { typed: string; article: string }[] = [
    { typed: '"Don\'t wait," she said -- twice.', article: '“Don’t wait,” she said — twice.' },
    {
      typed: 'The final office hours end at 10 a.m....',
      article: 'The ﬁnal oﬃce hours end at 10\u00A0a.m.…',
    },
    { typed: 'or so. Pages 10-20', article: 'or so.\n\nPages 10–20' },
  ]
  it.each(typedRows)('takes “$typed” as the article’s own words', async ({ typed, article }) => {
    const excerpt = await excerptQuote(store, { articleId: typesetId, quote: typed })
    expect(excerpt.quote).toBe(article)
    expect(typeset.slice(excerpt.start, excerpt.end)).toBe(article)
    expect(excerpt.prefix).toBe(typeset.slice(Math.max(0, excerpt.start - CONTEXT_LENGTH), excerpt.start))
  })

  it('counts typed words’ occurrences, refuses an ambiguous or absent one, and takes the one asked for', async () => {
    await expect(excerptQuote(store, { articleId: typesetId, quote: "it's so" })).rejects.toThrow(
      /appear 2 times .*--occurrence 1…2/,
    )
    const second = await excerptQuote(store, { articleId: typesetId, quote: "it's so", occurrence: 2 })
    expect(second).toMatchObject({ quote: 'it’s so', start: typeset.lastIndexOf('it’s so') })
    await expect(
      excerptQuote(store, { articleId: typesetId, quote: "it's so", occurrence: 3 }),
    ).rejects.toThrow(/appear only 2 times/)
    await expect(excerptQuote(store, { articleId: typesetId, quote: 'Dont wait' })).rejects.toThrow(
      /are not in/,
    )
  })

  it('takes exact words as before, even where typed variants of them also stand', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'commonplace-mixed-')), 'mixed.txt')
    await writeFile(file, "Straight: it's so. Curly: it’s so.")
    const mixedId = (await importPaths(store, [file]))[0]!.articleId!
    // Exactly once each; folded, either would stand twice.
    const curly = await excerptQuote(store, { articleId: mixedId, quote: 'it’s so' })
    expect(curly).toMatchObject({ quote: 'it’s so', start: "Straight: it's so. Curly: ".length })
    const straight = await excerptQuote(store, { articleId: mixedId, quote: "it's so" })
    expect(straight).toMatchObject({ quote: "it's so", start: 'Straight: '.length })
    const sample = await excerptQuote(store, { articleId, quote: SENTENCE })
    expect(sample).toMatchObject({ quote: SENTENCE, start: text.indexOf(SENTENCE) })
    await expect(excerptQuote(store, { articleId, quote: 'Kurdish' })).rejects.toThrow(/appear \d+ times/)
  })
})

describe('excerptTagCounts', () => {
  it('counts each excerpt once per tag, with the articles they are in, by tag name', async () => {
    const make = async (words: string) => {
      const start = text.indexOf(words)
      return createExcerpt(store, { articleId, start, end: start + words.length, quote: words })
    }
    const first = await make(SENTENCE)
    const second = await make('supreme leader.')
    await updateExcerpt(store, first.id, { tags: ['Reaction', 'iran', 'iran'] })
    await updateExcerpt(store, second.id, { tags: ['#iran'] })
    expect(excerptTagCounts(store.data.excerpts)).toEqual([
      { tag: 'iran', excerpts: 2, articleIds: [articleId] },
      { tag: 'reaction', excerpts: 1, articleIds: [articleId] },
    ])
  })

  it('is empty when no excerpt has tags', () => {
    expect(excerptTagCounts([])).toEqual([])
  })
})
