import { describe, it, expect, beforeAll } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../store/library-store'
import { importPaths } from '../import/import-files'
import { readArticleText, findArticle } from '../articles'
import { createExcerpt } from '../excerpts'
import { createNote, findNote, getNote, renameNote, saveNote } from './notes'
import { backlinksOf } from '../graph'
import { importNoteFromMarkdown, splitFrontMatter } from './markdown-import'
import { exportNote } from '../export/note-markdown'
import type { Excerpt } from '../records'
import { SAMPLE_ARTICLE } from '../../testing/corpus'

let store: LibraryStore
let excerpt: Excerpt

beforeAll(async () => {
  store = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'commonplace-md-import-')))
  const [sample] = await importPaths(store, [SAMPLE_ARTICLE])
  const quote = 'The U.S., Turkey and Iran have all criticized the vote.'
  const start = (await readArticleText(store, sample!.articleId!)).indexOf(quote)
  excerpt = await createExcerpt(store, {
    articleId: sample!.articleId!,
    start,
    end: start + quote.length,
    quote,
  })
})

/** The body of an export, without the front matter whose id and times belong to each new note. */
const bodyOf = (markdown: string) => splitFrontMatter(markdown).body

/** Markdown → note → Markdown → note → Markdown; returns both exports. */
async function twice(markdown: string, name = 'file.md'): Promise<[string, string]> {
  const first = await importNoteFromMarkdown(store, markdown, name)
  const once = (await exportNote(store, first.id)).markdown
  const second = await importNoteFromMarkdown(store, once, name)
  return [once, (await exportNote(store, second.id)).markdown]
}

const rows: { name: string; markdown: string }[] = [
  { name: 'paragraphs', markdown: 'One.\n\nTwo\nlines.' },
  { name: 'headings 1–6', markdown: '# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F' },
  { name: 'setext heading', markdown: 'Big\n===\n\nSmall\n---' },
  { name: 'emphasis', markdown: '*i* **b** ***bi*** ~~s~~ `c` <u>u</u> _j_ __k__' },
  {
    name: 'links',
    markdown:
      '[site](https://example.com/a?b=1 "T") <https://x.org> [m](mailto:a@b.c) [ref][r]\n\n[r]: https://r.org',
  },
  { name: 'unsafe link keeps its words', markdown: '[click](javascript:alert(1)) and [rel](./x.md)' },
  { name: 'lists', markdown: '- a\n- b\n    - c\n\n1. one\n2. two\n\n7. seven' },
  { name: 'check list', markdown: '- [ ] todo\n- [x] done' },
  { name: 'quote', markdown: '> said\\\n> twice' },
  { name: 'code', markdown: '```ts\nconst a = 1\n\n# not a heading\n```\n\n    indented' },
  { name: 'rule and break', markdown: 'a  \nb\n\n***\n\nc' },
  { name: 'escapes and entities', markdown: '\\# \\* \\[x\\] &amp; &copy; &#35; a|b <not html' },
  { name: 'raw HTML kept as words', markdown: '<div>\nblock\n</div>\n\ninline <span>x</span>' },
  { name: 'image kept as its description', markdown: '![a chart](chart.png)' },
  { name: 'nested quote flattened', markdown: '> a\n>\n> > b\n>\n> - c' },
  { name: 'unicode, emoji and RTL', markdown: 'שלום 👋🏽 ﷺ café' },
  { name: 'front matter and tags', markdown: '---\ntitle: Tagged\ntags: [kurds, "#iraq"]\n---\nBody #kurds' },
  { name: 'front matter tags as a string', markdown: '---\ntitle: T2\ntags: alpha, beta\n---\n' },
  { name: 'empty file', markdown: '' },
  {
    name: 'citation of a missing excerpt',
    markdown:
      '> Gone words\\\n> two lines\n>\n> — *Old source*, [old.html](<https://old.example/a>), 2020-02-03 · ex-missing · source removed from the library',
  },
]

describe('Markdown → note → Markdown', () => {
  it.each(rows)('is stable for $name', async ({ markdown }) => {
    const [once, again] = await twice(markdown)
    expect(bodyOf(again)).toBe(bodyOf(once))
  })
})

describe('importNoteFromMarkdown', () => {
  it('takes the title from front matter, else a leading heading, else the file name', async () => {
    expect((await importNoteFromMarkdown(store, '---\ntitle: From YAML\n---\n# Other\n', 'f.md')).title).toBe(
      'From YAML',
    )
    const fromHeading = await importNoteFromMarkdown(store, '# From *heading*\n\nText', 'f.md')
    expect(fromHeading.title).toBe('From heading')
    expect((await exportNote(store, fromHeading.id)).markdown).not.toMatch(/^# From heading$[\s\S]*^# From/m)
    expect((await importNoteFromMarkdown(store, 'Just text', 'dir/My file.md')).title).toBe('My file')
  })

  it('keeps front matter tags as #tags the note holds', async () => {
    const note = await importNoteFromMarkdown(
      store,
      '---\ntags: [Alpha, beta, "not a tag!"]\n---\nx #beta',
      'x.md',
    )
    expect(note.tags).toEqual(['beta', 'alpha'])
  })

  it('re-links a cited excerpt by id and reads the words it quotes', async () => {
    const first = await importNoteFromMarkdown(
      store,
      `Intro\n\n> The U.S., Turkey and Iran have all criticized the vote.\n>\n> — *Anything*, ${excerpt.createdAt.slice(0, 10)} · ${excerpt.id}\n`,
      'cite.md',
    )
    expect(first.excerptIds).toEqual([excerpt.id])
    const { content } = await getNote(store, first.id)
    const block = (content!.root.children as Record<string, unknown>[])[1]!
    const article = findArticle(store, excerpt.articleId)
    expect(block).toMatchObject({
      type: 'excerpt',
      excerptId: excerpt.id,
      articleId: article.id,
      quote: excerpt.quote,
      sourceTitle: article.title,
      excerptedAt: excerpt.createdAt,
    })
    const exported = (await exportNote(store, first.id)).markdown
    expect(exported).toContain(`> — *${article.title}*, iraq-kurdish-referendum-2017.txt,`)
  })

  it('keeps an excerpt whose source is gone as an excerpt block, with its words and citation', async () => {
    const note = await importNoteFromMarkdown(store, rows.at(-1)!.markdown, 'gone.md')
    expect(note.excerptIds).toEqual(['ex-missing'])
    const { content } = await getNote(store, note.id)
    expect((content!.root.children as Record<string, unknown>[])[0]).toMatchObject({
      type: 'excerpt',
      excerptId: 'ex-missing',
      articleId: '',
      quote: 'Gone words\ntwo lines',
      sourceTitle: 'Old source',
      sourceName: 'old.html',
      sourceUrl: 'https://old.example/a',
      excerptedAt: '2020-02-03T00:00:00.000Z',
    })
  })

  it('makes [[Title]] a link to the note with that title, and keeps an unknown title a link', async () => {
    const target = await importNoteFromMarkdown(store, 'x', 'Link Target.md')
    const note = await importNoteFromMarkdown(store, 'See [[link target]] and [[No Such Note]].', 'l.md')
    expect(note).toMatchObject({ linkedNoteIds: [target.id], waitingLinkTitles: ['no such note'] })
    const [once, again] = await twice('See [[link target]] and [[No Such Note]].')
    expect(once).toContain('See [[Link Target]] and [[No Such Note]].')
    expect(bodyOf(again)).toBe(bodyOf(once))
  })

  it('links [[Title]] to a note imported after it, as a real link that follows renames', async () => {
    const a = await importNoteFromMarkdown(store, 'Before [[Later  note]] comes.', 'a.md')
    expect(a).toMatchObject({ linkedNoteIds: [], waitingLinkTitles: ['later note'] })
    const b = await importNoteFromMarkdown(store, '# Later note\n\nBack to [[a]].', 'b.md')
    const linked = findNote(store, a.id)
    expect(linked).toMatchObject({ linkedNoteIds: [b.id], waitingLinkTitles: [], updatedAt: a.updatedAt })
    expect(backlinksOf(store, b.id).notes).toEqual([{ id: a.id, title: 'a' }])
    expect(bodyOf((await exportNote(store, a.id)).markdown)).toContain('Before [[Later note]] comes.')
    await renameNote(store, b.id, 'Renamed later note')
    expect(bodyOf((await exportNote(store, a.id)).markdown)).toContain('Before [[Renamed later note]] comes.')
  })

  it('links a waiting link to a note made or renamed to its title later', async () => {
    const waiting = await importNoteFromMarkdown(store, '[[Made later]] and [[Renamed to]]', 'w.md')
    expect(waiting.waitingLinkTitles).toEqual(['made later', 'renamed to'])
    const made = await createNote(store, 'made LATER')
    const renamed = await renameNote(store, (await createNote(store, 'Draft')).id, 'Renamed to')
    expect(findNote(store, waiting.id)).toMatchObject({
      linkedNoteIds: [made.id, renamed.id],
      waitingLinkTitles: [],
    })
    const { content } = await getNote(store, waiting.id)
    expect(JSON.stringify(content)).toContain(`"noteId":"${made.id}","title":"made LATER"`)
  })

  it('saves a waiting link whose note exists by now as a link to it', async () => {
    const waiting = await importNoteFromMarkdown(store, 'See [[Saved soon]].', 's.md')
    const { content } = await getNote(store, waiting.id)
    // Made behind the note's back (as by another process), then the note saved as it was.
    const target = await createNote(store, 'Saved soon')
    const saved = await saveNote(store, waiting.id, content!)
    expect(saved).toMatchObject({ linkedNoteIds: [target.id], waitingLinkTitles: [] })
  })

  it('leaves an ordinary block quote a quote', async () => {
    const note = await importNoteFromMarkdown(store, '> just a quote\n>\n> — not a citation', 'q.md')
    expect(note.excerptIds).toEqual([])
  })

  it('keeps two adjacent lists of the same kind apart, with an empty paragraph between them', async () => {
    const note = await importNoteFromMarkdown(store, '- foo\n- bar\n+ baz\n', 'lists.md')
    const { content } = await getNote(store, note.id)
    const shape = content!.root.children.map((node) => {
      const element = node as { type: string; listType?: string; children?: unknown[] }
      return `${element.type}${element.listType ? ` ${element.listType}` : ''} (${element.children?.length ?? 0})`
    })
    expect(shape).toEqual(['list bullet (2)', 'paragraph (0)', 'list bullet (1)'])
  })
})
