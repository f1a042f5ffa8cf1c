import { z } from 'zod'
import { method } from './method'
import { APPEARANCE_FIELDS, LibrarySettings } from '../core/records'
import { librarySettings, setAppearanceSettings, setExportSettings } from '../core/settings'
import { checkLibrary } from '../core/store/doctor'
import { tagCounts } from '../core/library-lookups'

export const libraryMethods = {
  'library.info': method({
    summary: 'Where the library is and what it holds.',
    input: z.object({}),
    output: z.object({ dir: z.string(), articles: z.number(), excerpts: z.number(), notes: z.number() }),
    handler: async ({ store }) => {
      await store.refresh()
      const { articles, excerpts, notes } = store.data
      return { dir: store.dir, articles: articles.length, excerpts: excerpts.length, notes: notes.length }
    },
  }),
  'library.tagCounts': method({
    summary:
      'Every tag in use, with how many articles, notes and excerpts carry it; most used first, then by name.',
    input: z.object({}),
    output: z.array(
      z.object({
        tag: z.string(),
        articles: z.number().int(),
        notes: z.number().int(),
        excerpts: z.number().int(),
      }),
    ),
    handler: async ({ store }) => {
      // What another process (the CLI) tagged just before is counted too.
      await store.refresh()
      const { articles, notes, excerpts } = store.data
      return tagCounts(articles, notes, excerpts)
    },
  }),
  'library.changes': method({
    summary:
      'How many times the library took in changes made by another process (the CLI, another app); windows poll it to refresh their lists.',
    input: z.object({}),
    output: z.object({ changedElsewhere: z.number() }),
    handler: async ({ store }) => {
      await store.refresh()
      return { changedElsewhere: store.changedElsewhere }
    },
  }),
  'library.check': method({
    summary:
      'Checks the library folder against its records (temp files, orphans, missing files, backups); with repair, fixes what it safely can.',
    input: z.object({ repair: z.boolean().default(false) }),
    output: z.object({
      library: z.string(),
      healthy: z.boolean(),
      counts: z.object({ articles: z.number(), excerpts: z.number(), notes: z.number() }),
      backups: z.object({ count: z.number(), newest: z.string().nullable() }),
      findings: z.array(
        z.object({
          severity: z.enum(['problem', 'warning']),
          file: z.string(),
          what: z.string(),
          repair: z.string().nullable(),
          repaired: z.boolean(),
        }),
      ),
    }),
    handler: ({ store }, { repair }) => checkLibrary(store, repair),
  }),
  'library.settings': method({
    summary:
      "The library's settings: how Markdown exports cite excerpts and write note links by default, the default vault folder, and how the app looks.",
    input: z.object({}),
    output: LibrarySettings,
    handler: ({ store }) => librarySettings(store),
  }),
  'library.setExportSettings': method({
    summary:
      'Changes the default citation style and note-link style of Markdown exports, and the default vault export folder (a folder the caller may name for export, as export.vault takes it; null for the default).',
    input: z.object({
      citations: z.enum(['inline', 'footnotes']).optional(),
      links: z.enum(['wiki', 'markdown']).optional(),
      folder: z.string().min(1).max(4096).nullable().optional(),
    }),
    output: LibrarySettings,
    handler: async ({ store }, { folder, ...styles }, { paths }) => {
      // Never a free string: the folder is what the transport's path policy makes of it (a grant from
      // the desktop dialog, a folder browser mode may already write, a path typed at the terminal).
      const resolved = typeof folder === 'string' ? await paths.resolve(folder, 'export-folder') : folder
      return setExportSettings(store, { ...styles, folder: resolved })
    },
  }),
  'library.setAppearance': method({
    summary:
      'Changes how the app looks and sets articles for reading: theme (system, light, dark), reading font, size, line width and line height.',
    input: z.object(APPEARANCE_FIELDS).partial().strict(),
    output: LibrarySettings,
    handler: ({ store }, changes) => setAppearanceSettings(store, changes),
  }),
}
