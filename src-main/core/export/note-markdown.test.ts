import { describe, it, expect, beforeAll } from 'vitest'
import { quoteFingerprint } from '../verify/quote-fingerprint'
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type LexicalNode,
  type TextFormatType,
} from 'lexical'
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text'
import { $createListItemNode, $createListNode } from '@lexical/list'
import { $createCodeNode } from '@lexical/code'
import { $createAutoLinkNode, $createLinkNode } from '@lexical/link'
import { $createHorizontalRuleNode } from '@lexical/extension'
import { LibraryStore } from '../store/library-store'
import { importPaths } from '../import/import-files'
import { readArticleText, deleteArticle, renameArticle, findArticle } from '../articles'
import { createExcerpt } from '../excerpts'
import { createNote, saveNote } from '../notes/notes'
import { createNoteEditor } from '../notes/headless'
import { $createExcerptNode, type ExcerptFields } from '../notes/excerpt-node'
import { SerializedNoteContent } from '../notes/note-content'
import type { Excerpt } from '../records'
import { exportNote, exportNoteToFile } from './note-markdown'
import { noteFileName } from './note-file-name'
import { SAMPLE_ARTICLE } from '../../testing/corpus'

const md = new MarkdownIt({ html: true })

/** The file after its YAML front matter (tested on its own below). */
const withoutFrontMatter = (markdown: string) => markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number]

/** Block and inline tokens flattened into short descriptions, e.g. `heading_open h2`, `text "x"`. */
function describeTokens(markdown: string): string[] {
  const out: string[] = []
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'heading_open') out.push(`heading_open ${token.tag}`)
      else if (token.type === 'link_open') out.push(`link_open ${token.attrGet('href')}`)
      else if (token.type === 'fence') out.push(`fence ${token.info} ${JSON.stringify(token.content)}`)
      else if (token.type === 'inline') out.push(`inline ${JSON.stringify(token.content)}`)
      else if (['text', 'code_inline', 'html_inline'].includes(token.type))
        out.push(`${token.type} ${JSON.stringify(token.content)}`)
      else out.push(token.type)
      if (token.children) visit(token.children)
    }
  }
  visit(md.parse(markdown, {}))
  return out
}

/** Asserts `expected` occurs in the token descriptions in order (other tokens may come between). */
function expectTokensInOrder(markdown: string, expected: string[]): void {
  const actual = describeTokens(markdown)
  let at = 0
  for (const want of expected) {
    const found = actual.indexOf(want, at)
    if (found < 0)
      throw new Error(
        `Missing token ${want} (after position ${at}) in:\n${actual.join('\n')}\n--- from:\n${markdown}`,
      )
    at = found + 1
  }
}

const text = (content: string, ...formats: TextFormatType[]) => {
  const node = $createTextNode(content)
  for (const format of formats) node.toggleFormat(format)
  return node
}
const paragraph = (...children: LexicalNode[]) => $createParagraphNode().append(...children)
const item = (...children: LexicalNode[]) => $createListItemNode().append(...children)

let store: LibraryStore
let outside: string
let sampleExcerpt: Excerpt
let twoParagraphExcerpt: Excerpt
let specialExcerpt: Excerpt

async function noteOf(title: string, build: () => LexicalNode[]): Promise<string> {
  const editor = createNoteEditor()
  editor.update(() => $getRoot().append(...build()), { discrete: true })
  const note = await createNote(store, title)
  await saveNote(store, note.id, SerializedNoteContent.parse(editor.getEditorState().toJSON()))
  return note.id
}

function fieldsOf(excerpt: Excerpt): ExcerptFields {
  const article = findArticle(store, excerpt.articleId)
  return {
    excerptId: excerpt.id,
    articleId: article.id,
    quote: excerpt.quote,
    sourceTitle: article.title,
    sourceName: article.sourceName,
    sourceUrl: article.sourceUrl,
    excerptedAt: excerpt.createdAt,
  }
}

async function excerptOf(articleId: string, quote: string): Promise<Excerpt> {
  const start = (await readArticleText(store, articleId)).indexOf(quote)
  expect(start).toBeGreaterThanOrEqual(0)
  return createExcerpt(store, { articleId, start, end: start + quote.length, quote })
}

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'commonplace-export-'))
  store = await LibraryStore.open(join(root, 'library'))
  outside = join(root, 'out')
  await mkdir(outside)
  // A source whose words look like Markdown, to show quotes stay quotes.
  const special = join(root, 'markdown-lookalike.txt')
  await writeFile(
    special,
    '# Not a heading\n\n1. not a list, *not emphasis*, [not](a-link) <b>not html</b> a|b\n\n- not a bullet\n',
  )
  const [sample, lookalike] = await importPaths(store, [SAMPLE_ARTICLE, special])
  sampleExcerpt = await excerptOf(
    sample!.articleId!,
    'The U.S., Turkey and Iran have all criticized the vote.',
  )
  const text = await readArticleText(store, sample!.articleId!)
  const start = text.indexOf('supreme leader.')
  const end = text.indexOf('The timing shows') + 'The timing shows'.length
  twoParagraphExcerpt = await createExcerpt(store, {
    articleId: sample!.articleId!,
    start,
    end,
    quote: text.slice(start, end),
  })
  const lookalikeText = await readArticleText(store, lookalike!.articleId!)
  specialExcerpt = await excerptOf(lookalike!.articleId!, lookalikeText.trim())
})

const dateOf = (excerpt: Excerpt) => excerpt.createdAt.slice(0, 10)

const rows: { name: string; build: () => LexicalNode[]; tokens: () => string[] }[] = [
  {
    name: 'paragraph',
    build: () => [paragraph(text('Plain.'))],
    tokens: () => ['paragraph_open', 'text "Plain."'],
  },
  {
    name: 'bold',
    build: () => [paragraph(text('b', 'bold'))],
    tokens: () => ['strong_open', 'text "b"', 'strong_close'],
  },
  {
    name: 'italic',
    build: () => [paragraph(text('i', 'italic'))],
    tokens: () => ['em_open', 'text "i"', 'em_close'],
  },
  {
    name: 'underline',
    build: () => [paragraph(text('u', 'underline'))],
    tokens: () => ['html_inline "<u>"', 'text "u"', 'html_inline "</u>"'],
  },
  {
    name: 'strikethrough',
    build: () => [paragraph(text('s', 'strikethrough'))],
    tokens: () => ['s_open', 'text "s"', 's_close'],
  },
  { name: 'inline code', build: () => [paragraph(text('a*b', 'code'))], tokens: () => ['code_inline "a*b"'] },
  {
    name: 'heading 1',
    build: () => [$createHeadingNode('h1').append(text('H1'))],
    tokens: () => ['heading_open h1', 'text "H1"'],
  },
  {
    name: 'heading 2',
    build: () => [$createHeadingNode('h2').append(text('H2'))],
    tokens: () => ['heading_open h2', 'text "H2"'],
  },
  {
    name: 'heading 3',
    build: () => [$createHeadingNode('h3').append(text('H3'))],
    tokens: () => ['heading_open h3', 'text "H3"'],
  },
  {
    name: 'bulleted list',
    build: () => [$createListNode('bullet').append(item(text('a')), item(text('b')))],
    tokens: () => [
      'bullet_list_open',
      'list_item_open',
      'text "a"',
      'list_item_open',
      'text "b"',
      'bullet_list_close',
    ],
  },
  {
    name: 'numbered list',
    build: () => [$createListNode('number').append(item(text('a')), item(text('b')))],
    tokens: () => [
      'ordered_list_open',
      'list_item_open',
      'text "a"',
      'list_item_open',
      'text "b"',
      'ordered_list_close',
    ],
  },
  {
    name: 'check list (GFM task items)',
    build: () => [
      $createListNode('check').append(
        $createListItemNode(true).append(text('done')),
        $createListItemNode(false).append(text('todo')),
      ),
    ],
    tokens: () => [
      'bullet_list_open',
      'list_item_open',
      'inline "[x] done"',
      'list_item_open',
      'inline "[ ] todo"',
    ],
  },
  {
    name: 'quote',
    build: () => [$createQuoteNode().append(text('Q'))],
    tokens: () => ['blockquote_open', 'text "Q"', 'blockquote_close'],
  },
  {
    name: 'code block',
    build: () => [
      $createCodeNode('ts').append(text('const a = 1'), $createLineBreakNode(), text('# not a heading')),
    ],
    tokens: () => ['fence ts "const a = 1\\n# not a heading\\n"'],
  },
  {
    name: 'link',
    build: () => [paragraph($createLinkNode('https://example.com/a?b=1').append(text('site')))],
    tokens: () => ['link_open https://example.com/a?b=1', 'text "site"', 'link_close'],
  },
  {
    name: 'auto link',
    build: () => [
      paragraph($createAutoLinkNode('https://example.com/x').append(text('https://example.com/x'))),
    ],
    tokens: () => ['link_open https://example.com/x', 'text "https://example.com/x"', 'link_close'],
  },
  {
    name: 'horizontal rule',
    build: () => [paragraph(text('a')), $createHorizontalRuleNode(), paragraph(text('b'))],
    tokens: () => ['paragraph_open', 'text "a"', 'hr', 'paragraph_open', 'text "b"'],
  },
  {
    name: 'line break',
    build: () => [paragraph(text('one'), $createLineBreakNode(), text('two'))],
    tokens: () => ['text "one"', 'hardbreak', 'text "two"'],
  },
  {
    name: 'text that looks like Markdown',
    build: () => [paragraph(text('# 1. [a](b) <i>x</i> *y* a|b'))],
    tokens: () => [
      'paragraph_open',
      'inline "\\\\# 1. \\\\[a\\\\](b) \\\\<i>x\\\\</i> \\\\*y\\\\* a\\\\|b"',
      'paragraph_close',
    ],
  },
  {
    name: 'excerpt',
    build: () => [$createExcerptNode(fieldsOf(sampleExcerpt))],
    tokens: () => [
      'blockquote_open',
      'paragraph_open',
      'text "The U.S., Turkey and Iran have all criticized the vote."',
      'paragraph_close',
      'paragraph_open',
      'text "— "',
      'em_open',
      `text "${findArticle(store, sampleExcerpt.articleId).title}"`,
      'em_close',
      `text ", iraq-kurdish-referendum-2017.txt, ${dateOf(sampleExcerpt)} · "`,
      `link_open commonplace://excerpt/${sampleExcerpt.id}`,
      `text "${sampleExcerpt.id}"`,
      'link_close',
      'blockquote_close',
    ],
  },
  {
    name: 'excerpt of two paragraphs',
    build: () => [$createExcerptNode(fieldsOf(twoParagraphExcerpt))],
    tokens: () => [
      'blockquote_open',
      'inline "supreme leader."',
      'inline "The timing shows"',
      'em_open',
      'em_close',
      `text ", iraq-kurdish-referendum-2017.txt, ${dateOf(twoParagraphExcerpt)} · "`,
      `link_open commonplace://excerpt/${twoParagraphExcerpt.id}`,
      `text "${twoParagraphExcerpt.id}"`,
      'link_close',
      'blockquote_close',
    ],
  },
  {
    name: 'excerpt whose words look like Markdown',
    build: () => [$createExcerptNode(fieldsOf(specialExcerpt))],
    tokens: () => [
      'blockquote_open',
      'paragraph_open',
      'text "# Not a heading"',
      'paragraph_open',
      'text "1. not a list, *not emphasis*, [not](a-link) <b>not html</b> a|b"',
      'paragraph_open',
      'text "- not a bullet"',
      'paragraph_open',
      'em_open',
      `text "${findArticle(store, specialExcerpt.articleId).title}"`,
      'em_close',
      `text ", markdown-lookalike.txt, ${dateOf(specialExcerpt)} · "`,
      `link_open commonplace://excerpt/${specialExcerpt.id}`,
      `text "${specialExcerpt.id}"`,
      'link_close',
      'blockquote_close',
    ],
  },
]

describe('exportNote', () => {
  it.each(rows)('$name', async ({ build, tokens }) => {
    const id = await noteOf(`Row: ${Math.random()}`, build)
    const { markdown } = await exportNote(store, id)
    expectTokensInOrder(markdown, ['heading_open h1', 'heading_close', ...tokens()])
    expect(markdown.endsWith('\n') && !markdown.endsWith('\n\n')).toBe(true)
  })

  it('starts with the title as a level-1 heading and a blank line', async () => {
    const id = await noteOf('Kurds *and* [Baghdad] #2', () => [paragraph(text('Body'))])
    const { markdown, fileName } = await exportNote(store, id)
    expect(withoutFrontMatter(markdown)).toBe('# Kurds \\*and\\* \\[Baghdad\\] #2\n\nBody\n')
    expectTokensInOrder(markdown, [
      'heading_open h1',
      'inline "Kurds \\\\*and\\\\* \\\\[Baghdad\\\\] #2"',
      'text "Kurds *and* [Baghdad] #2"',
    ])
    expect(fileName).toBe('Kurds and [Baghdad] #2.md')
  })

  it('exports an empty note as its title alone', async () => {
    const note = await createNote(store, 'Nothing yet')
    expect(withoutFrontMatter((await exportNote(store, note.id)).markdown)).toBe('# Nothing yet\n')
  })

  it('cites the article’s current title once it is renamed', async () => {
    const excerpt = await excerptOf(sampleExcerpt.articleId, 'Haider al-Abadi’s office released the comments')
    const id = await noteOf('Renamed source', () => [$createExcerptNode(fieldsOf(excerpt))])
    await renameArticle(store, excerpt.articleId, 'Iraq and the Kurds')
    const { markdown } = await exportNote(store, id)
    expect(markdown).toContain(
      `> — *Iraq and the Kurds*, iraq-kurdish-referendum-2017.txt, ${dateOf(excerpt)} · [${excerpt.id}](commonplace://excerpt/${excerpt.id}) · ${quoteFingerprint(excerpt.quote)}\n`,
    )
  })

  it('keeps the words and the id and says so when the source was removed', async () => {
    const separate = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'commonplace-export-removed-')))
    const [outcome] = await importPaths(separate, [SAMPLE_ARTICLE])
    const quote = 'Iraq’s central government'
    const start = (await readArticleText(separate, outcome!.articleId!)).indexOf(quote)
    const excerpt = await createExcerpt(separate, {
      articleId: outcome!.articleId!,
      start,
      end: start + quote.length,
      quote,
    })
    const previous = store
    store = separate
    try {
      const id = await noteOf('Removed source', () => [$createExcerptNode(fieldsOf(excerpt))])
      await deleteArticle(separate, excerpt.articleId)
      const { markdown } = await exportNote(separate, id)
      expectTokensInOrder(markdown, [
        'blockquote_open',
        `text "${quote}"`,
        'em_open',
        `text ", iraq-kurdish-referendum-2017.txt, ${dateOf(excerpt)} · ${excerpt.id} · ${quoteFingerprint(excerpt.quote)} · source removed from the library"`,
        'blockquote_close',
      ])
    } finally {
      store = previous
    }
  })

  it('is deterministic: the same note gives the same bytes, also after reopening the library', async () => {
    const id = await noteOf('Deterministic', () => [
      $createHeadingNode('h2').append(text('Part')),
      $createExcerptNode(fieldsOf(sampleExcerpt)),
      $createListNode('check').append($createListItemNode(false).append(text('follow up'))),
    ])
    const first = await exportNote(store, id)
    const second = await exportNote(store, id)
    const reopened = await exportNote(await LibraryStore.open(store.dir), id)
    expect(second).toEqual(first)
    expect(reopened).toEqual(first)
  })

  it('refuses, naming them, a note with blocks it cannot read rather than dropping them', async () => {
    const note = await createNote(store, 'Damaged')
    const root = { type: 'root' as const, version: 1, direction: null, format: '', indent: 0 }
    await saveNote(store, note.id, { root: { ...root, children: [{ type: 'mystery-block', version: 1 }] } })
    await expect(exportNote(store, note.id)).rejects.toMatchObject({
      code: 'LIBRARY_UNREADABLE',
      message: expect.stringContaining('mystery-block'),
    })
  })

  it('refuses a note that is not there', async () => {
    await expect(exportNote(store, 'n-missing')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('exportNoteToFile', () => {
  it('writes the Markdown to a path and reports its size', async () => {
    const id = await noteOf('Written note', () => [paragraph(text('Grüße'))])
    const target = join(outside, 'written.md')
    const result = await exportNoteToFile(store, id, target)
    const written = await readFile(target, 'utf8')
    expect(result).toEqual({ path: target, bytes: Buffer.byteLength(written) })
    expect(withoutFrontMatter(written)).toBe('# Written note\n\nGrüße\n')
  })

  it('names the file after the note when given a folder', async () => {
    const id = await noteOf('Into a folder', () => [paragraph(text('x'))])
    const result = await exportNoteToFile(store, id, outside)
    expect(result.path).toBe(join(outside, 'Into a folder.md'))
  })

  it('refuses to write inside the library folder', async () => {
    const id = await noteOf('Not inside', () => [paragraph(text('x'))])
    await expect(exportNoteToFile(store, id, join(store.dir, 'notes', 'x.md'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
  })
})

describe('noteFileName', () => {
  const names: [string, string][] = [
    ['Kurdish referendum', 'Kurdish referendum.md'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a b c d e f g h i j.md'],
    ['  .hidden. ', 'hidden.md'],
    ['CON', 'CON note.md'],
    ['', 'Untitled note.md'],
    ['tab\tand\nnewline', 'tab and newline.md'],
    ['é'.normalize('NFD'), 'é.md'],
  ]
  it.each(names)('%j → %j', (title, fileName) => {
    expect(noteFileName(title)).toBe(fileName)
  })

  it('keeps names under ~100 characters without splitting a character', () => {
    const name = noteFileName('word '.repeat(40) + '😀'.repeat(80))
    expect(Array.from(name).length).toBeLessThanOrEqual(103)
    expect(name.endsWith('.md')).toBe(true)
    expect(noteFileName('😀'.repeat(150))).toBe('😀'.repeat(100) + '.md')
  })
})
