import { useEffect, useState } from 'react'
import { $createParagraphNode, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $findMatchingParent } from '@lexical/utils'
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  $isTableSelection,
  $setTableRowIsHeader,
  TableCellHeaderStates,
  type TableNode,
} from '@lexical/table'
import './table.css'

/** The table the selection is in, if any. */
function $selectedTable(): TableNode | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) && !$isTableSelection(selection)) return null
  return $findMatchingParent(selection.anchor.getNode(), $isTableNode)
}

/** Whether every cell of the table's first row is a header cell. */
function $hasHeaderRow(table: TableNode): boolean {
  const first = table.getFirstChild()
  if (!$isTableRowNode(first)) return false
  return first
    .getChildren()
    .every((cell) => $isTableCellNode(cell) && cell.hasHeaderState(TableCellHeaderStates.ROW))
}

type TableTool = {
  id: string
  label: string
  run: (table: TableNode) => void
}

const TOOLS: TableTool[] = [
  { id: 'row-above', label: 'Row above', run: () => void $insertTableRowAtSelection(false) },
  { id: 'row-below', label: 'Row below', run: () => void $insertTableRowAtSelection(true) },
  { id: 'column-left', label: 'Column left', run: () => void $insertTableColumnAtSelection(false) },
  { id: 'column-right', label: 'Column right', run: () => void $insertTableColumnAtSelection(true) },
  { id: 'delete-row', label: 'Delete row', run: () => $deleteTableRowAtSelection() },
  { id: 'delete-column', label: 'Delete column', run: () => $deleteTableColumnAtSelection() },
]

function useTableState(editor: LexicalEditor): { inTable: boolean; headerRow: boolean } {
  const [state, setState] = useState({ inTable: false, headerRow: false })
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) =>
        editorState.read(() => {
          const table = $selectedTable()
          const next = { inTable: table !== null, headerRow: table !== null && $hasHeaderRow(table) }
          setState((previous) =>
            previous.inTable === next.inTable && previous.headerRow === next.headerRow ? previous : next,
          )
        }),
      ),
    [editor],
  )
  return state
}

/** Row, column and header tools, shown while the caret is in a table. */
export function TableTools() {
  const [editor] = useLexicalComposerContext()
  const { inTable, headerRow } = useTableState(editor)
  if (!inTable) return null
  const act = (run: (table: TableNode) => void) =>
    editor.update(() => {
      const table = $selectedTable()
      if (table) run(table)
    })
  const button = (id: string, label: string, run: (table: TableNode) => void, pressed?: boolean) => (
    <button
      key={id}
      type="button"
      className="ne-table-tool"
      data-testid={`table-${id}`}
      aria-pressed={pressed}
      // Keep the caret in the cell while a button is clicked: the tools act where it is.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => act(run)}
    >
      {label}
    </button>
  )
  return (
    <div className="ne-table-tools" role="toolbar" aria-label="Table" data-testid="table-tools">
      {TOOLS.map(({ id, label, run }) => button(id, label, run))}
      {button('header-row', 'Header row', (table) => $setTableRowIsHeader(table, 0, !headerRow), headerRow)}
      {button('delete', 'Delete table', (table) => {
        const after =
          table.getNextSibling() ?? table.getPreviousSibling() ?? table.insertAfter($createParagraphNode())
        table.remove()
        after.selectStart()
      })}
    </div>
  )
}
