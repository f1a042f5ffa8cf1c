import type { SerializedNoteContent } from '../core/notes/note-content'

/** A note body of one paragraph: the words to find again, padded to make the write take time. */
export function noteContent(text: string, pad = ''): SerializedNoteContent {
  const paragraph = (words: string) => ({
    type: 'paragraph',
    version: 1,
    children: [{ type: 'text', version: 1, text: words, format: 0, detail: 0, mode: 'normal', style: '' }],
  })
  return { root: { type: 'root', children: pad ? [paragraph(text), paragraph(pad)] : [paragraph(text)] } }
}
