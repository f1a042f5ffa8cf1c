import { describe, it, expect, beforeEach } from 'vitest'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './store/library-store'
import { importPaths, hashText, countWords } from './import/import-files'
import { findArticle, getArticle, readArticleText, renameArticle } from './articles'
import { createExcerpt, findExcerpt } from './excerpts'
import { reattachExcerpt, updateArticle, updateFromImported } from './article-update'
import { SAMPLE_REVISION, scriptedRevisionOfSample } from './anchor/sample-revision'
import { deleteParagraph, respaced } from './anchor/scripted-edits'
import { SAMPLE_ARTICLE, corpusFile } from '../testing/corpus'

const encode = (text: string) => new TextEncoder().encode(text)
const CROSSING = 'supreme leader.\n\nThe timing shows'

let dir: string
let store: LibraryStore
let articleId: string
let text: string

async function excerptOn(words: string) {
  const start = text.indexOf(words)
  return createExcerpt(store, { articleId, start, end: start + words.length, quote: words })
}

/** Every file of the library folder, by path, with its bytes. */
async function snapshot(): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    // The store's own bookkeeping (journal, lock) is not what a user reads as the library.
    if (entry.isFile() && !entry.parentPath.includes('.commonplace')) {
      const path = join(entry.parentPath, entry.name)
      files.set(path, (await readFile(path)).toString('base64'))
    }
  }
  return files
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'commonplace-update-'))
  store = await LibraryStore.open(dir)
  articleId = (await importPaths(store, [SAMPLE_ARTICLE]))[0]!.articleId!
  text = await readArticleText(store, articleId)
})

describe('updateArticle', () => {
  it('re-anchors every excerpt on the revised sample and stores the new version in one go', async () => {
    const moved = await excerptOn(SAMPLE_REVISION.unchanged[2])
    const reworded = await excerptOn(SAMPLE_REVISION.reworded.before)
    const crossing = await excerptOn(CROSSING)
    const revised = scriptedRevisionOfSample(text)

    const update = await updateArticle(store, articleId, {
      name: 'iraq-kurdish-referendum-2017.txt',
      bytes: encode(revised),
    })

    expect(update.textChanged).toBe(true)
    expect(update.excerpts.map((e) => [e.id, e.state])).toEqual([
      [crossing.id, 'moved'],
      [reworded.id, 'changed'],
      [moved.id, 'moved'],
    ])
    const newText = await readArticleText(store, articleId)
    expect(newText).toBe(revised)
    for (const result of update.excerpts) expect(newText.slice(result.start, result.end)).toBe(result.quote)
    expect(update.excerpts[1]).toMatchObject({
      quote: SAMPLE_REVISION.reworded.after,
      previousQuote: SAMPLE_REVISION.reworded.before,
    })

    // Stored, and still so when the library is opened afresh from disk.
    const reopened = await LibraryStore.open(dir)
    const article = findArticle(reopened, articleId)
    expect(article.contentHash).toBe(hashText(revised))
    expect(article.wordCount).toBe(countWords(revised))
    const stored = findExcerpt(reopened, reworded.id)
    expect(stored).toMatchObject({
      state: 'changed',
      quote: SAMPLE_REVISION.reworded.after,
      previousQuote: SAMPLE_REVISION.reworded.before,
      articleHash: article.contentHash,
    })
    expect(stored.prefix).toBe(newText.slice(stored.start - stored.prefix.length, stored.start))
    expect(stored.suffix).toBe(newText.slice(stored.end, stored.end + stored.suffix.length))
    expect(findExcerpt(reopened, moved.id)).toMatchObject({
      state: 'moved',
      previousQuote: null,
      start: revised.indexOf(moved.quote),
    })
    expect((await getArticle(reopened, articleId)).html).toContain(SAMPLE_REVISION.inserted[0])
    expect(await readFile(join(dir, 'articles', articleId, 'original.txt'), 'utf8')).toBe(revised)
  })

  it('keeps an orphan’s words and old selector, and re-attaches it by a new selection', async () => {
    const doomed = await excerptOn('The timing shows the importance Iran has in Iraq')
    const revised = deleteParagraph(text, 'The timing shows the importance')

    const update = await updateArticle(store, articleId, { name: 'sample.txt', bytes: encode(revised) })

    expect(update.excerpts).toEqual([
      {
        id: doomed.id,
        state: 'orphaned',
        start: doomed.start,
        end: doomed.end,
        quote: doomed.quote,
        previousQuote: null,
      },
    ])
    expect(findExcerpt(store, doomed.id)).toMatchObject({
      state: 'orphaned',
      quote: doomed.quote,
      articleHash: doomed.articleHash,
    })

    const words = 'Iraq’s central government'
    const start = revised.indexOf(words)
    const repaired = await reattachExcerpt(store, doomed.id, {
      start,
      end: start + words.length,
      quote: words,
    })
    expect(repaired).toMatchObject({ state: 'exact', quote: words, start, previousQuote: null })
    expect(repaired.articleHash).toBe(findArticle(store, articleId).contentHash)
    await expect(
      reattachExcerpt(store, doomed.id, { start: 0, end: 3, quote: 'not in the article' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
  })

  it('treats the same text again as a no-op that reports every excerpt exact', async () => {
    const excerpt = await excerptOn(SAMPLE_REVISION.reworded.before)
    const before = await snapshot()

    const update = await updateArticle(store, articleId, {
      name: 'iraq.txt',
      bytes: await readFile(SAMPLE_ARTICLE),
    })

    expect(update.textChanged).toBe(false)
    expect(update.excerpts).toEqual([
      {
        id: excerpt.id,
        state: 'exact',
        start: excerpt.start,
        end: excerpt.end,
        quote: excerpt.quote,
        previousQuote: null,
      },
    ])
    expect(await snapshot()).toEqual(before)
  })

  it('follows whitespace-only changes: same identity, excerpts moved', async () => {
    const excerpt = await excerptOn(SAMPLE_REVISION.unchanged[2])
    const hash = findArticle(store, articleId).contentHash
    const update = await updateArticle(store, articleId, {
      name: 'sample.txt',
      bytes: encode(respaced(text)),
    })
    expect(update.excerpts[0]).toMatchObject({ id: excerpt.id, state: 'moved', quote: excerpt.quote })
    expect(findArticle(store, articleId).contentHash).toBe(hash)
  })

  it('takes a new version in another format and replaces the kept original', async () => {
    const excerpt = await excerptOn(SAMPLE_REVISION.unchanged[2])
    const markdown = `# Iraq rejects Kurdish offer\n\n${text}`
    const update = await updateArticle(store, articleId, { name: 'iraq.md', bytes: encode(markdown) })
    expect(update.article).toMatchObject({
      format: 'markdown',
      title: 'Iraq rejects Kurdish offer',
      originalFile: 'original.md',
    })
    expect(update.excerpts[0]).toMatchObject({ id: excerpt.id, state: 'moved', quote: excerpt.quote })
    const files = await readdir(join(dir, 'articles', articleId))
    expect(files.sort()).toEqual(['content.html', 'original.md', 'text.txt'])
  })

  it('keeps a title the user gave the article; the new version’s title replaces only one that came with the file', async () => {
    await renameArticle(store, articleId, 'Kurdistan vote: Baghdad says no')
    const markdown = `# Iraq rejects Kurdish offer\n\n${text}`
    const update = await updateArticle(store, articleId, { name: 'iraq.md', bytes: encode(markdown) })
    expect(update.article).toMatchObject({ title: 'Kurdistan vote: Baghdad says no', titleSetByUser: true })
    expect((await LibraryStore.open(dir)).data.articles[0]).toMatchObject({
      title: 'Kurdistan vote: Baghdad says no',
    })
  })

  it.each([
    ['a binary file', 'sample.txt', new Uint8Array([0x49, 0, 0x72, 0, 0x61, 0x71])],
    ['an unsupported type', 'sample.xyz', encode('Some text')],
    ['an empty file', 'sample.txt', new Uint8Array()],
    ['a file with no text', 'sample.md', encode('<!-- nothing -->\n')],
  ])('leaves the library exactly as it was for %s', async (_, name, bytes) => {
    await excerptOn(SAMPLE_REVISION.reworded.before)
    const before = await snapshot()
    await expect(updateArticle(store, articleId, { name, bytes })).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
    })
    expect(await snapshot()).toEqual(before)
  })

  it('puts the old text back when the write fails halfway', async () => {
    await excerptOn(SAMPLE_REVISION.reworded.before)
    // A folder where the original file should go: content.html and text.txt are written, then this fails.
    const original = join(dir, 'articles', articleId, 'original.txt')
    await rm(original)
    await mkdir(original)
    await writeFile(join(original, 'in-the-way'), 'x')
    const before = await snapshot()
    await expect(
      updateArticle(store, articleId, { name: 'sample.txt', bytes: encode(scriptedRevisionOfSample(text)) }),
    ).rejects.toMatchObject({ code: 'WRITE_FAILED' })
    expect(await snapshot()).toEqual(before)
    expect(await readArticleText(await LibraryStore.open(dir), articleId)).toBe(text)
  })

  it('refuses a version that is another article of the library, changing nothing', async () => {
    const other = corpusFile('docx', 'EXPECTED.md')
    const otherId = (await importPaths(store, [other]))[0]!.articleId!
    const before = await snapshot()
    const bytes = await readFile(other)
    await expect(updateArticle(store, articleId, { name: 'EXPECTED.md', bytes })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(await snapshot()).toEqual(before)
    expect(findArticle(store, otherId)).toBeTruthy()
  })

  it('leaves the excerpts of other articles alone', async () => {
    const otherId = (await importPaths(store, [corpusFile('docx', 'EXPECTED.md')]))[0]!.articleId!
    const otherText = await readArticleText(store, otherId)
    const other = await createExcerpt(store, {
      articleId: otherId,
      start: 0,
      end: 20,
      quote: otherText.slice(0, 20),
    })
    await updateArticle(store, articleId, {
      name: 'sample.txt',
      bytes: encode(scriptedRevisionOfSample(text)),
    })
    expect(findExcerpt(store, other.id)).toEqual(other)
  })

  it('reports an unknown article', async () => {
    await expect(
      updateArticle(store, 'a-missing', { name: 'x.txt', bytes: encode('x') }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})

describe('excerpt records written before anchoring states', () => {
  it('load as exact, uncoloured by choice, without comment or tags', async () => {
    const old = await mkdtemp(join(tmpdir(), 'commonplace-old-excerpts-'))
    const excerpt = {
      id: 'ex-1',
      articleId: 'a-1',
      quote: 'q',
      prefix: '',
      suffix: '',
      start: 0,
      end: 1,
      articleHash: 'h',
      createdAt: '2026-01-01T00:00:00.000Z',
    }
    await writeFile(
      join(old, 'library.json'),
      JSON.stringify({ schemaVersion: 1, articles: [], excerpts: [excerpt], notes: [] }),
    )
    const loaded = (await LibraryStore.open(old)).data.excerpts[0]
    expect(loaded).toEqual({
      ...excerpt,
      state: 'exact',
      previousQuote: null,
      color: 'yellow',
      comment: '',
      tags: [],
    })
  })
})

describe('a re-import of the same file with new content', () => {
  it('is imported beside the old article, names it, and can become its new version', async () => {
    const cited = await excerptOn(SAMPLE_REVISION.reworded.before)
    const folder = join(dir, '..', `${articleId}-revision`)
    await mkdir(folder, { recursive: true })
    const revised = join(folder, 'iraq-kurdish-referendum-2017.txt')
    await writeFile(revised, scriptedRevisionOfSample(text))
    const [outcome] = await importPaths(store, [revised])
    expect(outcome).toMatchObject({ status: 'imported', sameSourceArticleId: articleId })
    expect(outcome!.message).toContain('same file name')

    const update = await updateFromImported(store, articleId, outcome!.articleId!)
    expect(update.textChanged).toBe(true)
    expect(update.excerpts).toEqual([expect.objectContaining({ id: cited.id, state: 'changed' })])
    expect(store.data.articles.map((a) => a.id)).toEqual([articleId])
    expect(await readArticleText(store, articleId)).toBe(scriptedRevisionOfSample(text))
    await rm(folder, { recursive: true, force: true })
  })

  it('keeps the copy when it has excerpts of its own, and names no article for other files', async () => {
    const otherFile = join(dir, '..', `${articleId}-other.md`)
    await writeFile(otherFile, '# Another article\n\nNothing to do with the sample.')
    const [other] = await importPaths(store, [otherFile])
    expect(other).toMatchObject({ status: 'imported', sameSourceArticleId: null })
    await rm(otherFile)
    const folder = join(dir, '..', `${articleId}-copy`)
    await mkdir(folder, { recursive: true })
    const revised = join(folder, 'iraq-kurdish-referendum-2017.txt')
    await writeFile(revised, scriptedRevisionOfSample(text))
    const copyId = (await importPaths(store, [revised]))[0]!.articleId!
    const copyText = await readArticleText(store, copyId)
    const start = copyText.indexOf('Kurdish')
    await createExcerpt(store, { articleId: copyId, start, end: start + 7, quote: 'Kurdish' })
    await expect(updateFromImported(store, articleId, copyId)).rejects.toThrow(/excerpts of its own/)
    expect(store.data.articles.map((a) => a.id).sort()).toEqual([articleId, other!.articleId!, copyId].sort())
    await rm(folder, { recursive: true, force: true })
  })
})
