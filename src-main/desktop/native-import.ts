import { dialog, type BrowserWindow } from 'electron'
import type { Library } from '../core/library'
import { invoke } from '../api/invoke'
import { IPC_CHANNELS } from '../api/bridge'
import { supportedExtensions } from '../core/import/importers'

/**
 * File ▸ Import: the main process shows the native Open dialog and imports the chosen files itself,
 * because Chromium ignores a file input clicked without a user gesture in the page (as a menu click is).
 * The window then receives the outcomes, as if it had imported them.
 */
export async function importWithNativeDialog(window: BrowserWindow, library: Library): Promise<void> {
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
  const reply = await invoke(library, 'articles.importPaths', { paths: choice.filePaths })
  if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.imported, reply)
}
