import { describe, it, expect, beforeEach } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './store/library-store'
import { importPaths } from './import/import-files'
import { readArticleText, deleteArticle } from './articles'
import { createExcerpt, listExcerpts, deleteExcerpt, restoreExcerpt } from './excerpts'
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
