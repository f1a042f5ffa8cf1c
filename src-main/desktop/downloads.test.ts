import { describe, it, expect, beforeEach, vi } from 'vitest'
import { BrowserWindow as ElectronWindow, session as electronSession } from 'electron'
import { join } from 'node:path'
import { askWhereToSaveDownloads } from './downloads'
import { OwnWindows } from './own-windows'
import {
  DownloadItem,
  resetElectronStandIn,
  session,
  standInOf,
  WebContents,
} from './testing/electron-stand-in'

vi.mock('electron', () => import('./testing/electron-stand-in'))

let windows: OwnWindows
beforeEach(() => {
  resetElectronStandIn()
  windows = new OwnWindows()
  askWhereToSaveDownloads(electronSession.defaultSession, windows, '/home/ada/Downloads')
})

describe('exporting a note through a download', () => {
  it('asks where to save it with a Save dialog proposing the suggested .md name', () => {
    const window = new ElectronWindow()
    windows.add(window)
    const item = new DownloadItem('blob:file:///abc', 'Referendum notes.md')
    const event = session.defaultSession.simulateDownload(item, standInOf(window).webContents)
    expect(event.defaultPrevented).toBe(false)
    expect(item.getSavePath()).toBe('') // left empty, so Electron shows the dialog
    expect(item.getSaveDialogOptions()).toEqual({
      title: 'Export Note as Markdown',
      defaultPath: join('/home/ada/Downloads', 'Referendum notes.md'),
      filters: [{ name: 'Markdown', extensions: ['md'] }],
    })
  })

  it('offers a plain Save dialog for any other file', () => {
    const window = new ElectronWindow()
    windows.add(window)
    const item = new DownloadItem('blob:file:///abc', 'library.zip')
    session.defaultSession.simulateDownload(item, standInOf(window).webContents)
    expect(item.getSaveDialogOptions()).toMatchObject({
      title: 'Save',
      defaultPath: join('/home/ada/Downloads', 'library.zip'),
    })
  })

  it('cancels downloads that do not come from our windows', () => {
    const item = new DownloadItem('https://example.com/payload.exe', 'payload.exe')
    const event = session.defaultSession.simulateDownload(item, new WebContents())
    expect(event.defaultPrevented).toBe(true)
    expect(item.getSaveDialogOptions()).toEqual({})
  })

  it('saves straight into the folder the end-to-end tests name, without a dialog', () => {
    resetElectronStandIn()
    askWhereToSaveDownloads(
      electronSession.defaultSession,
      windows,
      '/home/ada/Downloads',
      '/tmp/e2e-downloads',
    )
    const window = new ElectronWindow()
    windows.add(window)
    const item = new DownloadItem('blob:file:///abc', '../Referendum notes.md')
    session.defaultSession.simulateDownload(item, standInOf(window).webContents)
    expect(item.getSavePath()).toBe(join('/tmp/e2e-downloads', 'Referendum notes.md'))
    expect(item.getSaveDialogOptions()).toEqual({})
  })
})
