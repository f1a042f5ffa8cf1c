// A Markdown file as a new note: front matter gives the title and tags, the body becomes the same
// Lexical nodes the editor makes, and block quotes in our citation form become excerpt blocks again.
import { parse as parseYaml } from 'yaml'
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalNode } from 'lexical'
import type { LibraryStore } from '../store/library-store'
import type { NoteSummary } from '../records'
import { CommonplaceError } from '../errors'
import { createNoteEditor } from './headless'
import { createNote, findNote, saveNote } from './notes'
import { SerializedNoteContent, tagsIn } from './note-content'
import { titleKey } from './waiting-links'
import {
  $blocksToNodes,
  blockTree,
  createNoteMarkdownParser,
  plainText,
  type ExcerptResolver,
  type NoteLinkResolver,
} from './markdown-blocks'

/** A Markdown file's front matter (YAML between `---` lines) and the body after it. */
export function splitFrontMatter(markdown: string): { data: Record<string, unknown>; body: string } {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const match = /^---\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text)
  if (!match) return { data: {}, body: text }
  let data: unknown
  try {
    data = parseYaml(match[1]!)
  } catch {
    // Not YAML after all (a thematic break and some text): the whole file is the body.
    return { data: {}, body: text }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { data: {}, body: text }
  return { data: data as Record<string, unknown>, body: text.slice(match[0].length) }
}

/** What a Markdown file becomes: the note's title and its content. */
export interface ImportedMarkdown {
  title: string
  content: SerializedNoteContent
}

/**
 * Converts Markdown to a note's title and content without saving anything. The title is the front
 * matter's `title`, else a leading `# heading` (which is then not repeated in the body), else the file name.
 */
export function markdownToNote(
  markdown: string,
  fileName: string,
  resolveExcerpt: ExcerptResolver,
  noteLinks: NoteLinkResolver | null = null,
): ImportedMarkdown {
  const { data, body } = splitFrontMatter(markdown)
  const parser = createNoteMarkdownParser()
  const blocks = blockTree(parser.parse(body, {}))
  const frontTitle =
    typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title) : ''
  let title = frontTitle.replace(/\s+/g, ' ').trim()
  const first = blocks[0]
  if (first?.token.type === 'heading_open' && first.token.tag === 'h1') {
    const heading = plainText(first.children[0]?.token.children ?? [])
      .replace(/\s+/g, ' ')
      .trim()
    if (!title || heading === title) {
      title = heading
      blocks.shift()
    }
  }
  if (!title)
    title = fileName
      .replace(/^.*[\\/]/, '')
      .replace(/\.(md|markdown|txt)$/i, '')
      .trim()
  const tags = frontMatterTags(data.tags)
  const editor = createNoteEditor()
  editor.update(
    () => {
      const nodes: LexicalNode[] = $blocksToNodes(blocks, resolveExcerpt, noteLinks)
      // Lexical needs at least one block in a document; an empty body is one empty paragraph.
      $getRoot().append(...(nodes.length > 0 ? nodes : [$createParagraphNode()]))
    },
    { discrete: true },
  )
  let content = SerializedNoteContent.parse(editor.getEditorState().toJSON())
  // A note's tags are the #tags written in it; tags only in the front matter are written at the end.
  const missing = tags.filter((tag) => !tagsIn(content).includes(tag.toLowerCase()))
  if (missing.length > 0) {
    editor.update(
      () => {
        $getRoot().append(
          $createParagraphNode().append($createTextNode(missing.map((t) => `#${t}`).join(' '))),
        )
      },
      { discrete: true },
    )
    content = SerializedNoteContent.parse(editor.getEditorState().toJSON())
  }
  return { title: title || 'Untitled note', content }
}

/** Front matter tags as a list or a comma/space separated string, without `#`, only words a #tag can hold. */
function frontMatterTags(value: unknown): string[] {
  const raw = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(/[,\s]+/)
      : []
  const tags: string[] = []
  for (const item of raw) {
    const tag = item.trim().replace(/^#/, '').replace(/\s+/g, '-')
    if (/^[\p{L}\p{N}_][\p{L}\p{N}_/-]*$/u.test(tag) && /[\p{L}_]/u.test(tag) && !tags.includes(tag))
      tags.push(tag)
  }
  return tags
}

/**
 * An excerpt block read from a citation: re-linked to the excerpt with that id when this library
 * has it, else kept as a block whose source is gone (its words, title, origin and date from the line).
 */
export function excerptResolverFor(store: LibraryStore): ExcerptResolver {
  return (quote, citation) => {
    const excerpt = store.data.excerpts.find((e) => e.id === citation.excerptId)
    const article = excerpt && store.data.articles.find((a) => a.id === excerpt.articleId)
    if (excerpt && article) {
      return {
        excerptId: excerpt.id,
        articleId: article.id,
        // An image excerpt block comes back as one: its picture is the library's, by its id.
        quote: excerpt.area ? '' : quote,
        ...(excerpt.area ? { area: { page: excerpt.area.page, rect: excerpt.area.rect } } : {}),
        sourceTitle: article.title,
        sourceName: article.sourceName,
        sourceUrl: article.sourceUrl,
        excerptedAt: excerpt.createdAt,
      }
    }
    return {
      excerptId: citation.excerptId,
      articleId: excerpt?.articleId ?? '',
      quote,
      sourceTitle: citation.title,
      sourceName: citation.sourceName,
      sourceUrl: citation.sourceUrl,
      excerptedAt: citation.date === 'undated' ? '' : `${citation.date}T00:00:00.000Z`,
    }
  }
}

/**
 * `[[Title]]` names the note with that title (ignoring case and runs of spaces); a title no note has
 * yet makes a link waiting for such a note (waiting-links.ts), linked once it is imported or made.
 */
export function noteLinkResolverFor(store: LibraryStore): NoteLinkResolver {
  return (title) => {
    const wanted = titleKey(title)
    const note = store.data.notes.find((n) => titleKey(n.title) === wanted)
    return note ? { noteId: note.id, title: note.title } : null
  }
}

/** Imports one Markdown file as a new note; resolves once it is saved. */
export async function importNoteFromMarkdown(
  store: LibraryStore,
  markdown: string,
  fileName: string,
): Promise<NoteSummary> {
  let imported: ImportedMarkdown
  try {
    imported = markdownToNote(markdown, fileName, excerptResolverFor(store), noteLinkResolverFor(store))
  } catch (error) {
    throw new CommonplaceError(
      'INVALID_INPUT',
      `${fileName} could not be read as a note: ${(error as Error).message}`,
    )
  }
  const note = await createNote(store, imported.title)
  await saveNote(store, note.id, imported.content)
  return findNote(store, note.id)
}
