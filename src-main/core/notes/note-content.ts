import { z } from 'zod'

/** A Lexical editor state as JSON (`editorState.toJSON()`); validated loosely here, strictly by Lexical on load. */
export const SerializedNoteContent = z
  .object({
    root: z.object({ type: z.literal('root'), children: z.array(z.unknown()) }).loose(),
  })
  .loose()
export type SerializedNoteContent = z.infer<typeof SerializedNoteContent>

/** The node type string of excerpt blocks (notes/excerpt-node.ts). */
export const EXCERPT_NODE_TYPE = 'excerpt'

/** Ids of the excerpts a note cites, in document order, without repeats. */
export function excerptIdsIn(content: SerializedNoteContent): string[] {
  const ids: string[] = []
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return
    const record = node as { type?: unknown; excerptId?: unknown; children?: unknown }
    if (
      record.type === EXCERPT_NODE_TYPE &&
      typeof record.excerptId === 'string' &&
      !ids.includes(record.excerptId)
    ) {
      ids.push(record.excerptId)
    }
    if (Array.isArray(record.children)) record.children.forEach(visit)
  }
  visit(content.root)
  return ids
}

/** The node type string of links to other notes (notes/note-link-node.ts). */
export const NOTE_LINK_NODE_TYPE = 'note-link'

/** Ids of the notes a note links to, in document order, without repeats. */
export function linkedNoteIdsIn(content: SerializedNoteContent): string[] {
  const ids: string[] = []
  visitNodes(content, (record) => {
    // A link without an id waits for its note (waiting-links.ts) and links to nothing yet.
    if (
      record.type === NOTE_LINK_NODE_TYPE &&
      typeof record.noteId === 'string' &&
      record.noteId !== '' &&
      !ids.includes(record.noteId)
    ) {
      ids.push(record.noteId)
    }
  })
  return ids
}

// A tag is # followed by a letter or digit and then letters, digits, - _ or /; "#1" alone is a number, not a tag.
const TAG_PATTERN = /(?:^|[^\p{L}\p{N}_&#])#([\p{L}_][\p{L}\p{N}_/-]*|\p{N}+[\p{L}_][\p{L}\p{N}_/-]*)/gu

/** The #tags written in the text of a note, lower-cased, without the #, without repeats. */
export function tagsIn(content: SerializedNoteContent): string[] {
  const tags: string[] = []
  visitNodes(content, (record) => {
    if (record.type !== 'text' || typeof record.text !== 'string') return
    for (const match of record.text.matchAll(TAG_PATTERN)) {
      const tag = match[1]!.replace(/[-/]+$/, '').toLowerCase()
      if (tag && !tags.includes(tag)) tags.push(tag)
    }
  })
  return tags
}

type NodeRecord = { type?: unknown; children?: unknown } & Record<string, unknown>

/** Calls `visit` on every node of a note's content, parents before children. */
export function visitNodes(content: SerializedNoteContent, visit: (record: NodeRecord) => void): void {
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return
    const record = node as NodeRecord
    visit(record)
    if (Array.isArray(record.children)) record.children.forEach(walk)
  }
  walk(content.root)
}
