import { describe, it, expect, beforeEach } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './store/library-store'
import { importPaths } from './import/import-files'
import { excerptQuote, updateExcerpt } from './excerpts'
import { createNote, saveNote, renameNote } from './notes/notes'
import { backlinksOf, notesCiting } from './graph'
import { SAMPLE_ARTICLE } from '../testing/corpus'

let store: LibraryStore
let articleId: string
beforeEach(async () => {
  store = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'commonplace-graph-')))
  articleId = (await importPaths(store, [SAMPLE_ARTICLE]))[0]!.articleId!
})

const text = (words: string) => ({
  type: 'text',
  version: 1,
  text: words,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
})
/** A note body of one paragraph holding the given nodes. */
const body = (...children: Record<string, unknown>[]) => ({
  root: {
    type: 'root' as const,
    children: [{ type: 'paragraph', version: 1, children, direction: null, format: '', indent: 0 }],
  },
})

describe('the graph', () => {
  it('counts, per excerpt, the notes that cite it, and the notes linking to a note', async () => {
    const first = await excerptQuote(store, {
      articleId,
      quote: 'The U.S., Turkey and Iran have all criticized the vote.',
    })
    const second = await excerptQuote(store, { articleId, quote: 'Kurdish', occurrence: 1 })
    const a = await createNote(store, 'A')
    const b = await createNote(store, 'B')
    await saveNote(
      store,
      a.id,
      body({ type: 'excerpt', version: 1, excerptId: first.id }, text('see #Iran and #kurds-2017 ')),
    )
    await saveNote(
      store,
      b.id,
      body(
        { type: 'excerpt', version: 1, excerptId: first.id },
        { type: 'note-link', version: 1, noteId: a.id, title: 'A' },
        { type: 'note-link', version: 1, noteId: b.id, title: 'B' },
        text('issue #1 is not a tag, but a#b is not either'),
      ),
    )
    const saved = store.data.notes.find((n) => n.id === a.id)!
    expect(saved.tags).toEqual(['iran', 'kurds-2017'])
    expect(store.data.notes.find((n) => n.id === b.id)).toMatchObject({ linkedNoteIds: [a.id], tags: [] })

    const article = backlinksOf(store, articleId)
    expect(article.kind).toBe('article')
    expect(article.notes.map((n) => n.title)).toEqual(['A', 'B'])
    if (article.kind !== 'article') return
    const perExcerpt = new Map(article.excerpts.map((e) => [e.excerptId, e.notes.map((n) => n.id)]))
    expect(perExcerpt.get(first.id)).toEqual([a.id, b.id])
    expect(perExcerpt.get(second.id)).toEqual([])
    expect(article.excerpts[0]!.excerptId).toBe(second.start < first.start ? second.id : first.id)

    await renameNote(store, b.id, 'B renamed')
    expect(backlinksOf(store, a.id)).toEqual({
      kind: 'note',
      id: a.id,
      title: 'A',
      notes: [{ id: b.id, title: 'B renamed' }],
    })
    expect(backlinksOf(store, b.id).notes).toEqual([])
    expect(notesCiting(store, [second.id])).toEqual([])
    expect(() => backlinksOf(store, 'n-missing')).toThrow(/No article or note/)
  })

  it('keeps an excerpt’s colour, comment and tags', async () => {
    const excerpt = await excerptQuote(store, {
      articleId,
      quote: 'Kurdish',
      occurrence: 2,
      comment: ' first ',
      tags: ['#One', 'one', ' '],
    })
    expect(excerpt).toMatchObject({ comment: 'first', tags: ['one'] })
    const recoloured = await updateExcerpt(store, excerpt.id, { color: 'blue' })
    expect(recoloured).toMatchObject({ color: 'blue', comment: 'first', tags: ['one'] })
    const reopened = await LibraryStore.open(store.dir)
    expect(reopened.data.excerpts[0]).toMatchObject({ color: 'blue', comment: 'first' })
    await expect(excerptQuote(store, { articleId, quote: 'Kurdish' })).rejects.toThrow(/appear \d+ times/)
  })
})
