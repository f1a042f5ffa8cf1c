import { stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'
import type { LibraryStore } from '../store/library-store'
import { CommonplaceError } from '../errors'
import { getNote } from '../notes/notes'
import { noteContentToMarkdown } from '../notes/headless'
import type { ExcerptFields } from '../notes/excerpt-node'
import { writeFileDurably } from '../store/durable-file'
import type { CitationSource } from './excerpt-citation'
import { escapeHeadingEnd, escapeInline } from './markdown-escape'
import { noteFileName } from './note-file-name'

/**
 * A note as a Markdown file: `# Title`, a blank line, the body as CommonMark/GFM, one final newline.
 * The same note in the same library always gives the same bytes.
 */
export async function exportNote(
  store: LibraryStore,
  noteId: string,
): Promise<{ fileName: string; markdown: string }> {
  const { note, content } = await getNote(store, noteId)
  let body: string
  try {
    body = noteContentToMarkdown(content, (excerpt) => currentSource(store, excerpt))
  } catch (error) {
    throw new CommonplaceError(
      'LIBRARY_UNREADABLE',
      `The note “${note.title}” cannot be read: ${(error as Error).message}`,
    )
  }
  const heading = `# ${escapeHeadingEnd(escapeInline(note.title.replace(/\s+/g, ' ').trim(), 'all'))}`
  const trimmed = body.replace(/^\n+/, '').replace(/\s+$/, '')
  const markdown = trimmed ? `${heading}\n\n${trimmed}\n` : `${heading}\n`
  return { fileName: noteFileName(note.title), markdown }
}

/**
 * Writes a note's Markdown to `path` (or into `path` under its own file name when that is a folder),
 * atomically. Refuses a place inside the library folder, which only the store may write.
 */
export async function exportNoteToFile(
  store: LibraryStore,
  noteId: string,
  path: string,
): Promise<{ path: string; bytes: number }> {
  const { fileName, markdown } = await exportNote(store, noteId)
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
