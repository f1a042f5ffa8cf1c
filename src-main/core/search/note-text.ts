import {
  EXCERPT_NODE_TYPE,
  NOTE_LINK_NODE_TYPE,
  visitNodes,
  type SerializedNoteContent,
} from '../notes/note-content'

/** Nodes that start a line of their own: their text is kept apart from the text before them. */
const BLOCKS = new Set(['paragraph', 'heading', 'listitem', 'quote', 'code', 'list', 'table', 'tablerow'])

/** What of a note search reads: its words, and the quoted words of the excerpts it cites. */
export interface NoteText {
  text: string
  quotes: string
}

/** The words of a note as search reads them, the quotes of its excerpt blocks apart. */
export function noteText(content: SerializedNoteContent): NoteText {
  const text: string[] = []
  const quotes: string[] = []
  visitNodes(content, (record) => {
    if (record.type === EXCERPT_NODE_TYPE && typeof record.quote === 'string') quotes.push(record.quote)
    else if (record.type === NOTE_LINK_NODE_TYPE && typeof record.title === 'string') text.push(record.title)
    else if (typeof record.text === 'string') text.push(record.text)
    else if (typeof record.type === 'string' && BLOCKS.has(record.type)) text.push('\n')
  })
  return { text: text.join('').replace(/\n+/g, '\n').trim(), quotes: quotes.join('\n') }
}
