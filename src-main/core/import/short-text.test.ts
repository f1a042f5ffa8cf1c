import { describe, it, expect } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { shortTextNotice } from './short-text'
import { importPaths } from './import-files'
import { LibraryStore } from '../store/library-store'
import { getArticle } from '../articles'
import { corpusFile } from '../../testing/corpus'

const openStore = async () => LibraryStore.open(await mkdtemp(join(tmpdir(), 'commonplace-short-')))

describe('shortTextNotice', () => {
  it('speaks up for few words from a file that holds far more than them', () => {
    expect(shortTextNotice('Two words', 2, 16_271)).toMatch(/^Only 2 words were found in this 16 KB file\./)
    expect(shortTextNotice('One', 1, 631)).toMatch(/^Only 1 word was found in this 631-byte file\./)
  })

  it('stays quiet for short texts in small files, long texts, and no words at all', () => {
    expect(shortTextNotice('A short note of six words.', 6, 40)).toBeNull()
    expect(shortTextNotice('word '.repeat(100), 100, 10_000_000)).toBeNull()
    expect(shortTextNotice('', 0, 50_000)).toBeNull()
  })

  it('counts words of languages written without spaces', () => {
    const japanese = '公衆無線LANを安全に使うためのアプリを発表した。'.repeat(20)
    expect(shortTextNotice(japanese, 1, 20_000)).toBeNull()
  })
})

describe('implausibly short imports, from the corpus', () => {
  it.each([
    ['epub', 'alice_without_cover.epub'],
    ['pdf', 'xref_command_missing.pdf'],
    ['docx', 'footnote-hyperlink.docx'],
    ['docx', 'simple-list.docx'],
  ])('%s/%s imports with a notice on the article and in the outcome', async (folder, name) => {
    const store = await openStore()
    const [outcome] = await importPaths(store, [corpusFile(folder, name)])
    expect(outcome!.status).toBe('imported')
    const notice = outcome!.notices?.find((text) => text.startsWith('Only '))
    expect(notice).toMatch(/words? (was|were) found in this .* file/)
    expect((await getArticle(store, outcome!.articleId!)).notices).toContain(notice)
  })

  it.each([
    ['text', 'iraq-kurdish-referendum-2017.txt'],
    ['readability', 'yahoo-4/source.html'],
    ['pdf', 'tracemonkey_a11y.pdf'],
  ])('%s/%s imports without one', async (folder, name) => {
    const store = await openStore()
    const [outcome] = await importPaths(store, [corpusFile(folder, name)])
    expect(outcome!.status).toBe('imported')
    expect(outcome!.notices?.filter((text) => text.startsWith('Only '))).toEqual([])
  })
})
