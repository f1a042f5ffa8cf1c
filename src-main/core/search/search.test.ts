import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../store/library-store'
import { importPaths } from '../import/import-files'
import { deleteArticle, readArticleText, renameArticle, setArticleTags } from '../articles'
import { createExcerpt, updateExcerpt } from '../excerpts'
import { createNote, deleteNote, saveNote } from '../notes/notes'
import { noteContent } from '../../testing/note-content'
import { LibrarySearch, SEARCH_INDEX_FILE, type SearchHit } from './library-search'
import type { SerializedNoteContent } from '../notes/note-content'

// A small fixed library, built through the core as the app builds it, searched as a user would.

const ARTICLES: Record<string, string> = {
  'Referendum in Kurdistan.txt':
    'Voters in the Kurdistan region went to the polls. Turnout was high in Erbil and Duhok.',
  'Mountain villages.txt':
    'The referendum was discussed in every village of the mountains. The old capital kept its walls.',
  'Gardens of Kyoto.txt':
    '京都の庭園は苔で知られています。東京都に住んでいる人も京都を訪れます。 Moss gardens draw visitors.',
  'Café culture.txt': 'The capital old town has a café on every corner, and Crème brûlée on every menu.',
}

let dir: string
let store: LibraryStore
let search: LibrarySearch
const ids: Record<string, string> = {}

beforeAll(async () => {
  const files = await mkdtemp(join(tmpdir(), 'commonplace-search-files-'))
  for (const [name, text] of Object.entries(ARTICLES)) await writeFile(join(files, name), text)
  dir = await mkdtemp(join(tmpdir(), 'commonplace-search-'))
  store = await LibraryStore.open(dir)
  await importPaths(
    store,
    Object.keys(ARTICLES).map((name) => join(files, name)),
  )
  // Titles from file names are title-cased; the user's own titles are kept as typed.
  for (const article of store.data.articles) {
    const name = article.sourceName!.replace(/\.txt$/, '')
    ids[name] = article.id
    await renameArticle(store, article.id, name)
  }
  await rm(files, { recursive: true })
  await setArticleTags(store, ids['Mountain villages']!, ['fieldwork'])
})

afterEach(() => search?.close())

const titles = (hits: SearchHit[]) => hits.map((hit) => `${hit.kind}:${hit.title}`)
const find = async (typed: string, options = {}) => {
  search = LibrarySearch.of(store)
  return (await search.search(typed, { complete: true, ...options })).hits
}

async function quoteOf(title: string, words: string) {
  const articleId = ids[title]!
  const start = (await readArticleText(store, articleId)).indexOf(words)
  return createExcerpt(store, { articleId, start, end: start + words.length, quote: words })
}

function noteQuoting(
  text: string,
  quote: { id: string; articleId: string; quote: string },
): SerializedNoteContent {
  const content = noteContent(text)
  content.root.children.push({
    type: 'excerpt',
    version: 1,
    excerptId: quote.id,
    articleId: quote.articleId,
    quote: quote.quote,
    sourceTitle: 'Mountain villages',
    sourceName: null,
    sourceUrl: null,
    excerptedAt: '2026-11-30T00:00:00.000Z',
  })
  return content
}

describe('search', () => {
  it('ranks a title hit above body hits, and finds words by their beginning as they are typed', async () => {
    expect(titles(await find('referendum'))).toEqual([
      'article:Referendum in Kurdistan',
      'article:Mountain villages',
    ])
    expect(titles(await find('refer'))).toEqual(titles(await find('referendum')))
    expect(titles(await find('kurd'))).toEqual(['article:Referendum in Kurdistan'])
  })

  it('marks the matched words in a snippet of the field that matched', async () => {
    const [hit] = await find('turnout')
    expect(hit!.field).toBe('body')
    const marked = hit!.snippet.filter((piece) => piece.marked).map((piece) => piece.text)
    expect(marked).toEqual(['Turnout'])
    expect(hit!.snippet.map((piece) => piece.text).join('')).toContain('Turnout was high in Erbil')
  })

  it('matches a quoted phrase only with its words in order', async () => {
    expect(titles(await find('"old capital"'))).toEqual(['article:Mountain villages'])
    expect(titles(await find('"capital old"'))).toEqual(['article:Café culture'])
    expect(titles(await find('old capital')).sort()).toEqual([
      'article:Café culture',
      'article:Mountain villages',
    ])
  })

  it('finds Chinese and Japanese words inside unbroken text, and ignores accents', async () => {
    expect(titles(await find('東京'))).toEqual(['article:Gardens of Kyoto'])
    expect(titles(await find('庭園'))).toEqual(['article:Gardens of Kyoto'])
    expect(titles(await find('京都を訪れ'))).toEqual(['article:Gardens of Kyoto'])
    expect(titles(await find('大阪'))).toEqual([])
    const [hit] = await find('東京')
    expect(
      hit!.snippet
        .filter((piece) => piece.marked)
        .map((piece) => piece.text)
        .join(''),
    ).toBe('東京')
    expect(titles(await find('creme brulee'))).toEqual(['article:Café culture'])
    expect(titles(await find('cafe'))).toEqual(['article:Café culture'])
  })

  it('finds the quoted words inside a note’s excerpt blocks, and an excerpt above the article it is from', async () => {
    const excerpt = await quoteOf('Mountain villages', 'every village of the mountains')
    const note = await createNote(store, 'Field notes')
    await saveNote(store, note.id, noteQuoting('My thoughts on the vote.', excerpt))
    const hits = await find('mountains')
    expect(titles(hits)).toEqual([
      'excerpt:Mountain villages',
      'note:Field notes',
      'article:Mountain villages',
    ])
    expect(hits[1]!.field).toBe('quote')
    await deleteNote(store, note.id)
  })

  it('filters by kind, tag, source and date', async () => {
    expect(titles(await find('referendum', { kind: 'article', tag: 'fieldwork' }))).toEqual([
      'article:Mountain villages',
    ])
    expect(titles(await find('referendum', { kind: 'note' }))).toEqual([])
    expect(titles(await find('referendum', { source: 'kurdistan' }))).toEqual([
      'article:Referendum in Kurdistan',
    ])
    expect(titles(await find('referendum', { before: '2000-01-01' }))).toEqual([])
    expect(await find('referendum', { from: '2000-01-01' })).toHaveLength(2)
  })

  it('follows every import, edit and delete, and answers nothing for an empty or syntax-only query', async () => {
    search = LibrarySearch.of(store)
    await renameArticle(store, ids['Café culture']!, 'Coffee houses')
    expect(titles(await find('coffee'))).toEqual(['article:Coffee houses'])
    const excerpt = await quoteOf('Referendum in Kurdistan', 'Turnout was high')
    await updateExcerpt(store, excerpt.id, { comment: 'compare with 2005' })
    expect(titles(await find('compare'))).toEqual(['excerpt:Referendum in Kurdistan'])
    const note = await createNote(store, 'Draft')
    await saveNote(store, note.id, noteContent('A zeppelin over the valley.'))
    expect(titles(await find('zeppelin'))).toEqual(['note:Draft'])
    await saveNote(store, note.id, noteContent('A balloon over the valley.'))
    expect(titles(await find('zeppelin'))).toEqual([])
    await deleteNote(store, note.id)
    expect(titles(await find('balloon'))).toEqual([])
    expect(await find('')).toEqual([])
    expect(await find('" * AND OR ( )')).toEqual([])
    expect(titles(await find('(turnout*)'))).toEqual([
      'excerpt:Referendum in Kurdistan',
      'article:Referendum in Kurdistan',
    ])
  })

  it('updates itself in the background after a save, without a search asking', async () => {
    search = LibrarySearch.of(store)
    await search.update()
    const note = await createNote(store, 'Background')
    await saveNote(store, note.id, noteContent('Quasar observations.'))
    await expect
      .poll(() => search.progress.ready && search.progress.indexed === search.progress.total)
      .toBe(true)
    const found = await search.search('quasar')
    expect(titles(found.hits)).toEqual(['note:Background'])
    await deleteNote(store, note.id)
  })

  it('builds the index again when it is damaged or missing, and a store in another process sees it', async () => {
    search = LibrarySearch.of(store)
    await search.update()
    search.close()
    await writeFile(store.path(SEARCH_INDEX_FILE), 'not a database')
    await rm(store.path(`${SEARCH_INDEX_FILE}-wal`), { force: true })
    expect(titles(await find('turnout'))).toContain('article:Referendum in Kurdistan')

    const other = await LibraryStore.open(dir)
    await deleteArticle(other, ids['Gardens of Kyoto']!)
    await other.close()
    await store.refresh()
    expect(titles(await find('東京'))).toEqual([])
  })
})

describe('reading what was typed', () => {
  it('takes words as prefixes from two letters on, phrases exactly, and at most 24 terms', async () => {
    const { parseQuery } = await import('./search-text')
    expect(parseQuery('refer').match).toBe('"refer"*')
    expect(parseQuery('r').match).toBe('"r"')
    expect(parseQuery('"old capital" walls').match).toBe('"old capital" "walls"*')
    expect(parseQuery('AND OR NEAR(x, 3) col:word').match).toBe('"AND"* "OR"* "NEAR"* "x" "3" "col"* "word"*')
    expect(parseQuery('東京 tower').match).toBe('"東 京" "tower"*')
    expect(parseQuery('word '.repeat(500)).match!.split(' ')).toHaveLength(24)
    expect(parseQuery('"old capital" w 東京').parts).toEqual([
      { words: ['old', 'capital'], prefix: false },
      { words: ['w'], prefix: false },
      { words: ['東京'], prefix: false },
    ])
  })
})
