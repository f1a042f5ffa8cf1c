// Tables in notes as GFM pipe tables: written on export, read on import (table-import.ts), and
// made as a writer types a header row and a delimiter row and presses Enter.
import {
  $createParagraphNode,
  $createTextNode,
  $isElementNode,
  $isParagraphNode,
  type ElementFormatType,
  type ElementNode,
  type LexicalNode,
} from 'lexical'
import type { ElementTransformer } from '@lexical/markdown'
import {
  $createTableCellNode,
  $createTableRowNode,
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  TableCellHeaderStates,
  TableCellNode,
  TableNode,
  TableRowNode,
} from '@lexical/table'
import { BREAK_MARK, ESCAPE_MARK } from './markdown-marks'
import { $inlineNodes, blockTree, createNoteMarkdownParser } from './markdown-blocks'
import { $tableOf } from './table-import'

/** GFM's delimiter cell for each alignment a column can have (the cell paragraphs' format). */
const DELIMITERS: Partial<Record<ElementFormatType, string>> = {
  left: ':---',
  center: ':---:',
  right: '---:',
}

/**
 * One cell's Markdown on one line: its blocks' inline Markdown joined by `<br>` (GFM cells hold
 * no blocks and no line ends), every pipe escaped. GFM removes one backslash before a pipe before
 * it reads the cell, so a pipe already escaped as text (`\|`) gets a second one like any other.
 */
function cellMarkdown(cell: TableCellNode, traverseChildren: (node: ElementNode) => string): string {
  const blocks = cell
    .getChildren()
    .map((block) => ($isElementNode(block) ? traverseChildren(block) : block.getTextContent()))
  return blocks
    .join('<br>')
    .replaceAll(BREAK_MARK + '\n', '<br>')
    .replace(/\n/g, ' ')
    .replace(/(?<!\uFDD0)\|/g, ESCAPE_MARK + '|')
    .trim()
}

/** The alignment of a cell: the format of its first paragraph. */
function alignmentOf(cell: LexicalNode | undefined): string {
  const first = $isTableCellNode(cell) ? cell.getFirstChild() : null
  return ($isElementNode(first) && DELIMITERS[first.getFormatType()]) || '---'
}

/** A row as a GFM line (an empty cell is `|  |`). */
const line = (cells: string[]): string => `| ${cells.join(' | ')} |`

/**
 * A table as a GFM pipe table. GFM tables always have a header row: a table without one is written
 * with an empty header row, which import reads back as no header (table-import.ts).
 */
function tableToMarkdown(table: TableNode, traverseChildren: (node: ElementNode) => string): string {
  const rows = table.getChildren().filter($isTableRowNode)
  const cells = rows.map((row) =>
    row
      .getChildren()
      .filter($isTableCellNode)
      .map((cell) => cellMarkdown(cell, traverseChildren)),
  )
  const width = Math.max(1, ...cells.map((row) => row.length))
  const padded = cells.map((row) => [...row, ...Array<string>(width - row.length).fill('')])
  const first = rows[0]?.getChildren() ?? []
  const hasHeader =
    first.length > 0 &&
    first.every((cell) => $isTableCellNode(cell) && cell.hasHeaderState(TableCellHeaderStates.ROW))
  const header = hasHeader ? padded[0]! : Array<string>(width).fill('')
  const body = hasHeader ? padded.slice(1) : padded
  const aligns = Array.from({ length: width }, (_, column) => alignmentOf(first[column]))
  return [line(header), `| ${aligns.join(' | ')} |`, ...body.map(line)].join('\n')
}

/**
 * A GFM delimiter row, as typed: at least one pipe, cells of dashes with optional colons. It must end
 * in one of those, not a space, so it fires on Enter only and not on the space before the next cell.
 */
const DELIMITER_ROW = /^\|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?)?\s*\|?(?<=[-:|])$/

/**
 * A table: exported as a GFM pipe table; typed, a delimiter row under a paragraph that reads as a
 * header row with as many cells becomes a table when Enter is pressed, with one empty row to write in.
 */
export const TABLE: ElementTransformer = {
  dependencies: [TableNode, TableRowNode, TableCellNode],
  export: (node, traverseChildren) => ($isTableNode(node) ? tableToMarkdown(node, traverseChildren) : null),
  regExp: DELIMITER_ROW,
  replace: (parentNode, _children, match, isImport) => {
    const header = parentNode.getPreviousSibling()
    if (isImport || !$isParagraphNode(header)) return false
    const table = $tableFromMarkdown(`${header.getTextContent()}\n${match[0]}`)
    if (table === null) return false
    // The row to write in is aligned as the delimiter row says, like the header above it.
    const row = $createTableRowNode()
    for (const headerCell of table.getFirstChildOrThrow<TableRowNode>().getChildren()) {
      const paragraph = $createParagraphNode()
      const aligned = $isTableCellNode(headerCell) ? headerCell.getFirstChild() : null
      if ($isElementNode(aligned)) paragraph.setFormat(aligned.getFormatType())
      row.append($createTableCellNode().append(paragraph))
    }
    table.append(row)
    header.replace(table)
    parentNode.remove()
    if (table.getNextSibling() === null) table.insertAfter($createParagraphNode())
    row.getFirstChildOrThrow<TableCellNode>().selectStart()
    return true
  },
  triggerOnEnter: true,
  type: 'element',
}

/** The table Markdown text holds when it is exactly one GFM table, else null. */
export function $tableFromMarkdown(markdown: string): TableNode | null {
  const blocks = blockTree(createNoteMarkdownParser().parse(markdown, {}))
  if (blocks.length !== 1 || blocks[0]!.token.type !== 'table_open') return null
  return $tableOf(blocks[0]!, $inlineNodes)
}

/**
 * Pasted plain text that holds a GFM table, as nodes: each table a table, every other line a
 * paragraph of its words as they were (the way plain text is pasted anyway). Null when the text
 * holds no table, so the editor pastes it as it always does.
 */
export function $pastedTableNodes(text: string): LexicalNode[] | null {
  const source = text.replace(/\r\n?/g, '\n')
  const blocks = blockTree(createNoteMarkdownParser().parse(source, {}))
  if (!blocks.some((block) => block.token.type === 'table_open')) return null
  const lines = source.split('\n')
  const nodes: LexicalNode[] = []
  let at = 0
  const paragraphsUpTo = (end: number) => {
    for (; at < end; at++)
      if (lines[at]!.trim() !== '') nodes.push($createParagraphNode().append($createTextNode(lines[at])))
  }
  for (const block of blocks) {
    if (block.token.type !== 'table_open' || !block.token.map) continue
    paragraphsUpTo(block.token.map[0])
    nodes.push($tableOf(block, $inlineNodes))
    at = block.token.map[1]
  }
  paragraphsUpTo(lines.length)
  return nodes
}
