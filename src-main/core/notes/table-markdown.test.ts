import { describe, it, expect } from 'vitest'
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isParagraphNode,
  type ElementFormatType,
  type LexicalNode,
  type TextFormatType,
} from 'lexical'
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  $isTableCellNode,
  $isTableNode,
  TableCellHeaderStates,
  type TableCellNode,
} from '@lexical/table'
import { createNoteEditor, noteContentToMarkdown } from './headless'
import { $noteToMarkdown } from './transformers'
import { markdownToNote } from './markdown-import'
import { $pastedTableNodes, TABLE } from './table-markdown'
import type { ExcerptResolver } from './markdown-blocks'

const text = (content: string, ...formats: TextFormatType[]) => {
  const node = $createTextNode(content)
  for (const format of formats) node.toggleFormat(format)
  return node
}
const cell = (header: boolean, align: ElementFormatType, ...children: LexicalNode[]): TableCellNode => {
  const paragraph = $createParagraphNode().append(...children)
  if (align) paragraph.setFormat(align)
  return $createTableCellNode(header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS).append(
    paragraph,
  )
}
const row = (...cells: TableCellNode[]) => $createTableRowNode().append(...cells)
const head = (...words: string[]) => row(...words.map((w) => cell(true, '', text(w))))
const body = (...words: string[]) => row(...words.map((w) => cell(false, '', text(w))))

function markdownOf(build: () => LexicalNode[]): string {
  const editor = createNoteEditor()
  editor.update(() => $getRoot().append(...build()), { discrete: true })
  return editor.getEditorState().read(() => $noteToMarkdown())
}

const noQuotes: ExcerptResolver = (quote, citation) => ({
  excerptId: citation.excerptId,
  articleId: '',
  quote,
  sourceTitle: citation.title,
  sourceName: citation.sourceName,
  sourceUrl: citation.sourceUrl,
  excerptedAt: '',
})
const reexport = (markdown: string) =>
  noteContentToMarkdown(markdownToNote(markdown, 't.md', noQuotes).content)

describe('tables as GFM on export', () => {
  const cases: { name: string; build: () => LexicalNode[]; markdown: string }[] = [
    {
      name: 'header row and body',
      build: () => [$createTableNode().append(head('Name', 'Year'), body('Darwin', '1859'))],
      markdown: '| Name | Year |\n| --- | --- |\n| Darwin | 1859 |',
    },
    {
      name: 'no header row: an empty one is written',
      build: () => [$createTableNode().append(body('a', 'b'), body('c', 'd'))],
      markdown: '|  |  |\n| --- | --- |\n| a | b |\n| c | d |',
    },
    {
      name: 'alignment from the first row',
      build: () => [
        $createTableNode().append(
          row(cell(true, 'left', text('L')), cell(true, 'center', text('C')), cell(true, 'right', text('R'))),
          body('1', '2', '3'),
        ),
      ],
      markdown: '| L | C | R |\n| :--- | :---: | ---: |\n| 1 | 2 | 3 |',
    },
    {
      name: 'pipes escaped in text and code',
      build: () => [$createTableNode().append(head('a|b'), row(cell(false, '', text('x|y', 'code'))))],
      markdown: '| a\\|b |\n| --- |\n| `x\\|y` |',
    },
    {
      name: 'formats and line breaks in a cell',
      build: () => [
        $createTableNode().append(
          head('h'),
          row(cell(false, '', text('bold', 'bold'), $createLineBreakNode(), text('next'))),
        ),
      ],
      markdown: '| h |\n| --- |\n| **bold**<br>next |',
    },
    {
      name: 'short rows padded to the widest',
      build: () => [$createTableNode().append(head('a', 'b'), body('only'))],
      markdown: '| a | b |\n| --- | --- |\n| only |  |',
    },
  ]
  it.each(cases)('$name', ({ build, markdown }) => {
    const exported = markdownOf(build)
    expect(exported).toBe(markdown)
    expect(reexport(exported)).toBe(exported)
  })
})

describe('GFM tables on import', () => {
  const rows: { name: string; markdown: string; expected?: string }[] = [
    { name: 'plain', markdown: '| a | b |\n| --- | --- |\n| 1 | 2 |' },
    {
      name: 'aligned',
      markdown: '| a | b | c |\n| :-- | :-: | --: |\n| 1 | 2 | 3 |',
      expected: '| a | b | c |\n| :--- | :---: | ---: |\n| 1 | 2 | 3 |',
    },
    {
      name: 'without outer pipes',
      markdown: 'a | b\n--- | ---\n1 | 2',
      expected: '| a | b |\n| --- | --- |\n| 1 | 2 |',
    },
    { name: 'escaped pipes', markdown: '| f\\|oo |\n| --- |\n| b `\\|` az |\n| b **\\|** im |' },
    { name: 'backslash before a pipe', markdown: '| a\\\\\\|b |\n| --- |' },
    { name: 'between paragraphs', markdown: 'Before.\n\n| x |\n| --- |\n| y |\n\nAfter.' },
    { name: 'only a header', markdown: '| a | b |\n| --- | --- |' },
  ]
  it.each(rows)('$name', ({ markdown, expected }) => {
    const once = reexport(markdown)
    expect(once).toBe(expected ?? markdown)
    expect(reexport(once)).toBe(once)
  })

  it('reads the header row as header cells and the alignment onto each cell', () => {
    const { content } = markdownToNote('| a | b |\n| --- | --: |\n| 1 | 2 |', 't.md', noQuotes)
    const editor = createNoteEditor()
    editor.setEditorState(editor.parseEditorState(JSON.stringify(content)))
    editor.getEditorState().read(() => {
      const table = $getRoot().getFirstChild()
      if (!$isTableNode(table)) throw new Error('no table')
      const cells = table.getAllTextNodes().map((node) => node.getParentOrThrow().getParentOrThrow())
      expect(cells.map((c) => $isTableCellNode(c) && c.hasHeaderState(TableCellHeaderStates.ROW))).toEqual([
        true,
        true,
        false,
        false,
      ])
      expect(
        cells.map((c) => (c.getFirstChild() as ReturnType<typeof $createParagraphNode>).getFormatType()),
      ).toEqual(['', 'right', '', 'right'])
    })
  })
})

describe('typing and pasting tables', () => {
  it('a header row, then a delimiter row and Enter, becomes a table with an empty row to write in', () => {
    const editor = createNoteEditor()
    editor.update(
      () => {
        const header = $createParagraphNode().append($createTextNode('| Name | Year |'))
        const delimiter = $createParagraphNode().append($createTextNode('| --- | ---: |'))
        $getRoot().append(header, delimiter)
        const match = '| --- | ---: |'.match(TABLE.regExp)!
        expect(TABLE.replace(delimiter, [], match, false)).toBe(true)
      },
      { discrete: true },
    )
    // The table was typed at the end of the note, so a paragraph after it leaves somewhere to go on.
    expect(editor.getEditorState().read(() => $noteToMarkdown())).toBe(
      '| Name | Year |\n| --- | ---: |\n|  |  |\n',
    )
  })

  it('a delimiter row whose cell count differs from the line above stays words', () => {
    const editor = createNoteEditor()
    editor.update(
      () => {
        const header = $createParagraphNode().append($createTextNode('| a | b |'))
        const delimiter = $createParagraphNode().append($createTextNode('| --- |'))
        $getRoot().append(header, delimiter)
        expect(TABLE.replace(delimiter, [], '| --- |'.match(TABLE.regExp)!, false)).toBe(false)
      },
      { discrete: true },
    )
  })

  it('the delimiter pattern needs a pipe, so `---` stays a rule', () => {
    expect('---'.match(TABLE.regExp)).toBeNull()
    expect('|---|'.match(TABLE.regExp)).not.toBeNull()
    expect(':-- | --:'.match(TABLE.regExp)).not.toBeNull()
    // Not while typing: a space after a cell must not end the row before its last cell.
    expect('| --- | ---: '.match(TABLE.regExp)).toBeNull()
  })

  it('pasted text with a GFM table gives a table between its lines; text without one is left to the editor', () => {
    const editor = createNoteEditor()
    editor.update(
      () => {
        expect($pastedTableNodes('just words | and a pipe')).toBeNull()
        const nodes = $pastedTableNodes('Intro line\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nafter')!
        expect(nodes.map((node) => node.getType())).toEqual(['paragraph', 'table', 'paragraph'])
        expect($isParagraphNode(nodes[0]) && nodes[0].getTextContent()).toBe('Intro line')
        $getRoot().append(...nodes)
      },
      { discrete: true },
    )
    expect(editor.getEditorState().read(() => $noteToMarkdown())).toBe(
      'Intro line\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\nafter',
    )
  })
})
