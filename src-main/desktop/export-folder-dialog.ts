import { BrowserWindow, dialog, ipcMain } from 'electron'
import { IPC_CHANNELS, type PathGrant } from '../api/bridge'
import { isFromOwnPage } from '../ipc'
import type { OwnWindows } from './own-windows'
import type { PathGrants } from './path-grants'
import type { RendererLocation } from './renderer-location'

/** What the vault folder dialog needs. */
export interface ExportFolderDialogSettings {
  windows: OwnWindows
  renderer: RendererLocation
  grants: PathGrants
  /** Where the dialog opens: the suggested vault folder (export.vaultDefaultDir), asked each time. */
  defaultPath: string | (() => string)
}

/**
 * "Export library as vault…" in the desktop app: the window asks, the main process shows the native
 * folder dialog, and the window gets the chosen folder as a grant for `export.vault` — the only way a
 * desktop window can name a folder to write into. Asked by anything but our own page, it shows nothing.
 */
export function serveExportFolderDialog({
  windows,
  renderer,
  grants,
  defaultPath,
}: ExportFolderDialogSettings): void {
  ipcMain.handle(IPC_CHANNELS.chooseExportFolder, async (event): Promise<PathGrant | null> => {
    if (!isFromOwnPage(event, windows, renderer)) {
      console.warn(
        `Commonplace refused a folder dialog asked by ${event.senderFrame?.url ?? 'a closed frame'}`,
      )
      return null
    }
    const window = BrowserWindow.fromWebContents(event.sender)
    if (!window) return null
    const choice = await dialog.showOpenDialog(window, {
      // Asked by the vault export and by Settings (the default folder): words that fit both.
      title: 'Choose the Vault Folder',
      buttonLabel: 'Choose Folder',
      defaultPath: typeof defaultPath === 'function' ? defaultPath() : defaultPath,
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
    })
    const folder = choice.filePaths[0]
    if (choice.canceled || !folder || window.isDestroyed()) return null
    return { grant: grants.issue(event.sender.id, folder, 'export-folder'), label: folder }
  })
}
