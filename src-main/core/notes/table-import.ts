// A GFM table read by markdown-it (table_open … table_close) as the table nodes the editor makes.
import { $createParagraphNode, type ElementFormatType, type LexicalNode } from 'lexical'
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  TableCellHeaderStates,
  type TableNode,
} from '@lexical/table'

import type { Block, Token } from './markdown-blocks'

const ALIGNMENTS: Record<string, ElementFormatType> = {
  'text-align:left': 'left',
  'text-align:center': 'center',
  'text-align:right': 'right',
}

/** The rows of a table block: those of its head, then those of its body. */
const rowsOf = (table: Block): Block[] =>
  table.children.flatMap((part) => (part.token.type === 'tr_open' ? [part] : part.children))

/**
 * The table a `table_open` block holds. Each cell is one paragraph of its inline content, aligned as
 * its column is; `<br>` in a cell is a line break (how export writes one). A header row of empty
 * cells is how export writes a table without a header row, so it is read back as none.
 */
export function $tableOf(table: Block, $inline: (tokens: Token[]) => LexicalNode[]): TableNode {
  const node = $createTableNode()
  const rows = rowsOf(table)
  const headerEmpty = rows[0]?.children.every((cell) => cellInline(cell).length === 0) ?? false
  rows.forEach((row, index) => {
    if (index === 0 && headerEmpty && rows.length > 1) return
    const isHeader = row.children[0]?.token.type === 'th_open'
    const rowNode = $createTableRowNode()
    for (const cell of row.children) {
      const paragraph = $createParagraphNode().append(...$inline(withBreaks(cellInline(cell))))
      const align = ALIGNMENTS[String(cell.token.attrGet('style') ?? '')]
      if (align) paragraph.setFormat(align)
      const state = isHeader ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS
      rowNode.append($createTableCellNode(state).append(paragraph))
    }
    node.append(rowNode)
  })
  return node
}

/** The inline tokens of a cell block. */
function cellInline(cell: Block): Token[] {
  return cell.children.find((child) => child.token.type === 'inline')?.token.children ?? []
}

/** `<br>` tokens made hard breaks, which the inline converter makes line breaks (the tokens are this parse's own). */
function withBreaks(tokens: Token[]): Token[] {
  for (const token of tokens)
    if (token.type === 'html_inline' && /^<br\s*\/?>$/i.test(token.content)) token.type = 'hardbreak'
  return tokens
}
