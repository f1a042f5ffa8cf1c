import { useRef } from 'react'
import { useNotifier } from '../ui/notices'
import { countOf } from '../ui/format'
import { importFormats, importQueue } from './import-file'
import { importableFiles } from './importable-files'

/** Props of the folder chooser. */
export interface FolderImportProps {
  className?: string
  label?: string
}

/**
 * "Import a folder…": picks a folder (with its subfolders) and queues every file an importer accepts;
 * the others are skipped, and the user is told how many.
 */
export function FolderImport({
  className = 'url-import__folder',
  label = 'Import a folder…',
}: FolderImportProps) {
  const notifier = useNotifier()
  const inputRef = useRef<HTMLInputElement>(null)

  const importFolder = async (files: File[]) => {
    if (files.length === 0) return
    try {
      const { extensions } = await importFormats()
      const chosen = importableFiles(files, extensions)
      const accepted = extensions.map((extension) => `.${extension}`).join(', ')
      if (chosen.files.length === 0) {
        notifier.show({
          tone: 'info',
          message: `Nothing to import: the folder holds no ${accepted} files.`,
          testId: 'import-skipped',
          expiresAfterMs: 12_000,
        })
        return
      }
      if (chosen.skipped > 0) {
        notifier.show({
          tone: 'info',
          message: `Skipped ${countOf(chosen.skipped, 'file')} of the folder that cannot be imported (only ${accepted}).`,
          testId: 'import-skipped',
          expiresAfterMs: 12_000,
        })
      }
      importQueue.enqueue(chosen.files)
    } catch (error) {
      notifier.error('Could not import the folder', error)
    }
  }

  return (
    <>
      <button type="button" className={className} onClick={() => inputRef.current?.click()}>
        {label}
      </button>
      <input
        // React has no prop for it; without it the chooser picks files, not a folder.
        ref={(input) => {
          inputRef.current = input
          input?.setAttribute('webkitdirectory', '')
        }}
        type="file"
        multiple
        hidden
        data-testid="import-folder-input"
        aria-label="Choose a folder to import"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? [])
          event.target.value = ''
          void importFolder(files)
        }}
      />
    </>
  )
}
