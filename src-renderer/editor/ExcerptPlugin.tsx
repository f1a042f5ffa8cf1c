import { useEffect } from 'react'
import {
  $createParagraphNode,
  $getPreviousSelection,
  $getRoot,
  $getSelection,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  KEY_ENTER_COMMAND,
  mergeRegister,
  type ElementNode,
  type RangeSelection,
} from 'lexical'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $insertNodeToNearestRoot } from '@lexical/utils'
import { $isAtNodeEnd } from '@lexical/selection'
import {
  $createExcerptNode,
  $isExcerptNode,
  INSERT_EXCERPT_COMMAND,
} from '../../src-main/core/notes/excerpt-node'
import { ExcerptBlockNode } from './ExcerptBlock'
import type { QuotedExcerpt } from './use-excerpt-statuses'

export interface ExcerptPluginProps {
  /** Called with the excerpt blocks of the note (id and the words they hold) whenever blocks come, go or change. */
  onExcerpts(blocks: QuotedExcerpt[]): void
  /** Enter on a selected excerpt block opens its source, like a click. */
  onOpen(target: { excerptId: string; articleId: string }): void
}

/** Inserts excerpt blocks, opens one on Enter, and reports which excerpts the note holds. */
export function ExcerptPlugin({ onExcerpts, onOpen }: ExcerptPluginProps): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_EXCERPT_COMMAND,
          (fields) => {
            // With the note unfocused (the person is in the article), the last caret position counts.
            const selection = $getSelection() ?? $getPreviousSelection()
            const block = $createExcerptNode(fields)
            const line = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null
            const edge = $isRangeSelection(selection) && line ? $caretEdge(selection, line) : null
            // An empty line gives its place to the block; at either end of a block it goes beside it
            // (no split, no empty copy); in the middle of one, the block splits it at the caret.
            if ($isParagraphNode(line) && line.isEmpty()) line.replace(block)
            else if (line && edge === 'end') line.insertAfter(block)
            else if (line && edge === 'start') line.insertBefore(block)
            else $insertNodeToNearestRoot(block)
            // Leave the caret on a line after the block so writing can go straight on.
            if (block.getNextSibling() === null) block.insertAfter($createParagraphNode())
            block.selectNext()
            return true
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            const selection = $getSelection()
            if (!$isNodeSelection(selection)) return false
            const nodes = selection.getNodes()
            const node = nodes.length === 1 ? nodes[0] : null
            if (!$isExcerptNode(node)) return false
            event?.preventDefault()
            const { excerptId, articleId } = node.getExcerpt()
            onOpen({ excerptId, articleId })
            return true
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerMutationListener(
          ExcerptBlockNode,
          () => {
            const blocks = editor.getEditorState().read(() =>
              $getRoot()
                .getChildren()
                .filter($isExcerptNode)
                .map((node) => {
                  const { excerptId, quote, keptOver } = node.getExcerpt()
                  return { excerptId, quote, keptOver }
                }),
            )
            onExcerpts(blocks)
          },
          { skipInitialization: false },
        ),
      ),
    [editor, onExcerpts, onOpen],
  )
  return null
}

/** Whether a collapsed caret sits at the very start or end of `block`'s content. */
function $caretEdge(selection: RangeSelection, block: ElementNode): 'start' | 'end' | null {
  if (!selection.isCollapsed()) return null
  const { anchor } = selection
  const node = anchor.getNode()
  const last = block.getLastDescendant() ?? block
  const first = block.getFirstDescendant() ?? block
  if ((node.is(last) || node.is(block)) && $isAtNodeEnd(anchor)) return 'end'
  if ((node.is(first) || node.is(block)) && anchor.offset === 0) return 'start'
  return null
}
