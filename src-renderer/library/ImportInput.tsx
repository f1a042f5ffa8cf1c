import type { Ref } from 'react'

/** The file types the import chooser offers; the importer itself decides what it accepts. */
export const IMPORT_ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx,.epub'

/** Props of the hidden file chooser. */
export interface ImportInputProps {
  ref: Ref<HTMLInputElement>
  onFiles(files: File[]): void
}

/** The hidden multi-file chooser behind every "Import files…" button and menu item. */
export function ImportInput({ ref, onFiles }: ImportInputProps) {
  return (
    <input
      ref={ref}
      type="file"
      multiple
      hidden
      accept={IMPORT_ACCEPT}
      data-testid="import-input"
      aria-label="Choose files to import"
      onChange={(event) => {
        const files = Array.from(event.target.files ?? [])
        // Cleared so that choosing the same file again still fires a change.
        event.target.value = ''
        onFiles(files)
      }}
    />
  )
}
