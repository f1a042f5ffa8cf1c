import { describe, it, expect } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './store/library-store'
import { importPaths } from './import/import-files'
import { listArticles, setArticleTags } from './articles'
import { CommonplaceError } from './errors'
import { SAMPLE_ARTICLE } from '../testing/corpus'

describe('article tags', () => {
  it('stores tags trimmed, without #, lower-cased and without repeats, and keeps them on reopening', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'commonplace-article-tags-'))
    const store = await LibraryStore.open(folder)
    const id = (await importPaths(store, [SAMPLE_ARTICLE]))[0]!.articleId!

    const tagged = await setArticleTags(store, id, ['  Policy ', '#Kurds', 'policy', '##kurds', '', ' # '])
    expect(tagged.tags).toEqual(['policy', 'kurds'])

    const reopened = await LibraryStore.open(folder)
    expect(listArticles(reopened).find((article) => article.id === id)?.tags).toEqual(['policy', 'kurds'])

    expect((await setArticleTags(store, id, [])).tags).toEqual([])
  })

  it('refuses an article that is not in the library', async () => {
    const store = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'commonplace-article-tags-')))
    await expect(setArticleTags(store, 'no-such-article', ['x'])).rejects.toBeInstanceOf(CommonplaceError)
  })
})
