import type { ArticleFormat } from '../records'

/** A file (or fetched resource) handed to an importer. */
export interface ImportSource {
  name: string
  bytes: Uint8Array
  /** Where it was fetched from, for URL imports. */
  url?: string
  /** The server's Content-Type, for URL imports (it may name the charset). */
  contentType?: string
}

/** What an importer extracts; `html` is untrusted and is sanitized by the import pipeline. */
export interface ImportedDocument {
  format: ArticleFormat
  title: string
  html: string
  byline?: string | null
  siteName?: string | null
  publishedAt?: string | null
  lang?: string | null
  dir?: 'ltr' | 'rtl' | null
  description?: string | null
  notices?: string[]
  /**
   * The text is only a stand-in (a scan without a text layer): recognise a re-import by the file's
   * bytes rather than by the text.
   */
  identifiedByBytes?: boolean
  /** PDF only: each page's text item strings, as pdf.js's text layer lists them (import/pdf-text-map.ts). */
  pdfItems?: string[][]
  /** The document's own address (a saved page's canonical URL), used when the source has none. */
  sourceUrl?: string | null
}

/** One module per source kind implements this (import/text.ts, import/markdown.ts …). */
export interface Importer {
  format: ArticleFormat
  /** Lower-case file extensions without the dot. */
  extensions: string[]
  parse(source: ImportSource): Promise<ImportedDocument>
  /** The importer runs its parser in its own budgeted thread, so it is called from the main thread. */
  readsInOwnThread?: boolean
}

/** Raised by an importer for input it cannot take; the message names the file and the reason. */
export class ImportError extends Error {}
