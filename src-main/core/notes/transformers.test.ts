import { describe, it, expect } from 'vitest'
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type LexicalNode,
  type TextFormatType,
} from 'lexical'
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text'
import { $createListItemNode, $createListNode, $isListNode } from '@lexical/list'
import { $createCodeNode } from '@lexical/code'
import { $createAutoLinkNode, $createLinkNode } from '@lexical/link'
import { $createHorizontalRuleNode, $isHorizontalRuleNode } from '@lexical/extension'
import { $convertFromMarkdownString } from '@lexical/markdown'
import { createNoteEditor } from './headless'
import { $noteToMarkdown, NOTE_TRANSFORMERS, withExcerptSources } from './transformers'
import { $createExcerptNode, $isExcerptNode, type ExcerptFields } from './excerpt-node'
import { excerptIdsIn, SerializedNoteContent } from './note-content'

const text = (content: string, ...formats: TextFormatType[]) => {
  const node = $createTextNode(content)
  for (const format of formats) node.toggleFormat(format)
  return node
}
const paragraph = (...children: LexicalNode[]) => $createParagraphNode().append(...children)
const item = (...children: LexicalNode[]) => $createListItemNode().append(...children)

const EXCERPT: ExcerptFields = {
  excerptId: 'ex-abc123',
  articleId: 'a-xyz',
  quote: 'Iraq’s prime minister today dismissed a proposal.',
  sourceTitle: 'Iraq rejects Kurdish offer',
  sourceName: 'iraq.txt',
  sourceUrl: null,
  excerptedAt: '2026-11-23T09:30:00.000Z',
}

/** Builds a note on a headless editor and returns its Markdown. */
function markdownOf(build: () => LexicalNode[]): string {
  const editor = createNoteEditor()
  editor.update(() => $getRoot().append(...build()), { discrete: true })
  return editor.getEditorState().read($noteToMarkdown)
}

const cases: { name: string; build: () => LexicalNode[]; markdown: string }[] = [
  { name: 'paragraph', build: () => [paragraph(text('Plain words.'))], markdown: 'Plain words.' },
  {
    name: 'two paragraphs',
    build: () => [paragraph(text('One.')), paragraph(text('Two.'))],
    markdown: 'One.\n\nTwo.',
  },
  { name: 'bold', build: () => [paragraph(text('a '), text('b', 'bold'))], markdown: 'a **b**' },
  { name: 'italic', build: () => [paragraph(text('i', 'italic'))], markdown: '*i*' },
  { name: 'bold italic', build: () => [paragraph(text('bi', 'bold', 'italic'))], markdown: '***bi***' },
  {
    name: 'underline as <u>',
    build: () => [paragraph(text('a '), text('u', 'underline'))],
    markdown: 'a <u>u</u>',
  },
  { name: 'strikethrough', build: () => [paragraph(text('gone', 'strikethrough'))], markdown: '~~gone~~' },
  { name: 'inline code', build: () => [paragraph(text('x = `y`', 'code'))], markdown: '`` x = `y` ``' },
  { name: 'heading 1', build: () => [$createHeadingNode('h1').append(text('Top'))], markdown: '# Top' },
  { name: 'heading 2', build: () => [$createHeadingNode('h2').append(text('Mid'))], markdown: '## Mid' },
  { name: 'heading 3', build: () => [$createHeadingNode('h3').append(text('Low'))], markdown: '### Low' },
  { name: 'quote', build: () => [$createQuoteNode().append(text('Said.'))], markdown: '> Said.' },
  {
    name: 'quote with a line break',
    build: () => [$createQuoteNode().append(text('One'), $createLineBreakNode(), text('Two'))],
    markdown: '> One\\\n> Two',
  },
  {
    name: 'bulleted list',
    build: () => [$createListNode('bullet').append(item(text('a')), item(text('b')))],
    markdown: '- a\n- b',
  },
  {
    name: 'numbered list',
    build: () => [$createListNode('number').append(item(text('a')), item(text('b')))],
    markdown: '1. a\n2. b',
  },
  {
    name: 'check list',
    build: () => [
      $createListNode('check').append(
        $createListItemNode(true).append(text('done')),
        $createListItemNode(false).append(text('todo')),
      ),
    ],
    markdown: '- [x] done\n- [ ] todo',
  },
  {
    name: 'a check list right after a bulleted list takes the other bullet, so Markdown keeps them apart',
    build: () => [
      $createListNode('bullet').append(item(text('a'))),
      $createListNode('check').append($createListItemNode(false).append(text('b'))),
      $createListNode('bullet').append(item(text('c'))),
    ],
    markdown: '- a\n\n* [ ] b\n\n- c',
  },
  {
    name: 'two bulleted lists with an empty paragraph between them stay two lists',
    build: () => [
      $createListNode('bullet').append(item(text('a'))),
      $createParagraphNode(),
      $createListNode('bullet').append(item(text('b'))),
    ],
    markdown: '- a\n\n* b',
  },
  {
    name: 'two numbered lists with an empty paragraph between them stay two lists',
    build: () => [
      $createListNode('number').append(item(text('a')), item(text('b'))),
      $createParagraphNode(),
      $createListNode('number', 3).append(item(text('c'))),
    ],
    markdown: '1. a\n2. b\n\n3) c',
  },
  {
    name: 'inline code of spaces only is not padded',
    build: () => [paragraph(text('a '), text(' ', 'code'), text(' b'))],
    markdown: 'a ` ` b',
  },
  {
    name: 'inline code starting and ending in spaces stays padded',
    build: () => [paragraph(text(' x ', 'code'))],
    markdown: '`  x  `',
  },
  {
    name: 'emphasis on both sides of a line break stays one span',
    build: () => [paragraph(text('foo', 'italic'), $createLineBreakNode(), text('bar', 'italic'))],
    markdown: '*foo\\\nbar*',
  },
  {
    name: 'emphasis across a line break in a quote',
    build: () => [
      $createQuoteNode().append(
        text('a', 'bold', 'strikethrough'),
        $createLineBreakNode(),
        text('b', 'bold', 'strikethrough'),
      ),
    ],
    markdown: '> **~~a\\\n> b~~**',
  },
  {
    name: 'formats that differ across a line break are closed and reopened',
    build: () => [paragraph(text('foo', 'bold', 'italic'), $createLineBreakNode(), text('bar', 'italic'))],
    markdown: '***foo***\\\n*bar*',
  },
  {
    name: 'italic that goes on after a bold italic run stays one span',
    build: () => [paragraph(text('foo', 'bold', 'italic'), text(' bar', 'italic'))],
    markdown: '***foo** bar*',
  },
  {
    name: 'italic that ends and starts again after a plain space is two spans',
    build: () => [paragraph(text('foo', 'bold', 'italic'), text(' '), text('bar', 'italic'))],
    markdown: '***foo*** *bar*',
  },
  {
    name: 'a newline inside text stays text',
    build: () => [paragraph(text('foo\n\nbar'))],
    markdown: 'foo&#10;&#10;bar',
  },
  {
    name: 'nested list',
    build: () => [
      $createListNode('bullet').append(
        item(text('a')),
        item($createListNode('bullet').append(item(text('b')))),
      ),
    ],
    markdown: '- a\n    - b',
  },
  {
    name: 'code block',
    build: () => [$createCodeNode('js').append(text('let a = 1'), $createLineBreakNode(), text('a **= 2'))],
    markdown: '```js\nlet a = 1\na **= 2\n```',
  },
  {
    name: 'link',
    build: () => [paragraph($createLinkNode('https://example.com/a_(b)').append(text('site')))],
    markdown: '[site](https://example.com/a_\\(b\\))',
  },
  {
    name: 'auto link',
    build: () => [
      paragraph($createAutoLinkNode('https://example.com/x_y').append(text('https://example.com/x_y'))),
    ],
    markdown: '<https://example.com/x_y>',
  },
  {
    name: 'unsafe link keeps only its words',
    build: () => [paragraph($createLinkNode('javascript:alert(1)').append(text('click')))],
    markdown: 'click',
  },
  {
    name: 'horizontal rule',
    build: () => [paragraph(text('a')), $createHorizontalRuleNode(), paragraph(text('b'))],
    markdown: 'a\n\n---\n\nb',
  },
  {
    name: 'line break is a hard break',
    build: () => [paragraph(text('one'), $createLineBreakNode(), text('two'))],
    markdown: 'one\\\ntwo',
  },
  {
    name: 'text that looks like syntax stays text',
    build: () => [paragraph(text('# not [a](link) <b> 1. x | y'), $createLineBreakNode(), text('- no list'))],
    markdown: '\\# not \\[a\\](link) \\<b> 1. x \\| y\\\n\\- no list',
  },
  {
    name: 'a #tag at a line start is not escaped (it is no heading)',
    build: () => [paragraph(text('#referendum notes'))],
    markdown: '#referendum notes',
  },
  {
    name: 'numbered-looking list item text',
    build: () => [$createListNode('bullet').append(item(text('2017. A year')))],
    markdown: '- 2017\\. A year',
  },
  {
    name: 'indented text is not code',
    build: () => [paragraph(text('    four spaces'))],
    markdown: '&#32;   four spaces',
  },
  {
    name: 'heading ending in #',
    build: () => [$createHeadingNode('h2').append(text('C #'))],
    markdown: '## C \\#',
  },
  {
    name: 'excerpt',
    build: () => [$createExcerptNode(EXCERPT)],
    markdown:
      '> Iraq’s prime minister today dismissed a proposal.\n>\n> — *Iraq rejects Kurdish offer*, iraq.txt, 2026-11-23 · [ex-abc123](commonplace://excerpt/ex-abc123)',
  },
]

describe('NOTE_TRANSFORMERS export', () => {
  it.each(cases)('$name', ({ build, markdown }) => {
    expect(markdownOf(build)).toBe(markdown)
  })

  it('cites a removed source from the block’s own copy and says so', () => {
    const editor = createNoteEditor()
    editor.update(() => $getRoot().append($createExcerptNode(EXCERPT)), { discrete: true })
    const markdown = editor.getEditorState().read(() => withExcerptSources(() => null, $noteToMarkdown))
    expect(markdown.split('\n').at(-1)).toBe(
      '> — *Iraq rejects Kurdish offer*, iraq.txt, 2026-11-23 · ex-abc123 · source removed from the library',
    )
    expect(markdown).toContain('> Iraq’s prime minister today dismissed a proposal.')
  })
})

describe('ExcerptNode', () => {
  it('serializes to exactly the documented JSON and loads back', () => {
    const editor = createNoteEditor()
    editor.update(() => $getRoot().append($createExcerptNode(EXCERPT)), { discrete: true })
    const json = editor.getEditorState().toJSON()
    expect(json.root.children).toEqual([{ type: 'excerpt', version: 1, ...EXCERPT }])
    expect(excerptIdsIn(SerializedNoteContent.parse(json))).toEqual(['ex-abc123'])

    const again = createNoteEditor()
    again.setEditorState(again.parseEditorState(JSON.stringify(json)))
    again.getEditorState().read(() => {
      const node = $getRoot().getFirstChild()
      expect($isExcerptNode(node) && node.getExcerpt()).toEqual(EXCERPT)
      expect(node?.getTextContent()).toBe(EXCERPT.quote)
    })
  })

  it('keeps the source words a writer declined (keep my quote), and only when there are some', () => {
    const kept = { ...EXCERPT, keptOver: 'the source’s new words' }
    const editor = createNoteEditor()
    editor.update(() => $getRoot().append($createExcerptNode(kept)), { discrete: true })
    const json = editor.getEditorState().toJSON()
    expect(json.root.children).toEqual([{ type: 'excerpt', version: 1, ...kept }])
    const again = createNoteEditor()
    again.setEditorState(again.parseEditorState(JSON.stringify(json)))
    again.getEditorState().read(() => {
      const node = $getRoot().getFirstChild()
      expect($isExcerptNode(node) && node.getExcerpt()).toEqual(kept)
    })
  })

  it('is a block, keyboard-selectable', () => {
    const editor = createNoteEditor()
    editor.update(() => $getRoot().append($createExcerptNode(EXCERPT)), { discrete: true })
    editor.getEditorState().read(() => {
      const node = $getRoot().getFirstChildOrThrow()
      expect($isExcerptNode(node) && !node.isInline() && node.isKeyboardSelectable()).toBe(true)
    })
  })
})

describe('NOTE_TRANSFORMERS import (what typing shortcuts use)', () => {
  const imports: { markdown: string; check: (nodes: LexicalNode[]) => boolean }[] = [
    { markdown: '---', check: ([node]) => $isHorizontalRuleNode(node) },
    { markdown: '- [ ] task', check: ([node]) => $isListNode(node) && node.getListType() === 'check' },
    { markdown: '1. one', check: ([node]) => $isListNode(node) && node.getListType() === 'number' },
    { markdown: '- one', check: ([node]) => $isListNode(node) && node.getListType() === 'bullet' },
    { markdown: '> — *T*, 2026-01-01 · ex-1', check: (nodes) => !nodes.some($isExcerptNode) },
  ]
  it.each(imports)('$markdown', ({ markdown, check }) => {
    const editor = createNoteEditor()
    editor.update(() => $convertFromMarkdownString(markdown, NOTE_TRANSFORMERS), { discrete: true })
    editor.getEditorState().read(() => expect(check($getRoot().getChildren())).toBe(true))
  })
})
