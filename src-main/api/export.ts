import { homedir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { method } from './method'
import { NoteId } from '../core/ids'
import { CommonplaceError } from '../core/errors'
import type { LibraryStore } from '../core/store/library-store'

/** The folder suggested for a vault export when the library names none; browser mode lets the page write there without asking. */
export function defaultVaultDir(): string {
  return join(homedir(), 'Commonplace vault')
}

/** The library's default export folder (Settings), or the built-in one. */
export function vaultDirOf(store: LibraryStore): string {
  return store.data.settings.export.folder ?? defaultVaultDir()
}

// The export code (headless Lexical, YAML) loads with the first export, not with the API.
const noteMarkdown = () => import('../core/export/note-markdown')

// Left out, the library's export settings apply (library.setExportSettings).
const Citations = z.enum(['inline', 'footnotes']).optional()
const Links = z.enum(['wiki', 'markdown']).optional()

/** The vault export running in each open library: files written so far, for `export.progress`. */
const runningExports = new WeakMap<LibraryStore, { done: number; total: number; path: string }>()

export const exportMethods = {
  'export.note': method({
    summary: 'A note as a Markdown file: a safe file name and its contents.',
    input: z.object({ id: NoteId, citations: Citations, links: Links }),
    output: z.object({ fileName: z.string(), markdown: z.string() }),
    handler: async ({ store }, { id, citations, links }) =>
      (await noteMarkdown()).exportNote(store, id, { citations, links }),
  }),
  'export.noteToFile': method({
    summary:
      'Writes a note as Markdown to a path on this machine: typed at the terminal, chosen in a dialog or inside a confirmed folder.',
    input: z.object({ id: NoteId, path: z.string().min(1).max(4096), citations: Citations, links: Links }),
    output: z.object({ path: z.string(), bytes: z.number() }),
    handler: async ({ store }, { id, path, citations, links }, { paths }) =>
      (await noteMarkdown()).exportNoteToFile(store, id, await paths.resolve(path, 'export-file'), {
        citations,
        links,
      }),
  }),
  'export.vault': method({
    summary:
      'Exports notes and sources as a Markdown vault folder; never overwrites files edited since, nor files it did not write.',
    input: z.object({
      outDir: z.string().min(1).max(4096),
      citations: Citations,
      links: Links,
      noteIds: z.array(NoteId).optional(),
      originals: z.boolean().default(false),
      everything: z.boolean().default(false),
    }),
    output: z.object({
      outDir: z.string(),
      notes: z.number(),
      sources: z.number(),
      created: z.array(z.string()),
      updated: z.array(z.string()),
      unchanged: z.array(z.string()),
      edited: z.array(z.object({ path: z.string(), newVersion: z.string() })),
      removed: z.array(z.string()),
      skipped: z.array(
        z.object({
          kind: z.enum(['note', 'original', 'text', 'picture']),
          id: z.string(),
          title: z.string(),
          reason: z.string(),
        }),
      ),
    }),
    handler: async ({ store }, { outDir: named, ...options }, { paths }) => {
      const outDir = await paths.resolve(named, 'export-folder')
      // Two exports at once would race on the vault's manifest.
      if (runningExports.has(store))
        throw new CommonplaceError(
          'INVALID_INPUT',
          'A vault export is already running; wait for it to finish',
        )
      const progress = { done: 0, total: 0, path: '' }
      runningExports.set(store, progress)
      try {
        const { exportVault } = await import('../core/export/vault')
        return await exportVault(store, outDir, options, (now) => Object.assign(progress, now))
      } finally {
        runningExports.delete(store)
      }
    },
  }),
  'export.progress': method({
    summary:
      'How far the running vault export is: files written out of all, and the last one (asked while export.vault runs).',
    input: z.object({}),
    output: z.object({ running: z.boolean(), done: z.number(), total: z.number(), path: z.string() }),
    handler: ({ store }) => {
      const progress = runningExports.get(store)
      return progress ? { running: true, ...progress } : { running: false, done: 0, total: 0, path: '' }
    },
  }),
  'export.vaultDefaultDir': method({
    summary:
      'The folder suggested for a vault export: the default export folder of the library settings, else "Commonplace vault" in the home folder of the machine running the library.',
    input: z.object({}),
    output: z.object({ path: z.string() }),
    handler: async ({ store }) => {
      await store.refresh()
      return { path: vaultDirOf(store) }
    },
  }),
  'export.citations': method({
    summary: 'The sources a note cites (or, without a note, every source) as BibTeX or CSL-JSON.',
    input: z.object({ noteId: NoteId.optional(), format: z.enum(['bibtex', 'csl-json']) }),
    output: z.object({ format: z.enum(['bibtex', 'csl-json']), count: z.number(), text: z.string() }),
    handler: async ({ store }, { noteId, format }) => {
      const { articlesToCite, formatCitations } = await import('../core/export/citations')
      const articles = articlesToCite(store, noteId ?? null)
      return { format, count: articles.length, text: formatCitations(articles, format) }
    },
  }),
}
