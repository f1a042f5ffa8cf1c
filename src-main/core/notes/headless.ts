import { createHeadlessEditor } from '@lexical/headless'
import type { LexicalEditor } from 'lexical'
import { NOTE_NODES } from './nodes'
import { $noteToMarkdown, withExcerptSources } from './transformers'
import type { ExcerptFields } from './excerpt-node'
import type { SerializedNoteContent } from './note-content'
import type { CitationSource } from '../export/excerpt-citation'

/** A DOM-free editor that knows every node a note may contain, for reading and converting notes. */
export function createNoteEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'commonplace-note',
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error
    },
  })
}

/** Node types Lexical itself provides, beside NOTE_NODES. */
const CORE_TYPES = ['root', 'paragraph', 'text', 'linebreak', 'tab']

/** Node types in saved content that no note node reads (a damaged file, or blocks of a newer version). */
export function unknownNodeTypes(content: SerializedNoteContent): string[] {
  const known = new Set([...CORE_TYPES, ...NOTE_NODES.map((node) => node.getType())])
  const unknown = new Set<string>()
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return
    const { type, children } = node as { type?: unknown; children?: unknown }
    if (typeof type !== 'string' || !known.has(type)) unknown.add(String(type))
    if (Array.isArray(children)) children.forEach(visit)
  }
  visit(content.root)
  return [...unknown]
}

/**
 * Loads saved note content into `editor`; a note never written in stays empty. Throws, naming
 * them, on blocks it cannot read rather than dropping them.
 */
export function loadNoteContent(editor: LexicalEditor, content: SerializedNoteContent | null): void {
  if (content === null) return
  const unknown = unknownNodeTypes(content)
  if (unknown.length > 0) {
    throw new Error(`it holds blocks this version of Commonplace cannot read (${unknown.join(', ')})`)
  }
  editor.setEditorState(editor.parseEditorState(JSON.stringify(content)))
}

/**
 * A saved note's body as CommonMark/GFM. `sources` says where each excerpt's source stands now
 * (null once removed); without it excerpts are cited from the copy each block keeps.
 */
export function noteContentToMarkdown(
  content: SerializedNoteContent | null,
  sources?: (excerpt: ExcerptFields) => CitationSource,
): string {
  const editor = createNoteEditor()
  loadNoteContent(editor, content)
  return editor
    .getEditorState()
    .read(() => (sources ? withExcerptSources(sources, $noteToMarkdown) : $noteToMarkdown()))
}
