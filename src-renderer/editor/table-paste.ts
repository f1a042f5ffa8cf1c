import { $insertNodes, COMMAND_PRIORITY_LOW, PASTE_COMMAND, type LexicalEditor } from 'lexical'
import { $pastedTableNodes } from '../../src-main/core/notes/table-markdown'

/**
 * Plain text holding a GFM pipe table (copied from a Markdown file or a terminal) is pasted as a
 * table. When the clipboard also has HTML with a table, that HTML is what the editor pastes.
 */
export function registerTablePaste(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    PASTE_COMMAND,
    (event) => {
      const data = 'clipboardData' in event ? event.clipboardData : null
      const text = data?.getData('text/plain') ?? ''
      if (!text.includes('|') || /<table[\s>]/i.test(data?.getData('text/html') ?? '')) return false
      const nodes = $pastedTableNodes(text)
      if (nodes === null) return false
      event.preventDefault()
      $insertNodes(nodes)
      return true
    },
    COMMAND_PRIORITY_LOW,
  )
}
