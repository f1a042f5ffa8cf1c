import { dialog, type BrowserWindow } from 'electron'
import { IPC_CHANNELS } from '../api/bridge'
import { supportedExtensions } from '../core/import/importers'

/**
 * File ▸ Import: the main process shows the native Open dialog, because Chromium ignores a file input
 * clicked without a user gesture in the page (as a menu click is). The window gets the chosen paths and
 * imports them one by one through its import queue, so the user sees each file's progress and can cancel.
 */
export async function importWithNativeDialog(window: BrowserWindow): Promise<void> {
  const choice = await dialog.showOpenDialog(window, {
    title: 'Import Files',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Articles', extensions: supportedExtensions() },
      { name: 'All Files', extensions: ['*'] },
    ],
  })
  if (choice.canceled || choice.filePaths.length === 0) return
  if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.importPaths, choice.filePaths)
}
