import type { Klass, LexicalNode } from 'lexical'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { ListItemNode, ListNode } from '@lexical/list'
import { CodeHighlightNode, CodeNode } from '@lexical/code'
import { AutoLinkNode, LinkNode } from '@lexical/link'
import { HorizontalRuleNode } from '@lexical/extension'
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table'
import { ExcerptNode } from './excerpt-node'
import { NoteLinkNode } from './note-link-node'

/**
 * The one list of node classes a note may contain, shared by the editor and headless export.
 * CodeHighlightNode is here because code blocks create it for indentation and pasted code even
 * without syntax highlighting; a saved note that holds one must still load.
 */
export const NOTE_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  CodeNode,
  CodeHighlightNode,
  LinkNode,
  AutoLinkNode,
  HorizontalRuleNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  ExcerptNode,
  NoteLinkNode,
]
