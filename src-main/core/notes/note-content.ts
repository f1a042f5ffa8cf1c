import { z } from 'zod'

/**
 * How deep a note's nodes may nest. Real notes (a list in a quote in a list…) stay far below it; every
 * reader of a note (links, tags, export, the editor) walks it recursively, and a note nested 10,000
 * deep made saving it fail with "Maximum call stack size exceeded".
 */
export const MAX_NOTE_DEPTH = 200

/**
 * A Lexical editor state as JSON (`editorState.toJSON()`): a tree of nodes, each an object with a
 * `type` and perhaps `children`, at most MAX_NOTE_DEPTH deep. Node fields are checked by Lexical on load.
 */
export const SerializedNoteContent = z
  .object({
    root: z.object({ type: z.literal('root'), children: z.array(z.unknown()) }).loose(),
  })
  .loose()
  .superRefine((content, context) => {
    // Walked with a stack of its own, not recursion: the check must not fail the way it guards against.
    const pending: { node: unknown; depth: number; path: (string | number)[] }[] = [
      { node: content.root, depth: 0, path: ['root'] },
    ]
    for (let next = pending.pop(); next; next = pending.pop()) {
      const { node, depth, path } = next
      // The path is cut short: a note 200 levels deep would otherwise make a message of 2,000 characters.
      const fail = (message: string) => context.addIssue({ code: 'custom', message, path: path.slice(0, 5) })
      if (depth > MAX_NOTE_DEPTH) return fail(`nodes nest deeper than ${MAX_NOTE_DEPTH} levels`)
      const record = node as { type?: unknown; children?: unknown } | null
      if (
        typeof record !== 'object' ||
        record === null ||
        Array.isArray(record) ||
        typeof record.type !== 'string'
      )
        return fail('is not a note node (an object with a type)')
      if (record.children === undefined) continue
      if (!Array.isArray(record.children)) return fail('has children that are not a list')
      // Pushed last to first, so the first child is looked at first and named in the error.
      for (let index = record.children.length - 1; index >= 0; index--)
        pending.push({ node: record.children[index], depth: depth + 1, path: [...path, 'children', index] })
    }
  })
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

/**
 * The content without inline CSS: Lexical puts a text node's `style` on its element as it is, and a
 * style can fetch (`background-image: url(https://…)`), cover the page or hide words. The editor
 * offers no styles, so one can only come from outside (a pasted page, a file written elsewhere): it is
 * dropped before the note is shown.
 */
export function withoutInlineStyles(content: SerializedNoteContent): SerializedNoteContent {
  const copy = structuredClone(content)
  visitNodes(copy, (record) => {
    delete record.style
    delete record.textStyle
  })
  return copy
}
