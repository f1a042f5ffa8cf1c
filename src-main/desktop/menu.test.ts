import { describe, it, expect, beforeEach, vi } from 'vitest'
import { BrowserWindow as ElectronWindow } from 'electron'
import { IPC_CHANNELS, MENU_COMMANDS } from '../api/bridge'
import { installApplicationMenu, type MenuSettings } from './menu'
import { OwnWindows } from './own-windows'
import {
  BrowserWindow,
  electronStandIn,
  Menu,
  type MenuItem,
  resetElectronStandIn,
  standInOf,
} from './testing/electron-stand-in'

vi.mock('electron', () => import('./testing/electron-stand-in'))

const linux: MenuSettings = {
  platform: 'linux',
  isPackaged: false,
  isDevelopment: false,
  libraryDir: '/tmp/library',
}
let windows: OwnWindows
const importFiles = vi.fn()

beforeEach(() => {
  resetElectronStandIn()
  windows = new OwnWindows()
  importFiles.mockReset()
})

function ownWindow(): BrowserWindow {
  const window = new ElectronWindow({ show: false })
  windows.add(window)
  return standInOf(window)
}

function menu(): Menu {
  const installed = Menu.getApplicationMenu()
  if (!installed) throw new Error('no application menu was installed')
  return installed
}

function topLevel(label: string): MenuItem {
  const found = menu().items.find((item) => item.label === label)
  if (!found?.submenu) throw new Error(`no ${label} menu`)
  return found
}

const menuMessages = (window: BrowserWindow) =>
  window.webContents.sentMessages
    .filter((message) => message.channel === IPC_CHANNELS.menu)
    .map((message) => message.args)

describe('File menu', () => {
  it('offers the import, note and export commands with their shortcuts, and Quit', () => {
    installApplicationMenu(windows, linux, importFiles)
    const file = topLevel('File').submenu!.items.filter((item) => item.type !== 'separator')
    expect(file.map((item) => [item.label, item.accelerator ?? item.role])).toEqual([
      ['Import Files…', 'CmdOrCtrl+Shift+O'],
      ['Import the Sample Article', undefined],
      ['New Note', 'CmdOrCtrl+N'],
      ['Export Note as Markdown…', 'CmdOrCtrl+Shift+S'],
      ['Verify Quotes in Exported Markdown…', undefined],
      ['Export Library as Vault…', undefined],
      ['quit', 'quit'],
    ])
  })

  it('clicking Import Files… runs the native import for the focused window only', () => {
    installApplicationMenu(windows, linux, importFiles)
    ownWindow()
    const focused = ownWindow()
    focused.focus()
    topLevel('File').submenu!.getMenuItemById('import-files')!.click()
    expect(importFiles).toHaveBeenCalledTimes(1)
    expect(importFiles.mock.calls[0]![0]).toBe(focused)
  })

  it.each(MENU_COMMANDS.filter((command) => command !== 'import-files'))(
    'the %s item sends its command',
    (command) => {
      installApplicationMenu(windows, linux, importFiles)
      const window = ownWindow()
      window.focus()
      menu().getMenuItemById(command)!.click()
      expect(menuMessages(window)).toEqual([[command]])
    },
  )

  it('goes to our newest window when the focused window is not ours, and to no stranger', () => {
    installApplicationMenu(windows, linux, importFiles)
    const ours = ownWindow()
    const stranger = new BrowserWindow()
    stranger.focus()
    menu().getMenuItemById('new-note')!.click()
    expect(menuMessages(ours)).toEqual([['new-note']])
    expect(menuMessages(stranger)).toEqual([])
  })

  it('does nothing when no window is open', () => {
    installApplicationMenu(windows, linux, importFiles)
    expect(() => menu().getMenuItemById('new-note')!.click()).not.toThrow()
  })

  it('on macOS closes the window from File and quits from the app menu', () => {
    installApplicationMenu(windows, { ...linux, platform: 'darwin' }, importFiles)
    expect(menu().items[0]!.role).toBe('appMenu')
    expect(topLevel('File').submenu!.items.at(-1)!.role).toBe('close')
  })
})

describe('Edit, View, Window and Help', () => {
  it('Edit has the standard roles, undo and redo included, and a Select All of its own', () => {
    installApplicationMenu(windows, linux, importFiles)
    const roles = topLevel('Edit')
      .submenu!.items.map((item) => item.role)
      .filter(Boolean)
    expect(roles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete'])
  })

  it.each(['linux', 'win32', 'darwin'] as const)(
    'on %s Select All leaves Ctrl/⌘+A to the page and asks the window, never selecting the whole window',
    (platform) => {
      installApplicationMenu(windows, { ...linux, platform }, importFiles)
      const selectAll = topLevel('Edit').submenu!.getMenuItemById('select-all')!
      // Not the selectAll role, whose webContents.selectAll() takes in the sidebar and the note too.
      expect(selectAll.role).toBeUndefined()
      expect(selectAll.label).toBe('Select All')
      // Shown with its key, but the key is not taken before the page: the reader's own Ctrl/⌘+A
      // (use-caret-browsing.ts) selects the article's text only.
      expect(selectAll.accelerator).toBe('CmdOrCtrl+A')
      expect(selectAll.registerAccelerator).toBe(false)
      const window = ownWindow()
      window.focus()
      selectAll.click()
      expect(menuMessages(window)).toEqual([['select-all']])
    },
  )

  it.each([
    [
      'developing against the dev server',
      { isPackaged: false, isDevelopment: true },
      ['reload', 'forceReload', 'toggleDevTools'],
    ],
    [
      'running the built app from the project',
      { isPackaged: false, isDevelopment: false },
      ['toggleDevTools'],
    ],
    ['packaged', { isPackaged: true, isDevelopment: false }, []],
  ])('View offers reload and developer tools only as fits: %s', (_why, flags, expected) => {
    installApplicationMenu(windows, { ...linux, ...flags }, importFiles)
    const roles = topLevel('View').submenu!.items.map((item) => item.role)
    expect(roles.filter((role) => ['reload', 'forceReload', 'toggleDevTools'].includes(role ?? ''))).toEqual(
      expected,
    )
  })

  it('has a Window menu and a Help menu that shows the library folder', async () => {
    installApplicationMenu(windows, linux, importFiles)
    expect(menu().items.some((item) => item.role === 'windowMenu')).toBe(true)
    menu().getMenuItemById('show-library-folder')!.click()
    expect(electronStandIn.openedPaths).toEqual(['/tmp/library'])
  })
})
