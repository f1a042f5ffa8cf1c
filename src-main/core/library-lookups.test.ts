import { describe, expect, it } from 'vitest'
import type { Article } from './records'
import { articleRecord, newerCopyOf, tagCounts } from './library-lookups'

// The whole-library answers a window asks for instead of holding every article.

function article(id: string, fields: Partial<Article>): Article {
  return {
    id,
    title: `Article ${id}`,
    format: 'text',
    sourceName: null,
    sourceUrl: null,
    importedAt: '2025-01-01T00:00:00.000Z',
    wordCount: 10,
    contentHash: `hash-${id}`,
    byline: null,
    siteName: null,
    publishedAt: null,
    lang: null,
    dir: null,
    description: null,
    tags: [],
    ...fields,
  } as Article
}

describe('articleRecord', () => {
  it('finds an article by id and answers null for one not in the library', () => {
    const articles = [article('a1', {}), article('a2', {})]
    expect(articleRecord(articles, 'a2')?.title).toBe('Article a2')
    expect(articleRecord(articles, 'a3')).toBeNull()
  })
})

describe('newerCopyOf', () => {
  const open = article('a1', { sourceName: 'paper.pdf', importedAt: '2025-01-01T00:00:00.000Z' })

  it('picks the newest later import of the same file with other text', () => {
    const articles = [
      open,
      article('a2', { sourceName: 'paper.pdf', importedAt: '2025-02-01T00:00:00.000Z' }),
      article('a3', { sourceName: 'paper.pdf', importedAt: '2025-03-01T00:00:00.000Z' }),
      article('a4', { sourceName: 'other.pdf', importedAt: '2025-04-01T00:00:00.000Z' }),
    ]
    expect(newerCopyOf(articles, open)?.id).toBe('a3')
  })

  it('ignores older imports, the same text, and other sources', () => {
    const articles = [
      open,
      article('a2', { sourceName: 'paper.pdf', importedAt: '2024-12-01T00:00:00.000Z' }),
      article('a3', {
        sourceName: 'paper.pdf',
        importedAt: '2025-02-01T00:00:00.000Z',
        contentHash: 'hash-a1',
      }),
      article('a4', { sourceName: 'else.pdf', importedAt: '2025-02-01T00:00:00.000Z' }),
    ]
    expect(newerCopyOf(articles, open)).toBeNull()
  })

  it('matches a linked article by its address, not its file name', () => {
    const linked = article('b1', { sourceUrl: 'https://example.org/x', sourceName: 'x.html' })
    const articles = [
      linked,
      article('b2', {
        sourceUrl: 'https://example.org/y',
        sourceName: 'x.html',
        importedAt: '2025-02-01T00:00:00.000Z',
      }),
      article('b3', {
        sourceUrl: 'https://example.org/x',
        sourceName: 'z.html',
        importedAt: '2025-02-01T00:00:00.000Z',
      }),
    ]
    expect(newerCopyOf(articles, linked)?.id).toBe('b3')
  })
})

describe('tagCounts', () => {
  it('counts each item once per tag across articles, notes and excerpts, most used first', () => {
    const counts = tagCounts(
      [{ tags: ['war', 'war'] }, { tags: ['peace'] }],
      [{ tags: ['war'] }],
      [{ tags: ['war', 'quote'] }, { tags: ['quote'] }],
    )
    expect(counts).toEqual([
      { tag: 'war', articles: 1, notes: 1, excerpts: 1 },
      { tag: 'quote', articles: 0, notes: 0, excerpts: 2 },
      { tag: 'peace', articles: 1, notes: 0, excerpts: 0 },
    ])
  })

  it('is empty when nothing is tagged', () => {
    expect(tagCounts([{ tags: [] }], [], [])).toEqual([])
  })
})
