import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './store/library-store'
import { newId } from './ids'
import type { Article } from './records'
import { pageOfArticles, type ArticlePageQuery } from './article-pages'

// The sidebar's pages of the article list, on a small library written through the store.

let dir: string
let store: LibraryStore

function article(n: number, fields: Partial<Article>): Article {
  return {
    id: newId('a'),
    title: `Article ${n}`,
    format: 'text',
    sourceName: null,
    sourceUrl: null,
    importedAt: new Date(Date.UTC(2025, 0, n)).toISOString(),
    wordCount: 10,
    contentHash: `hash${n}`,
    byline: null,
    siteName: null,
    publishedAt: null,
    lang: null,
    dir: null,
    description: null,
    notices: [],
    originalFile: null,
    tags: [],
    titleSetByUser: false,
    ...fields,
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'commonplace-pages-'))
  store = await LibraryStore.open(dir)
  await store.transact((draft) => {
    draft.articles.push(
      article(1, { title: 'Zebra crossings', byline: 'Ómar Ali', publishedAt: '2019-05-01T00:00:00.000Z' }),
      article(2, { title: 'apples and pears', siteName: 'Orchard Weekly', tags: ['fruit'] }),
      article(3, { title: 'Café society', byline: 'Bea Brown', publishedAt: '2021-01-01T00:00:00.000Z' }),
      article(4, { title: 'Article 10', sourceName: 'notes-on-pears.txt', tags: ['fruit'] }),
      article(5, { title: 'Article 9' }),
    )
    return {}
  })
})

afterAll(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

const titles = (query: Partial<ArticlePageQuery>) =>
  pageOfArticles(store, { offset: 0, limit: 100, sort: 'recent', ...query }).articles.map((a) => a.title)

describe('pages of the article list', () => {
  it('sorts newest first, by title (numbers as numbers), by author and by publication, unknowns last', () => {
    expect(titles({})).toEqual([
      'Article 9',
      'Article 10',
      'Café society',
      'apples and pears',
      'Zebra crossings',
    ])
    expect(titles({ sort: 'title' })).toEqual([
      'apples and pears',
      'Article 9',
      'Article 10',
      'Café society',
      'Zebra crossings',
    ])
    expect(titles({ sort: 'author' }).slice(0, 2)).toEqual(['Café society', 'Zebra crossings'])
    expect(titles({ sort: 'published' }).slice(0, 2)).toEqual(['Café society', 'Zebra crossings'])
    expect(titles({ sort: 'published' }).slice(2)).toEqual(['Article 9', 'Article 10', 'apples and pears'])
  })

  it('filters on title, author, site and file name, ignoring case and accents, every word', () => {
    expect(titles({ filter: 'cafe' })).toEqual(['Café society'])
    expect(titles({ filter: 'OMAR' })).toEqual(['Zebra crossings'])
    expect(titles({ filter: 'pears' })).toEqual(['Article 10', 'apples and pears'])
    expect(titles({ filter: 'pears orchard' })).toEqual(['apples and pears'])
    expect(titles({ filter: 'nothing like it' })).toEqual([])
    expect(titles({ tag: 'fruit', sort: 'title' })).toEqual(['apples and pears', 'Article 10'])
  })

  it('lists under a tag the articles whose excerpts alone carry it', async () => {
    const zebra = store.data.articles.find((a) => a.title === 'Zebra crossings')!
    const pears = store.data.articles.find((a) => a.title === 'apples and pears')!
    const excerpt = (articleId: string, tags: string[]) => ({
      id: newId('ex'),
      articleId,
      quote: 'q',
      prefix: '',
      suffix: '',
      start: 0,
      end: 1,
      articleHash: 'h',
      createdAt: new Date().toISOString(),
      state: 'exact' as const,
      previousQuote: null,
      color: 'yellow' as const,
      comment: '',
      tags,
    })
    expect(titles({ tag: 'stripes' })).toEqual([])
    await store.transact((draft) => {
      draft.excerpts.push(excerpt(zebra.id, ['stripes']), excerpt(pears.id, ['fruit', 'stripes']))
      return {}
    })
    expect(titles({ tag: 'stripes', sort: 'title' })).toEqual(['apples and pears', 'Zebra crossings'])
    // An article carrying the tag itself and through an excerpt is listed once.
    expect(titles({ tag: 'fruit', sort: 'title' })).toEqual(['apples and pears', 'Article 10'])
  })

  it('answers one slice with the total, and where an article stands in the order asked', () => {
    const target = store.data.articles.find((a) => a.title === 'Café society')!
    const page = pageOfArticles(store, { offset: 1, limit: 2, sort: 'title', find: target.id })
    expect(page.articles.map((a) => a.title)).toEqual(['Article 9', 'Article 10'])
    expect(page).toMatchObject({ total: 5, offset: 1, position: 3 })
    expect(
      pageOfArticles(store, { offset: 0, limit: 2, sort: 'title', filter: 'zebra', find: target.id })
        .position,
    ).toBeNull()
  })

  it('follows changes to the list (the order made for the old list is not reused)', async () => {
    await store.transact((draft) => {
      draft.articles.push(article(6, { title: 'Aardvarks' }))
      return {}
    })
    expect(titles({ sort: 'title' })[0]).toBe('Aardvarks')
    expect(titles({})[0]).toBe('Aardvarks')
  })
})
