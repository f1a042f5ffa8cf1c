import type { TextMatchTransformer } from '@lexical/markdown'
import { $isNoteLinkNode, NoteLinkNode } from './note-link-node'

/** Finds a note's current title by id; null once the note is gone. */
export type NoteTitleResolver = (noteId: string) => string | null

let currentTitles: NoteTitleResolver | null = null

/** Runs an export with note links written under the current titles of their targets (renames survive). */
export function withNoteTitles<T>(resolve: NoteTitleResolver, run: () => T): T {
  const previous = currentTitles
  currentTitles = resolve
  try {
    return run()
  } finally {
    currentTitles = previous
  }
}

/** Never matches: note links are made with the `[[` typeahead, never by Markdown import. */
const NEVER = /(?!)/

/** A note link as `[[Title]]`: the target's current title, or the title at link time once it is deleted. */
export const NOTE_LINK: TextMatchTransformer = {
  dependencies: [NoteLinkNode],
  export: (node) => {
    if (!$isNoteLinkNode(node)) return null
    const { noteId, title } = node.getLink()
    const current = currentTitles?.(noteId) ?? title
    // Brackets and line breaks would end the link early; a title keeps its words without them.
    return `[[${current
      .replace(/[[\]\n\r|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()}]]`
  },
  importRegExp: NEVER,
  regExp: NEVER,
  replace: () => {},
  type: 'text-match',
}
