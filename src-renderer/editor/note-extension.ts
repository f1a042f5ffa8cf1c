import {
  TextNode,
  configExtension,
  mergeRegister,
  defineExtension,
  type EditorThemeClasses,
  type Klass,
  type LexicalNode,
} from 'lexical'
import { RichTextExtension } from '@lexical/rich-text'
import { HistoryExtension } from '@lexical/history'
import { CheckListExtension, ListExtension } from '@lexical/list'
import { AutoLinkExtension, LinkExtension, createLinkMatcherWithRegExp } from '@lexical/link'
import { CodeExtension } from '@lexical/code'
import { HorizontalRuleExtension } from '@lexical/extension'
import { TableExtension } from '@lexical/table'
import { NOTE_NODES } from '../../src-main/core/notes/nodes'
import { ExcerptNode } from '../../src-main/core/notes/excerpt-node'
import { withoutInlineStyles, type SerializedNoteContent } from '../../src-main/core/notes/note-content'
import { isSafeUrl } from '../../src-main/core/export/excerpt-citation'
import { ExcerptBlockNode } from './ExcerptBlock'
import { NoteLinkNode } from '../../src-main/core/notes/note-link-node'
import { NoteLinkViewNode } from './NoteLinkView'
import { registerTablePaste } from './table-paste'

/** The note's nodes, with excerpt blocks and note links given their React views (same types, so the same JSON). */
const EDITOR_NODES: Klass<LexicalNode>[] = NOTE_NODES.map((node) =>
  node === ExcerptNode ? ExcerptBlockNode : node === NoteLinkNode ? NoteLinkViewNode : node,
)

/** Class names for what Lexical draws; styled in editor.css. */
const THEME: EditorThemeClasses = {
  paragraph: 'ne-paragraph',
  heading: { h1: 'ne-h1', h2: 'ne-h2', h3: 'ne-h3', h4: 'ne-h4', h5: 'ne-h5', h6: 'ne-h6' },
  quote: 'ne-quote',
  code: 'ne-code-block',
  hr: 'ne-hr',
  table: 'ne-table',
  tableRow: 'ne-table__row',
  tableCell: 'ne-table__cell',
  tableCellHeader: 'ne-table__cell--header',
  tableCellSelected: 'ne-table__cell--selected',
  tableSelection: 'ne-table--selection',
  tableScrollableWrapper: 'ne-table-scroll',
  hrSelected: 'ne-hr--selected',
  link: 'ne-link',
  // Other writers' carets in a live-shared note (collab/live.css), coloured by what each announces.
  collaboration: { cursor: 'live-caret', cursorName: 'live-caret__name' },
  list: {
    ul: 'ne-ul',
    ol: 'ne-ol',
    checklist: 'ne-checklist',
    listitem: 'ne-li',
    listitemChecked: 'ne-li--checked',
    listitemUnchecked: 'ne-li--unchecked',
    nested: { listitem: 'ne-li--nested' },
  },
  text: {
    bold: 'ne-bold',
    italic: 'ne-italic',
    underline: 'ne-underline',
    strikethrough: 'ne-strikethrough',
    underlineStrikethrough: 'ne-underline-strikethrough',
    code: 'ne-code',
  },
}

// Typed addresses become links as you type; the scheme is added for a bare www. address.
const URL_PATTERN = /((https?:\/\/|www\.)[^\s<>"']+[^\s<>"'.,;:!?)\]])/
const MATCHERS = [
  createLinkMatcherWithRegExp(URL_PATTERN, (text) => (text.startsWith('www.') ? `https://${text}` : text)),
]

/** A link typed or pasted must be http(s) or mailto; anything else is refused. */
export const isAllowedLinkUrl = (url: string): boolean => isSafeUrl(url)

/**
 * The note editor: rich text, history, lists with check lists, links, rules, code, tables and excerpt blocks.
 * A live-shared note (`live`) starts empty and keeps no history of its own: its content comes from
 * the shared Y.Doc and undo is Yjs' (Lexical's CollaborationPlugin), as Lexical's collaboration requires.
 */
export function noteEditorExtension(
  content: SerializedNoteContent | null,
  onError: (error: Error) => void,
  { live = false }: { live?: boolean } = {},
) {
  const hasContent = !live && content !== null && content.root.children.length > 0
  return defineExtension({
    name: '@commonplace/note-editor',
    namespace: 'commonplace-note',
    nodes: EDITOR_NODES,
    theme: THEME,
    onError,
    // Without content the default initializer gives one empty paragraph. Inline styles never reach
    // the page (note-content.ts): dropped from what is loaded, and from whatever is pasted later.
    ...(hasContent ? { $initialEditorState: JSON.stringify(withoutInlineStyles(content)) } : {}),
    ...(live ? { $initialEditorState: null } : {}),
    register: (editor) =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle()) node.setStyle('')
        }),
        registerTablePaste(editor),
      ),
    dependencies: [
      RichTextExtension,
      ...(live ? [] : [HistoryExtension]),
      ListExtension,
      CheckListExtension,
      configExtension(LinkExtension, { validateUrl: isAllowedLinkUrl }),
      configExtension(AutoLinkExtension, { matchers: MATCHERS }),
      CodeExtension,
      HorizontalRuleExtension,
      // GFM tables are a plain grid: no merged cells and no cell colours, which Markdown cannot hold.
      configExtension(TableExtension, { hasCellMerge: false, hasCellBackgroundColor: false }),
    ],
  })
}
