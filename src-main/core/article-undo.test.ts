import { describe, it, expect } from 'vitest'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './store/library-store'
import { importPaths } from './import/import-files'
import { createExcerpt } from './excerpts'
import { getArticle, readArticleText } from './articles'
import { checkLibrary } from './store/doctor'
import { deleteArticleUndoably, restoreArticle, UNDO_HOLD_MS } from './article-undo'
import { SAMPLE_ARTICLE, corpusFile } from '../testing/corpus'

async function libraryWithArticle(file: string) {
  const folder = await mkdtemp(join(tmpdir(), 'commonplace-article-undo-'))
  const store = await LibraryStore.open(folder)
  const id = (await importPaths(store, [file]))[0]!.articleId!
  return { folder, store, id }
}

async function filesOf(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const name of (await readdir(folder)).sort())
    files[name] = (await readFile(join(folder, name))).toString('base64')
  return files
}

describe('undoing the deletion of an article', () => {
  it.each([
    ['a text file', SAMPLE_ARTICLE],
    ['a PDF (its original and page map too)', corpusFile('pdf', 'basicapi.pdf')],
  ])(
    'puts back %s whole: record, excerpts and files, as a reopened library sees them',
    async (_what, file) => {
      const { folder, store, id } = await libraryWithArticle(file)
      const text = await readArticleText(store, id)
      const quote = text.slice(10, 40)
      const excerpt = await createExcerpt(store, { articleId: id, start: 10, end: 40, quote })
      const before = await filesOf(join(folder, 'articles', id))
      const record = (await getArticle(store, id)).title

      await deleteArticleUndoably(store, id)
      expect(store.data.articles.some((article) => article.id === id)).toBe(false)
      expect(store.data.excerpts).toEqual([])
      await expect(readdir(join(folder, 'articles', id))).rejects.toMatchObject({ code: 'ENOENT' })

      const restored = await restoreArticle(store, id)
      expect(restored.title).toBe(record)
      expect(await filesOf(join(folder, 'articles', id))).toEqual(before)
      await store.close()

      const reopened = await LibraryStore.open(folder)
      expect((await getArticle(reopened, id)).text).toBe(text)
      expect(reopened.data.excerpts).toEqual([excerpt])
      expect((await checkLibrary(reopened)).healthy).toBe(true)
      // Once put back it is no longer held: a second undo has nothing to restore.
      await expect(restoreArticle(reopened, id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await reopened.close()
    },
  )

  it('refuses once the undo has expired, and for an article never deleted, leaving the library as it was', async () => {
    const { store, id } = await libraryWithArticle(SAMPLE_ARTICLE)
    await expect(restoreArticle(store, id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await deleteArticleUndoably(store, id)
    await expect(restoreArticle(store, id, Date.now() + UNDO_HOLD_MS + 1)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/can no longer be put back/),
    })
    expect(store.data.articles).toEqual([])
    // Within the time it still can.
    expect((await restoreArticle(store, id)).id).toBe(id)
    await store.close()
  })
})
