import { describe, it, expect, beforeEach, vi } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IPC_CHANNELS } from '../api/bridge'
import { serveExportFolderDialog } from './export-folder-dialog'
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
  dir = await mkdtemp(join(tmpdir(), 'commonplace-folder-dialog-'))
  windows = new OwnWindows()
  grants = new PathGrants()
  windows.onClosed((id) => grants.forget(id))
  serveExportFolderDialog({ windows, renderer, grants, defaultPath: join(dir, 'Commonplace vault') })
})

const ask = (contents: WebContents) =>
  ipcMain.simulateInvoke(invokeEventFrom(contents), IPC_CHANNELS.chooseExportFolder)

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

describe('the vault folder dialog', () => {
  it('shows the native folder dialog and gives our window a grant for the chosen folder', async () => {
    const window = await ownWindow()
    electronStandIn.openDialogAnswer = { canceled: false, filePaths: [join(dir, 'Vault')] }
    const answer = (await ask(window.webContents)) as { grant: string; label: string }
    expect(electronStandIn.openDialogs).toEqual([
      expect.objectContaining({
        defaultPath: join(dir, 'Commonplace vault'),
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      }),
    ])
    expect(answer).toEqual({ grant: expect.stringMatching(/^grant:[\w-]{24}$/), label: join(dir, 'Vault') })
    const policy = grants.policyFor(window.webContents.id)
    expect(await policy.resolve(answer.grant, 'export-folder')).toBe(join(dir, 'Vault'))
    await expect(policy.resolve(answer.grant, 'export-file')).rejects.toThrow(/export a vault into/)
    window.close()
    await expect(policy.resolve(answer.grant, 'export-folder')).rejects.toThrow(/chosen in its own dialogs/)
  })

  it('answers null when the user cancels', async () => {
    const window = await ownWindow()
    expect(await ask(window.webContents)).toBeNull()
  })

  it('shows nothing to a sender that is not our page', async () => {
    const stranger = new WebContents()
    await stranger.loadURL(renderer.url)
    electronStandIn.openDialogAnswer = { canceled: false, filePaths: [join(dir, 'Vault')] }
    expect(await ask(stranger)).toBeNull()
    const window = await ownWindow()
    await window.webContents.loadURL('https://example.com/')
    expect(await ask(window.webContents)).toBeNull()
    expect(electronStandIn.openDialogs).toEqual([])
  })
})
