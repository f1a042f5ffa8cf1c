import { ipcMain, shell } from 'electron'
import { IPC_CHANNELS } from '../api/bridge'
import { isFromOwnPage } from '../ipc'
import type { OwnWindows } from './own-windows'
import type { PathGrants } from './path-grants'
import type { RendererLocation } from './renderer-location'

/** What showing folders in the file manager needs. */
export interface ShowFoldersSettings {
  windows: OwnWindows
  renderer: RendererLocation
  grants: PathGrants
  libraryDir: string
}

/**
 * "Show in folder" after a vault export and Settings ▸ Library ▸ Open folder, in the desktop app. A
 * window never names a path here: the export folder is named by the grant its folder dialog gave
 * (so only a folder the user chose is ever shown), and the library folder is the one the app opened.
 * Asked by anything but our own page, nothing is shown.
 */
export function serveShowFolders({ windows, renderer, grants, libraryDir }: ShowFoldersSettings): void {
  ipcMain.handle(IPC_CHANNELS.showExportFolder, async (event, grant: unknown): Promise<boolean> => {
    if (!isFromOwnPage(event, windows, renderer) || typeof grant !== 'string') return false
    const folder = await grants
      .policyFor(event.sender.id)
      .resolve(grant, 'export-folder')
      .catch(() => null)
    if (!folder) return false
    shell.showItemInFolder(folder)
    return true
  })
  ipcMain.handle(IPC_CHANNELS.openLibraryFolder, async (event): Promise<boolean> => {
    if (!isFromOwnPage(event, windows, renderer)) return false
    // openPath answers an error message, or '' once the file manager has it.
    return (await shell.openPath(libraryDir)) === ''
  })
}
