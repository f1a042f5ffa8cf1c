// Note links written as relative Markdown links (`[Title](Other%20note.md)`) instead of `[[Title]]`,
// for tools that do not read wiki links (GitHub, most static site generators).
import type { TextMatchTransformer, Transformer } from '@lexical/markdown'
import { $isNoteLinkNode, NoteLinkNode } from '../notes/note-link-node'
import { NOTE_LINK } from '../notes/note-link-transformer'
import { NOTE_TRANSFORMERS } from '../notes/transformers'
import { escapeInline } from './markdown-escape'

/** How note links are written: `[[Title]]` (Obsidian, Foam, Logseq) or relative Markdown links. */
export type NoteLinkStyle = 'wiki' | 'markdown'

/** Where a linked note is: its current title and its file relative to the file being written; null once deleted. */
export type NoteLinkTarget = (noteId: string) => { title: string; href: string } | null

/** A relative file path as a link destination: percent-encoded, parentheses too, so any tool reads it. */
export function relativeHref(path: string): string {
  return encodeURI(path).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** The transformers for `style`: the note's own list, with note links as Markdown links when asked. */
export function transformersFor(
  style: NoteLinkStyle,
  target: NoteLinkTarget,
  wikiByFileName = false,
): Transformer[] {
  if (style === 'wiki' && !wikiByFileName) return NOTE_TRANSFORMERS
  const noteLink: TextMatchTransformer = {
    ...NOTE_LINK,
    export: (node, exportChildren, exportFormat) => {
      if (!$isNoteLinkNode(node)) return null
      const found = target(node.getLink().noteId)
      // A link to a deleted note is written as the editor's own transformer writes it.
      if (!found) return NOTE_LINK.export!(node, exportChildren, exportFormat)
      if (style === 'markdown') return `[${escapeInline(found.title, 'all')}](${relativeHref(found.href)})`
      // Obsidian resolves `[[name]]` by file name; a title changed to make a safe name keeps its words as the alias.
      const stem = found.href.replace(/^.*\//, '').replace(/\.md$/, '')
      const title = found.title
        .replace(/[[\]\n\r|]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
      return stem === title ? `[[${stem}]]` : `[[${stem}|${title}]]`
    },
    dependencies: [NoteLinkNode],
  }
  return NOTE_TRANSFORMERS.map((transformer) => (transformer === NOTE_LINK ? noteLink : transformer))
}
