// The whole library (or some notes) as a folder that Obsidian opens as a vault and GitHub renders:
// notes/*.md, sources/*.md with a block id per excerpt, optionally sources/originals/, and a
// manifest that lets a re-export update its own files without ever overwriting the user's edits.
import { readdir, readFile, stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import type { LibraryStore } from '../store/library-store'
import { CommonplaceError } from '../errors'
import { exportNote } from './note-markdown'
import type { CitationStyle } from './excerpt-citation'
import type { NoteLinkStyle } from './note-link-markdown'
import { sourceMarkdown } from './source-markdown'
import { annotationCollection, excerptAnnotation } from './web-annotations'
import { readArticleText } from '../articles'
import { FolderNames } from './file-names'
import { ATTACHMENTS_FOLDER, attachmentName } from './attachments'
import { readAreaImage } from '../area-excerpts'
import {
  readManifest,
  removeStaleFiles,
  writeManifest,
  writeVaultFile,
  type Manifest,
  type VaultWriteReport,
} from './vault-files'

/** Choices for a vault export. */
export interface VaultOptions {
  citations?: CitationStyle
  links?: NoteLinkStyle
  /** Only these notes (and the sources they cite); default: every note and every source. */
  noteIds?: string[]
  /** Also copy each article's original file into sources/originals/. */
  originals?: boolean
  /**
   * Everything, to leave: originals, each source's extracted text in sources/text/, and every excerpt
   * as a W3C Web Annotation in annotations.jsonld.
   */
  everything?: boolean
}

/** Progress of a long export: files done out of all. */
export type VaultProgress = (progress: { done: number; total: number; path: string }) => void

/** A note, source, original or text the export could not read: left out, with the reason. */
export interface VaultSkip {
  kind: 'note' | 'original' | 'text' | 'picture'
  id: string
  title: string
  reason: string
}

/** What a vault export did, file by file. */
export interface VaultReport extends VaultWriteReport {
  outDir: string
  notes: number
  sources: number
  /** What could not be read (a damaged or missing library file); the rest was exported, and its earlier file kept. */
  skipped: VaultSkip[]
}

/** Exports notes and their sources into `outDir` (created if missing); see docs/export-format.md. */
export async function exportVault(
  store: LibraryStore,
  outDir: string,
  options: VaultOptions = {},
  onProgress?: VaultProgress,
): Promise<VaultReport> {
  const dir = resolve(outDir)
  const inside = relative(store.dir, dir)
  if (!inside || (!inside.startsWith('..') && !isAbsolute(inside)))
    throw new CommonplaceError(
      'INVALID_INPUT',
      `Refusing to export into the library folder (${dir}); choose a place outside it`,
    )
  if (await isFile(dir)) throw new CommonplaceError('INVALID_INPUT', `${dir} is a file, not a folder`)
  const previous = await readManifest(dir)
  const next: Manifest = { format: 'commonplace-vault', version: 1, files: {} }

  const byCreation = <T extends { id: string }>(items: T[], time: (item: T) => string) =>
    [...items].sort((a, b) => time(a).localeCompare(time(b)) || a.id.localeCompare(b.id))
  const notes = byCreation(
    options.noteIds ? options.noteIds.map((id) => requireNote(store, id)) : store.data.notes,
    (n) => n.createdAt,
  )
  const cited = new Set(notes.flatMap((n) => n.excerptIds))
  const articles = byCreation(
    options.noteIds
      ? store.data.articles.filter((a) =>
          store.data.excerpts.some((e) => e.articleId === a.id && cited.has(e.id)),
        )
      : store.data.articles,
    (a) => a.importedAt,
  )

  // Names: what each thing was called last time when it still fits, never a file the export did not write.
  const previousPath = new Map(Object.entries(previous.files).map(([path, record]) => [record.id, path]))
  const namesIn = async (folder: string) =>
    new FolderNames(
      (await listFiles(resolve(dir, folder))).filter((name) => !previous.files[`${folder}/${name}`]),
    )
  const base = (path: string | undefined) => path?.slice(path.lastIndexOf('/') + 1)
  const noteNames = await namesIn('notes')
  const sourceNames = await namesIn('sources')
  const originalNames = await namesIn('sources/originals')
  const notePath = new Map(
    notes.map((n) => [n.id, noteNames.claim(n.title, '.md', 'Untitled note', base(previousPath.get(n.id)))]),
  )
  const sourcePath = new Map(
    articles.map((a) => [
      a.id,
      sourceNames.claim(a.title, '.md', 'Untitled source', base(previousPath.get(a.id))),
    ]),
  )

  const report: VaultReport = {
    outDir: dir,
    notes: notes.length,
    sources: articles.length,
    created: [],
    updated: [],
    unchanged: [],
    edited: [],
    removed: [],
    skipped: [],
  }
  const originals = options.originals || options.everything
  const exportedArticles = new Set(articles.map((a) => a.id))
  // Every area excerpt of an exported source has its picture in attachments/, linked from notes and sources.
  const areas = store.data.excerpts.filter((e) => e.area && exportedArticles.has(e.articleId))
  const pictureHref = (excerptId: string) => `../${ATTACHMENTS_FOLDER}/${attachmentName({ id: excerptId })}`
  const total =
    areas.length +
    notes.length +
    articles.length * (1 + (originals ? 1 : 0) + (options.everything ? 1 : 0)) +
    (options.everything ? 1 : 0)
  const annotations: Record<string, unknown>[] = []
  const textNames = await namesIn('sources/text')
  let done = 0
  onProgress?.({ done, total, path: '' })
  const write = async (path: string, id: string, content: string | Uint8Array) => {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    await writeVaultFile(dir, previous, next, report, { path, id, bytes })
    onProgress?.({ done: ++done, total, path })
  }
  // One unreadable note or body must not cost the user the whole export: it is reported and left
  // out, and what an earlier export wrote for it stays (a tidy-up would otherwise delete it). Only
  // reading is forgiven; a failure to write the vault still stops the export.
  const readOrSkip = async <T>(
    skip: Omit<VaultSkip, 'reason'>,
    read: () => Promise<T>,
  ): Promise<T | null> => {
    try {
      return await read()
    } catch (error) {
      report.skipped.push({ ...skip, reason: readFailure(error) })
      const manifestId = skip.kind === 'note' ? skip.id : `${skip.kind}:${skip.id}`
      for (const [path, record] of Object.entries(previous.files))
        if (record.id === manifestId) next.files[path] ??= record
      onProgress?.({ done: ++done, total, path: '' })
      return null
    }
  }

  const pictures = new Set<string>()
  for (const excerpt of areas) {
    const bytes = await readOrSkip({ kind: 'picture', id: excerpt.id, title: excerpt.id }, () =>
      readAreaImage(store, excerpt),
    )
    if (!bytes) continue
    await write(`${ATTACHMENTS_FOLDER}/${attachmentName(excerpt)}`, `picture:${excerpt.id}`, bytes)
    pictures.add(excerpt.id)
  }
  for (const article of articles) {
    let original: string | null = null
    if (originals && article.originalFile) {
      const extension = article.originalFile.slice(article.originalFile.lastIndexOf('.'))
      const name = originalNames.claim(
        article.title,
        extension,
        'original',
        base(previousPath.get(`original:${article.id}`)),
      )
      const originalFile = article.originalFile
      const bytes = await readOrSkip({ kind: 'original', id: article.id, title: article.title }, () =>
        readFile(store.path(`articles/${article.id}/${originalFile}`)),
      )
      if (bytes) {
        await write(`sources/originals/${name}`, `original:${article.id}`, bytes)
        original = `originals/${name}`
      }
    } else if (originals) onProgress?.({ done: ++done, total, path: '' })
    const excerpts = store.data.excerpts.filter((e) => e.articleId === article.id)
    if (options.everything) {
      const name = textNames.claim(
        article.title,
        '.txt',
        'Untitled source',
        base(previousPath.get(`text:${article.id}`)),
      )
      const text = await readOrSkip({ kind: 'text', id: article.id, title: article.title }, () =>
        readArticleText(store, article.id),
      )
      if (text !== null) {
        await write(`sources/text/${name}`, `text:${article.id}`, text)
        for (const excerpt of excerpts)
          annotations.push(excerptAnnotation(excerpt, text, `sources/text/${name}`))
      }
    }
    await write(
      `sources/${sourcePath.get(article.id)}`,
      article.id,
      sourceMarkdown(article, excerpts, original, (id) => (pictures.has(id) ? pictureHref(id) : null)),
    )
  }
  for (const note of notes) {
    const exported = await readOrSkip({ kind: 'note', id: note.id, title: note.title }, () =>
      exportNote(store, note.id, {
        citations: options.citations,
        links: options.links,
        noteHref: (id) => notePath.get(id) ?? null,
        excerptHref: (excerptId) => {
          const excerpt = store.data.excerpts.find((e) => e.id === excerptId)
          const file = excerpt && sourcePath.get(excerpt.articleId)
          return file ? `../sources/${file}#^${excerptId}` : null
        },
        imageHref: pictureHref,
      }),
    )
    if (exported) await write(`notes/${notePath.get(note.id)}`, note.id, exported.markdown)
  }
  if (options.everything) await write('annotations.jsonld', 'annotations', annotationCollection(annotations))
  // A partial export leaves the other notes' files alone; a full one tidies files of deleted or renamed things.
  if (!options.noteIds) await removeStaleFiles(dir, previous, next, report)
  else for (const [path, record] of Object.entries(previous.files)) next.files[path] ??= record
  await writeManifest(dir, next)
  return report
}

function requireNote(store: LibraryStore, id: string) {
  const note = store.data.notes.find((n) => n.id === id)
  if (!note) throw new CommonplaceError('NOT_FOUND', `No note with id ${id} in this library`)
  return note
}

/** Why a note or body could not be read, in one sentence (the core's own message names the file). */
function readFailure(error: unknown): string {
  if (error instanceof CommonplaceError) return error.message
  const code = (error as NodeJS.ErrnoException).code
  const path = (error as NodeJS.ErrnoException).path
  if (code === 'ENOENT' && path) return `${path} is missing`
  return (error as Error).message
}

async function listFiles(folder: string): Promise<string[]> {
  try {
    return await readdir(folder)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
