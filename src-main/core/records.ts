import { z } from 'zod'
import { ArticleId, ExcerptId, NoteId } from './ids'

/** The version of library.json this code writes; older files are migrated on load (store/migrations.ts). */
export const LIBRARY_SCHEMA_VERSION = 2
/** The version of each record file (articles/<id>/article.json, excerpts/<id>.json, notes/<id>.meta.json). */
export const RECORD_SCHEMA_VERSION = 1
/** The version of each note body file (notes/<id>.json). */
export const NOTE_SCHEMA_VERSION = 1

export const ArticleFormat = z.enum(['text', 'markdown', 'html', 'pdf', 'docx', 'epub'])
export type ArticleFormat = z.infer<typeof ArticleFormat>

/** An imported source. Its body lives in articles/<id>/ so that the index stays small. */
export const Article = z.object({
  id: ArticleId,
  title: z.string(),
  format: ArticleFormat,
  /** File name the article came from (for display and citation), if any. */
  sourceName: z.string().nullable().default(null),
  sourceUrl: z.string().nullable().default(null),
  importedAt: z.string(),
  wordCount: z.number().int().nonnegative(),
  /** sha256 of the normalized text: the identity used to recognise a re-import. */
  contentHash: z.string(),
  byline: z.string().nullable().default(null),
  siteName: z.string().nullable().default(null),
  publishedAt: z.string().nullable().default(null),
  lang: z.string().nullable().default(null),
  dir: z.enum(['ltr', 'rtl']).nullable().default(null),
  description: z.string().nullable().default(null),
  /** Things the importer wants the reader to know (e.g. "not an article: imported the whole page"). */
  notices: z.array(z.string()).default([]),
  /** File name of the original kept beside the body, if kept. */
  originalFile: z.string().nullable().default(null),
  /** Tags the user gave the article (without the leading #). */
  tags: z.array(z.string()).default([]),
  /** The user renamed the article: a new version keeps that title instead of the one it brings. */
  titleSetByUser: z.boolean().default(false),
})
export type Article = z.infer<typeof Article>

/** Where an area excerpt is: a page (1-based) and `[x1, y1, x2, y2]` in PDF user space (points, y up). */
export const ExcerptArea = z.object({
  page: z.number().int().positive(),
  rect: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** The PNG's size in pixels (the rectangle drawn at 2×) and the SHA-256 of its bytes. */
  imageWidth: z.number().int().positive(),
  imageHeight: z.number().int().positive(),
  imageHash: z.string().regex(/^[0-9a-f]{64}$/),
})
export type ExcerptArea = z.infer<typeof ExcerptArea>

/** A passage of an article. The selector follows W3C Web Annotation: quote + context + position. */
export const Excerpt = z.object({
  id: ExcerptId,
  articleId: ArticleId,
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** contentHash of the article text the selector was made on. */
  articleHash: z.string(),
  createdAt: z.string(),
  /** What the last re-anchoring found (anchor/reanchor.ts): exact, moved, changed (words differ) or orphaned. */
  state: z.enum(['exact', 'moved', 'changed', 'orphaned']).default('exact'),
  /** The words before the last update changed them; set only while the state is `changed`. */
  previousQuote: z.string().nullable().default(null),
  /** Highlight colour, one of a small palette. */
  color: z.enum(['yellow', 'green', 'blue', 'pink', 'purple']).default('yellow'),
  comment: z.string().default(''),
  tags: z.array(z.string()).default([]),
  /**
   * Set on an area excerpt (a figure, equation or table cut from a PDF page as a picture): its page and
   * rectangle; its PNG is `articles/<articleId>/areas/<id>.png`. Absent on an excerpt of words.
   */
  area: ExcerptArea.optional(),
})
export type Excerpt = z.infer<typeof Excerpt>

/** A note's index entry; the Lexical document lives in notes/<id>.json. */
export const NoteSummary = z.object({
  id: NoteId,
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Ids of the excerpts the note cites, refreshed on every save. */
  excerptIds: z.array(ExcerptId).default([]),
  /** Ids of the notes this note links to with [[…]], refreshed on every save. */
  linkedNoteIds: z.array(NoteId).default([]),
  /** Titles (lower case) of [[links]] waiting for a note with that title, refreshed on every save. */
  waitingLinkTitles: z.array(z.string()).default([]),
  /** The #tags written in the note (without the #), refreshed on every save. */
  tags: z.array(z.string()).default([]),
})
export type NoteSummary = z.infer<typeof NoteSummary>

/** A full path on Windows (C:\…, \\server\…) or elsewhere (/…); a relative path means nothing to a setting. */
export const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/

/**
 * How Markdown exports cite excerpts and write note links unless a call says otherwise, and the
 * default folder of a vault export (null: "Commonplace vault" in the home folder). A stored folder
 * that is not a full path (a hand edit gone wrong) reads as the default rather than failing the library.
 */
export const ExportSettings = z.object({
  citations: z.enum(['inline', 'footnotes']).default('inline'),
  links: z.enum(['wiki', 'markdown']).default('wiki'),
  folder: z.string().max(4096).regex(ABSOLUTE_PATH).nullable().default(null).catch(null),
})
export type ExportSettings = z.infer<typeof ExportSettings>

/** Each appearance setting's allowed values (the stored settings add defaults, a change leaves some out). */
export const APPEARANCE_FIELDS = {
  /** 'system' follows the operating system's light or dark preference. */
  theme: z.enum(['system', 'light', 'dark']),
  readingFont: z.enum(['serif', 'sans']),
  /** Reading text size in CSS pixels. */
  readingSize: z.number().int().min(14).max(26),
  /** Longest line of the reading column, in characters (ch). */
  lineWidth: z.number().int().min(45).max(100),
  lineHeight: z.number().min(1.2).max(2.2),
}

/** How the window looks and how articles are set for reading (the app's Settings screen). */
export const AppearanceSettings = z.object({
  theme: APPEARANCE_FIELDS.theme.default('system'),
  readingFont: APPEARANCE_FIELDS.readingFont.default('serif'),
  readingSize: APPEARANCE_FIELDS.readingSize.default(18),
  lineWidth: APPEARANCE_FIELDS.lineWidth.default(70),
  lineHeight: APPEARANCE_FIELDS.lineHeight.default(1.6),
})
export type AppearanceSettings = z.infer<typeof AppearanceSettings>

/** The library's own settings, shared by the app, browser mode and the CLI. */
export const LibrarySettings = z.object({
  export: ExportSettings.prefault({}),
  appearance: AppearanceSettings.prefault({}),
})
export type LibrarySettings = z.infer<typeof LibrarySettings>

export const LibraryData = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  articles: z.array(Article).default([]),
  excerpts: z.array(Excerpt).default([]),
  notes: z.array(NoteSummary).default([]),
  settings: LibrarySettings.prefault({}),
})
export type LibraryData = z.infer<typeof LibraryData>

export function emptyLibrary(): LibraryData {
  return LibraryData.parse({ schemaVersion: LIBRARY_SCHEMA_VERSION })
}
