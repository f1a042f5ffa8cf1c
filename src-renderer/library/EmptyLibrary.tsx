import { ImportIcon, QuoteIcon } from '../ui/icons'
import { FolderImport } from './FolderImport'

/** Props of the first-launch screen. */
export interface EmptyLibraryProps {
  importing: boolean
  onImportSample(): void
  onImportFiles(): void
}

/** What a new library shows: the two ways to get a first article in. */
export function EmptyLibrary({ importing, onImportSample, onImportFiles }: EmptyLibraryProps) {
  return (
    <section className="empty-state" aria-labelledby="empty-library-title" data-testid="empty-library">
      <QuoteIcon />
      <h1 id="empty-library-title" className="empty-state__title">
        Your library is empty
      </h1>
      <p className="empty-state__text">
        Bring in something to read. Select passages to keep them as excerpts, then quote them in your notes.
      </p>
      <div className="empty-state__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={importing}
          onClick={onImportSample}
        >
          Import the sample article
        </button>
        <button type="button" className="button" disabled={importing} onClick={onImportFiles}>
          <ImportIcon /> Import files…
        </button>
        <FolderImport className="button" />
      </div>
      <p className="empty-state__hint">
        Text, Markdown, HTML, PDF, Word and EPUB files, up to 50 MB each. You can also drop files or folders
        anywhere on this window, or paste a link into “Import from a link…” in the library on the left.
      </p>
    </section>
  )
}
