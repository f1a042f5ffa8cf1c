import { basename, join } from 'node:path'
import type { SaveDialogOptions, Session } from 'electron'
import type { OwnWindows } from './own-windows'

/**
 * Turns a page's download (how the renderer exports a note) into a native Save dialog that
 * proposes the suggested file name. Downloads started by anything but our windows are cancelled.
 */
export function askWhereToSaveDownloads(
  session: Session,
  windows: OwnWindows,
  downloadsDir: string,
  /** Set by the end-to-end tests (COMMONPLACE_DOWNLOAD_DIR): save there without asking. */
  answeredSaveDir?: string,
): void {
  session.on('will-download', (event, item, contents) => {
    if (!windows.owns(contents)) {
      event.preventDefault()
      return
    }
    if (answeredSaveDir) {
      item.setSavePath(join(answeredSaveDir, basename(item.getFilename())))
      return
    }
    // With no save path set, Electron asks the user where to save, using these options.
    item.setSaveDialogOptions(saveDialogFor(item.getFilename(), downloadsDir))
  })
}

/** The Save dialog for a suggested file name. */
export function saveDialogFor(fileName: string, downloadsDir: string): SaveDialogOptions {
  const isMarkdown = /\.(md|markdown)$/i.test(fileName)
  return {
    title: isMarkdown ? 'Export Note as Markdown' : 'Save',
    defaultPath: join(downloadsDir, fileName),
    filters: isMarkdown
      ? [{ name: 'Markdown', extensions: ['md'] }]
      : [{ name: 'All Files', extensions: ['*'] }],
  }
}
