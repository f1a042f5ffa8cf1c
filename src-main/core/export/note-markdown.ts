import { stat } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import type { LibraryStore } from '../store/library-store'
import { CommonplaceError } from '../errors'
import { getNote } from '../notes/notes'
import { createNoteEditor, loadNoteContent } from '../notes/headless'
import { $noteToMarkdown, withExcerptSources } from '../notes/transformers'
import type { ExcerptFields } from '../notes/excerpt-node'
import { writeFileDurably } from '../store/durable-file'
import { quoteFingerprint } from '../verify/quote-fingerprint'
import { withCitations, type AreaImageOf, type CitationSource, type CitationStyle } from './excerpt-citation'
import { areaImageFor, writeAttachments, type Attachment } from './attachments'
import { transformersFor, type NoteLinkStyle } from './note-link-markdown'
import { noteFrontMatter } from './note-front-matter'
import { escapeHeadingEnd, escapeInline } from './markdown-escape'
import { noteFileName } from './note-file-name'
import { withNoteTitles } from '../notes/note-link-transformer'

/** Choices a note export makes; every one has a default (the library's export settings), so `{}` is a complete set. */
export interface NoteExportOptions {
  /** Excerpt citations as a line under each quote or as footnotes at the end; default: the library's setting. */
  citations?: CitationStyle
  /** Note links as `[[Title]]` or relative Markdown links; default: the library's setting. */
  links?: NoteLinkStyle
  /** Where a linked note's file is, relative to this one (a vault's names); default: `<title>.md` beside it. */
  noteHref?: (noteId: string) => string | null
  /** Where an excerpt's id links to (a vault's `../sources/x.md#^ex-…`); default: no link. */
  excerptHref?: (excerptId: string) => string | null
  /** Where an area excerpt's picture goes, relative to this file; default: `attachments/<excerptId>.png`. */
  imageHref?: (excerptId: string) => string
}

/**
 * A note as a Markdown file: YAML front matter (title, id, created, updated, tags, sources cited),
 * `# Title`, the body as CommonMark/GFM, one final newline. The same note in the same library
 * with the same options always gives the same bytes.
 */
export async function exportNote(
  store: LibraryStore,
  noteId: string,
  options: NoteExportOptions = {},
): Promise<{ fileName: string; markdown: string; attachments: Attachment[] }> {
  const { note, content } = await getNote(store, noteId)
  const attachments: Attachment[] = []
  const areaImage: AreaImageOf = areaImageFor(store, options.imageHref, attachments)
  const titleOf = (id: string) => store.data.notes.find((n) => n.id === id)?.title ?? null
  const noteHref =
    options.noteHref ?? ((id: string) => (titleOf(id) === null ? null : noteFileName(titleOf(id)!)))
  const target = (id: string) => {
    const title = titleOf(id)
    const href = title === null ? null : noteHref(id)
    return title === null || href === null ? null : { title, href }
  }
  let body: string
  let footnotes: string
  try {
    const editor = createNoteEditor()
    loadNoteContent(editor, content)
    const transformers = transformersFor(
      options.links ?? store.data.settings.export.links,
      target,
      options.noteHref !== undefined,
    )
    ;({ result: body, footnotes } = editor.getEditorState().read(() =>
      withCitations(
        options.citations ?? store.data.settings.export.citations,
        options.excerptHref,
        () =>
          withNoteTitles(titleOf, () =>
            withExcerptSources(
              (excerpt) => currentSource(store, excerpt),
              () => $noteToMarkdown(transformers),
            ),
          ),
        quoteFingerprint,
        areaImage,
      ),
    ))
  } catch (error) {
    throw new CommonplaceError(
      'LIBRARY_UNREADABLE',
      `The note “${note.title}” cannot be read: ${(error as Error).message}`,
    )
  }
  const heading = `# ${escapeHeadingEnd(escapeInline(note.title.replace(/\s+/g, ' ').trim(), 'all'))}`
  const trimmed = [body.replace(/^\n+/, '').replace(/\s+$/, ''), footnotes].filter(Boolean).join('\n\n')
  const front = noteFrontMatter(store, note)
  const markdown = trimmed ? `${front}${heading}\n\n${trimmed}\n` : `${front}${heading}\n`
  return { fileName: noteFileName(note.title), markdown, attachments }
}

/**
 * Writes a note's Markdown to `path` (or into `path` under its own file name when that is a folder),
 * atomically, and the pictures of its area excerpts into `attachments/` beside it. Refuses a place
 * inside the library folder, which only the store may write.
 */
export async function exportNoteToFile(
  store: LibraryStore,
  noteId: string,
  path: string,
  options: NoteExportOptions = {},
): Promise<{ path: string; bytes: number }> {
  const { fileName, markdown, attachments } = await exportNote(store, noteId, options)
  let target = resolve(path)
  if (await isFolder(target)) target = join(target, fileName)
  const inside = relative(store.dir, target)
  if (!inside.startsWith('..') && !isAbsolute(inside)) {
    throw new CommonplaceError(
      'INVALID_INPUT',
      `Refusing to export into the library folder (${target}); choose a place outside it`,
    )
  }
  const bytes = Buffer.from(markdown, 'utf8')
  try {
    await writeAttachments(store, dirname(target), attachments)
    await writeFileDurably(target, bytes)
  } catch (error) {
    throw new CommonplaceError('WRITE_FAILED', `Could not write ${target}: ${(error as Error).message}`)
  }
  return { path: target, bytes: bytes.byteLength }
}

/** The excerpt's article as it is now, or null when the excerpt or its article has left the library. */
function currentSource(store: LibraryStore, excerpt: ExcerptFields): CitationSource {
  const stored = store.data.excerpts.find((e) => e.id === excerpt.excerptId)
  const article = stored && store.data.articles.find((a) => a.id === stored.articleId)
  return article
    ? { title: article.title, sourceName: article.sourceName, sourceUrl: article.sourceUrl }
    : null
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
