import { describe, it, expect, beforeEach, vi } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IPC_CHANNELS } from '../api/bridge'
import { serveExportFolderDialog } from './export-folder-dialog'
import { serveShowFolders } from './show-folders'
import { OwnWindows } from './own-windows'
import { PathGrants } from './path-grants'
import { PendingWork } from './pending-work'
import { RendererLocation } from './renderer-location'
import { openMainWindow } from './window'
import {
  electronStandIn,
  invokeEventFrom,
  ipcMain,
  resetElectronStandIn,
  standInOf,
  WebContents,
} from './testing/electron-stand-in'

vi.mock('electron', () => import('./testing/electron-stand-in'))

let dir: string
let windows: OwnWindows
let grants: PathGrants
const renderer = RendererLocation.builtPage('/opt/commonplace/out/renderer/index.html')

beforeEach(async () => {
  resetElectronStandIn()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  dir = await mkdtemp(join(tmpdir(), 'commonplace-show-folders-'))
  windows = new OwnWindows()
  grants = new PathGrants()
  windows.onClosed((id) => grants.forget(id))
  serveExportFolderDialog({ windows, renderer, grants, defaultPath: join(dir, 'Commonplace vault') })
  serveShowFolders({ windows, renderer, grants, libraryDir: join(dir, 'Library') })
})

async function ownWindow() {
  const window = await openMainWindow({
    preloadPath: join(dir, 'preload.cjs'),
    renderer,
    windows,
    pending: new PendingWork(),
    stateFile: join(dir, 'window-state.json'),
  })
  return standInOf(window)
}

const invoke = (contents: WebContents, channel: string, ...args: unknown[]) =>
  ipcMain.simulateInvoke(invokeEventFrom(contents), channel, ...args)

describe('showing folders in the file manager', () => {
  it('shows the export folder the user chose, named by its grant, and nothing for any other string', async () => {
    const window = await ownWindow()
    electronStandIn.openDialogAnswer = { canceled: false, filePaths: [join(dir, 'Vault')] }
    const { grant } = (await invoke(window.webContents, IPC_CHANNELS.chooseExportFolder)) as { grant: string }
    expect(await invoke(window.webContents, IPC_CHANNELS.showExportFolder, grant)).toBe(true)
    expect(electronStandIn.shownInFolder).toEqual([join(dir, 'Vault')])

    // A path, a made-up grant or no string at all shows nothing.
    for (const named of [join(dir, 'Vault'), '/etc', `grant:${'x'.repeat(24)}`, 42])
      expect(await invoke(window.webContents, IPC_CHANNELS.showExportFolder, named)).toBe(false)
    expect(electronStandIn.shownInFolder).toHaveLength(1)
  })

  it("refuses another window's grant and a page that is not ours", async () => {
    const first = await ownWindow()
    const second = await ownWindow()
    electronStandIn.openDialogAnswer = { canceled: false, filePaths: [join(dir, 'Vault')] }
    const { grant } = (await invoke(first.webContents, IPC_CHANNELS.chooseExportFolder)) as { grant: string }
    expect(await invoke(second.webContents, IPC_CHANNELS.showExportFolder, grant)).toBe(false)

    const stranger = new WebContents()
    await stranger.loadURL(renderer.url)
    expect(await invoke(stranger, IPC_CHANNELS.showExportFolder, grant)).toBe(false)
    expect(await invoke(stranger, IPC_CHANNELS.openLibraryFolder)).toBe(false)
    expect(electronStandIn.shownInFolder).toEqual([])
    expect(electronStandIn.openedPaths).toEqual([])
  })

  it('opens the library folder, and only that one', async () => {
    const window = await ownWindow()
    expect(await invoke(window.webContents, IPC_CHANNELS.openLibraryFolder, '/etc')).toBe(true)
    expect(electronStandIn.openedPaths).toEqual([join(dir, 'Library')])
  })
})
