import { describe, it, expect, beforeAll } from 'vitest'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { parse as parseYaml } from 'yaml'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { $createHeadingNode } from '@lexical/rich-text'
import { LibraryStore, INDEX_FILE } from '../store/library-store'
import { librarySettings, setExportSettings } from '../settings'
import { importPaths } from '../import/import-files'
import { readArticleText, findArticle } from '../articles'
import { createExcerpt } from '../excerpts'
import { createNote, saveNote } from '../notes/notes'
import { createNoteEditor } from '../notes/headless'
import { $createExcerptNode } from '../notes/excerpt-node'
import { $createNoteLinkNode } from '../notes/note-link-node'
import { SerializedNoteContent } from '../notes/note-content'
import { importNoteFromMarkdown, splitFrontMatter } from '../notes/markdown-import'
import type { Excerpt, NoteSummary } from '../records'
import { exportNote, type NoteExportOptions } from './note-markdown'
import { SAMPLE_ARTICLE } from '../../testing/corpus'
import { quoteFingerprint } from '../verify/quote-fingerprint'

let store: LibraryStore
let excerpt: Excerpt
let target: NoteSummary
let citing: NoteSummary

beforeAll(async () => {
  store = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'commonplace-export-options-')))
  const [sample] = await importPaths(store, [SAMPLE_ARTICLE])
  const quote = 'The U.S., Turkey and Iran have all criticized the vote.'
  const start = (await readArticleText(store, sample!.articleId!)).indexOf(quote)
  excerpt = await createExcerpt(store, {
    articleId: sample!.articleId!,
    start,
    end: start + quote.length,
    quote,
  })
  target = await createNote(store, 'Target (draft) note')
  citing = await createNote(store, 'Citing note')
  const article = findArticle(store, excerpt.articleId)
  const editor = createNoteEditor()
  editor.update(
    () =>
      $getRoot().append(
        $createHeadingNode('h2').append($createTextNode('Part')),
        $createParagraphNode().append(
          $createTextNode('See '),
          $createNoteLinkNode({ noteId: target.id, title: target.title }),
          $createTextNode(' #kurds'),
        ),
        $createExcerptNode({
          excerptId: excerpt.id,
          articleId: article.id,
          quote,
          sourceTitle: article.title,
          sourceName: article.sourceName,
          sourceUrl: article.sourceUrl,
          excerptedAt: excerpt.createdAt,
        }),
      ),
    { discrete: true },
  )
  citing = await saveNote(store, citing.id, SerializedNoteContent.parse(editor.getEditorState().toJSON()))
})

const md = new MarkdownIt('commonmark')

describe('note export options', () => {
  it('writes YAML front matter that a YAML parser reads back', async () => {
    const { markdown } = await exportNote(store, citing.id)
    const { data, body } = splitFrontMatter(markdown)
    const article = findArticle(store, excerpt.articleId)
    expect(data).toEqual({
      title: 'Citing note',
      id: citing.id,
      link: `commonplace://note/${citing.id}`,
      created: citing.createdAt,
      updated: citing.updatedAt,
      tags: ['kurds'],
      sources: [{ title: article.title, file: 'iraq-kurdish-referendum-2017.txt', excerpts: [excerpt.id] }],
    })
    expect(body.startsWith('# Citing note\n\n## Part\n')).toBe(true)
    expect(parseYaml(markdown.split('---\n')[1]!)).toEqual(data)
  })

  it('cites in footnotes: a marker after the quote and the full reference at the end', async () => {
    const { markdown } = await exportNote(store, citing.id, { citations: 'footnotes' })
    const body = splitFrontMatter(markdown).body
    expect(body).toContain(`> The U.S., Turkey and Iran have all criticized the vote.[^1]\n`)
    expect(body.trimEnd().split('\n').at(-1)).toMatch(
      new RegExp(
        `^\\[\\^1\\]: \\*Iraq Kurdish Referendum 2017\\*, iraq-kurdish-referendum-2017.txt, \\d{4}-\\d{2}-\\d{2} · \\[${excerpt.id}\\]\\(commonplace://excerpt/${excerpt.id}\\) · ${quoteFingerprint(excerpt.quote)}$`,
      ),
    )
  })

  it('writes note links as relative Markdown links when asked', async () => {
    const { markdown } = await exportNote(store, citing.id, { links: 'markdown' })
    const link = md
      .parse(markdown, {})
      .flatMap((t) => t.children ?? [])
      .find((t) => t.type === 'link_open')
    expect(link?.attrGet('href')).toBe('Target%20%28draft%29%20note.md')
    expect(markdown).toContain('See [Target (draft) note](Target%20%28draft%29%20note.md) #kurds')
  })

  it('links an excerpt id to its block when given where it is', async () => {
    const { markdown } = await exportNote(store, citing.id, {
      excerptHref: (id) => `../sources/Iraq Kurdish Referendum 2017.md#^${id}`,
    })
    expect(markdown).toContain(
      ` · [${excerpt.id}](../sources/Iraq%20Kurdish%20Referendum%202017.md#^${excerpt.id}) · ${quoteFingerprint(excerpt.quote)}\n`,
    )
  })

  const combinations: NoteExportOptions[] = [
    { citations: 'inline', links: 'wiki' },
    { citations: 'footnotes', links: 'wiki' },
    { citations: 'inline', links: 'markdown' },
    { citations: 'footnotes', links: 'markdown', excerptHref: (id) => `../sources/x.md#^${id}` },
  ]
  it.each(combinations)('round-trips with citations $citations and links $links', async (options) => {
    const once = (await exportNote(store, citing.id, options)).markdown
    const imported = await importNoteFromMarkdown(store, once, 'Citing note.md')
    expect(imported.excerptIds).toEqual([excerpt.id])
    expect(imported.linkedNoteIds).toEqual([target.id])
    expect(imported.tags).toEqual(['kurds'])
    const again = (await exportNote(store, imported.id, options)).markdown
    expect(splitFrontMatter(again).body).toBe(splitFrontMatter(once).body)
  })
})

describe("the library's export settings", () => {
  it('decide the style when an export does not, are kept on disk, and give way to an explicit option', async () => {
    expect(librarySettings(store).export).toEqual({ citations: 'inline', links: 'wiki', folder: null })
    await setExportSettings(store, { citations: 'footnotes', links: 'markdown' })
    try {
      const reopened = await LibraryStore.open(store.dir)
      expect(librarySettings(reopened).export).toEqual({
        citations: 'footnotes',
        links: 'markdown',
        folder: null,
      })

      const { markdown } = await exportNote(store, citing.id)
      expect(markdown).toContain('criticized the vote.[^1]')
      expect(markdown).toContain('See [Target (draft) note](Target%20%28draft%29%20note.md) #kurds')
      const inline = (await exportNote(store, citing.id, { citations: 'inline', links: 'wiki' })).markdown
      expect(inline).not.toContain('[^1]')
      expect(inline).toContain('[[Target (draft) note]]')
    } finally {
      await setExportSettings(store, { citations: 'inline', links: 'wiki' })
    }
  })

  it('change only what is given', async () => {
    await setExportSettings(store, { links: 'markdown' })
    expect(librarySettings(store).export).toEqual({ citations: 'inline', links: 'markdown', folder: null })
    await setExportSettings(store, { links: 'wiki' })
  })

  it('take their defaults in a library written before they existed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commonplace-settings-old-'))
    await writeFile(
      join(dir, INDEX_FILE),
      JSON.stringify({ schemaVersion: 1, articles: [], excerpts: [], notes: [] }),
    )
    const old = await LibraryStore.open(dir)
    expect(librarySettings(old).export).toEqual({ citations: 'inline', links: 'wiki', folder: null })
  })
})
