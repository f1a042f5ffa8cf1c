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
    if (record.type === EXCERPT_NODE_TYPE && typeof record.excerptId === 'string' && !ids.includes(record.excerptId)) {
      ids.push(record.excerptId)
    }
    if (Array.isArray(record.children)) record.children.forEach(visit)
  }
  visit(content.root)
  return ids
}
