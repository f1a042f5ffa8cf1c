import { dialog, type BrowserWindow } from 'electron'
import { basename } from 'node:path'
import { IPC_CHANNELS, type PathGrant } from '../api/bridge'
import { supportedExtensions } from '../core/import/importers'
import type { PathGrants } from './path-grants'

/**
 * File ▸ Import: the main process shows the native Open dialog, because Chromium ignores a file input
 * clicked without a user gesture in the page (as a menu click is). The window gets a grant for each
 * chosen file — never the path itself — and imports them one by one through its import queue, so the
 * user sees each file's progress and can cancel.
 */
export async function importWithNativeDialog(window: BrowserWindow, grants: PathGrants): Promise<void> {
  const choice = await dialog.showOpenDialog(window, {
    title: 'Import Files',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Articles', extensions: supportedExtensions() },
      { name: 'All Files', extensions: ['*'] },
    ],
  })
  if (choice.canceled || choice.filePaths.length === 0 || window.isDestroyed()) return
  const contentsId = window.webContents.id
  const granted: PathGrant[] = choice.filePaths.map((path) => ({
    grant: grants.issue(contentsId, path, 'import'),
    label: basename(path),
  }))
  window.webContents.send(IPC_CHANNELS.importGrants, granted)
}
