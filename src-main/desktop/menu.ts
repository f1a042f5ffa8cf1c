import { Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { IPC_CHANNELS, type MenuCommand } from '../api/bridge'
import { menuAccelerator } from '../core/commands'
import type { OwnWindows } from './own-windows'

/** What the menu depends on. */
export interface MenuSettings {
  platform: NodeJS.Platform
  /** Packaged apps get no developer tools item. */
  isPackaged: boolean
  /** Reload is offered only while developing against the dev server. */
  isDevelopment: boolean
  libraryDir: string
}

/** Builds the application menu and makes it the app's menu. */
export function installApplicationMenu(
  windows: OwnWindows,
  settings: MenuSettings,
  /** File ▸ Import runs in the main process (a native dialog); every other command goes to the window. */
  importFiles: (window: BrowserWindow) => void,
): void {
  const template = applicationMenuTemplate(settings, (command) => {
    const window = windows.target()
    if (command === 'import-files' && window) importFiles(window)
    else sendMenuCommand(windows, command)
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

/**
 * Sends a command to the window it is meant for; the renderer performs it as if its own button
 * were clicked. Returns false when no window of ours is open.
 */
export function sendMenuCommand(windows: OwnWindows, command: MenuCommand): boolean {
  const window = windows.target()
  if (!window) return false
  window.webContents.send(IPC_CHANNELS.menu, command)
  return true
}

/** The menu, as a template; every item of ours carries its MenuCommand as id. */
export function applicationMenuTemplate(
  settings: MenuSettings,
  send: (command: MenuCommand) => void,
): MenuItemConstructorOptions[] {
  const isMac = settings.platform === 'darwin'
  // The keys come from the window's command table, so the menu, the palette and the shortcuts sheet agree.
  const command = (id: Exclude<MenuCommand, 'select-all'>, label: string): MenuItemConstructorOptions => {
    const accelerator = menuAccelerator(id)
    return { id, label, ...(accelerator ? { accelerator } : {}), click: () => send(id) }
  }

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('import-files', 'Import Files…'),
      command('import-sample', 'Import the Sample Article'),
      { type: 'separator' },
      command('new-note', 'New Note'),
      command('export-note', 'Export Note as Markdown…'),
      command('verify-quotes', 'Verify Quotes in Exported Markdown…'),
      command('export-vault', 'Export Library as Vault…'),
      { type: 'separator' },
      // macOS keeps Quit in the app menu; File closes the window there.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      // Not role selectAll: Electron's selectAll selects the whole window when the article text (which
      // is not editable) has the focus. The window decides: the article's text when the focus is in
      // the article, else what the focused field or editor holds. The key is left to the page
      // (registerAccelerator false, Windows and Linux; macOS gives the page the key first anyway),
      // whose reader answers Ctrl/⌘+A itself.
      {
        id: 'select-all',
        label: 'Select All',
        accelerator: 'CmdOrCtrl+A',
        registerAccelerator: false,
        click: () => send('select-all'),
      },
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(settings.isDevelopment ? [{ role: 'reload' } as const, { role: 'forceReload' } as const] : []),
      ...(settings.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    submenu: [
      {
        id: 'show-library-folder',
        label: 'Show Library Folder',
        click: () => {
          void shell.openPath(settings.libraryDir)
        },
      },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'about' } as const]),
    ],
  }
  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, edit, view, { role: 'windowMenu' }, help]
}
