import { useEffect, useState } from 'react'
import { useNotifier } from '../ui/notices'
import { countOf } from '../ui/format'
import { importFormats } from './import-file'
import { filesOfEntries, takeDroppedEntries } from './dropped-files'

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/**
 * Makes the whole window a drop target for files. Returns whether files are being dragged over it,
 * so the app can say what will happen on drop. Drags of text or links are left alone. Dropped folders
 * are walked, and only the files an importer accepts are passed on.
 */
export function useFileDrop(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false)
  const notifier = useNotifier()

  useEffect(() => {
    // dragenter/dragleave fire for every child crossed; counting them tells when the window is left.
    let depth = 0
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth++
      setDragging(true)
    }
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      // Without this the browser would open the file in place of the app.
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth = 0
      setDragging(false)
      if (!event.dataTransfer) return
      const entries = takeDroppedEntries(event.dataTransfer)
      if (entries.length === 0) return
      void importFormats()
        .then(({ extensions }) => filesOfEntries(entries, extensions))
        .then(({ files, skipped }) => {
          if (skipped > 0) {
            notifier.show({
              tone: 'info',
              message: `Skipped ${countOf(skipped, 'file')} in the dropped folders that cannot be imported.`,
              testId: 'import-skipped',
              expiresAfterMs: 12_000,
            })
          }
          if (files.length > 0) onFiles(files)
        })
        .catch((error: unknown) => notifier.error('Could not read the dropped files', error))
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [onFiles, notifier])

  return dragging
}
