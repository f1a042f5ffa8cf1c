import { describe, it, expect, beforeAll, beforeEach, vi } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IPC_CHANNELS, type DesktopBridge, type MenuCommand, type PathGrant } from './api/bridge'
import { registerApiHandler } from './ipc'
import { DeepLinkInbox } from './desktop/deep-links'
import type { DeepLink } from './core/deep-links'
import { openLibrary } from './core/library'
import { OwnWindows } from './desktop/own-windows'
import { openMainWindow } from './desktop/window'
import { PendingWork } from './desktop/pending-work'
import { PathGrants } from './desktop/path-grants'
import { serveExportFolderDialog } from './desktop/export-folder-dialog'
import { serveShowFolders } from './desktop/show-folders'
import { RendererLocation } from './desktop/renderer-location'
import {
  electronStandIn,
  ipcRenderer,
  resetElectronStandIn,
  standInOf,
  type BrowserWindow,
} from './desktop/testing/electron-stand-in'
import { SAMPLE_ARTICLE } from './testing/corpus'

vi.mock('electron', () => import('./desktop/testing/electron-stand-in'))

let exposed: string[]
let bridge: DesktopBridge
beforeAll(async () => {
  resetElectronStandIn()
  await import('./preload') // runs the preload, as Electron does before the page
  exposed = Object.keys(electronStandIn.mainWorld)
  bridge = electronStandIn.mainWorld.commonplace as DesktopBridge
})

let window: BrowserWindow
let inbox: DeepLinkInbox
let libraryDir: string
beforeEach(async () => {
  resetElectronStandIn()
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-preload-'))
  const renderer = RendererLocation.builtPage(join(dir, 'renderer', 'index.html'))
  const windows = new OwnWindows()
  const pending = new PendingWork()
  const library = await openLibrary(join(dir, 'library'), SAMPLE_ARTICLE)
  const grants = new PathGrants()
  registerApiHandler({ library, windows, renderer, pending, grants })
  serveExportFolderDialog({ windows, renderer, grants, defaultPath: join(dir, 'Commonplace vault') })
  libraryDir = library.store.dir
  serveShowFolders({ windows, renderer, grants, libraryDir })
  inbox = new DeepLinkInbox(windows, () => {})
  inbox.listen(['commonplace', 'commonplace://note/n-at-launch'])
  inbox.serve(renderer)
  const created = await openMainWindow({
    preloadPath: join(dir, 'preload', 'index.cjs'),
    renderer,
    windows,
    pending,
    stateFile: join(dir, 'window-state.json'),
  })
  window = standInOf(created)
  ipcRenderer.simulatePreloadIn(window.webContents)
})

describe('the preload bridge', () => {
  it('exposes only the desktop API as window.commonplace', () => {
    expect(exposed).toEqual(['commonplace'])
    expect(Object.keys(bridge).sort()).toEqual([
      'chooseExportFolder',
      'invoke',
      'onDeepLink',
      'onImportGrants',
      'onMenuCommand',
      'openLibraryFolder',
      'platform',
      'showExportFolder',
    ])
    expect(bridge.platform).toBe('desktop')
  })

  it('calls the API in the main process and returns the result', async () => {
    const outcome = await bridge.invoke('articles.importSample', {})
    expect(outcome).toMatchObject({
      ok: true,
      result: { status: 'imported', title: 'Iraq Kurdish Referendum 2017' },
    })
    const articles = await bridge.invoke('articles.list', {})
    expect(articles).toMatchObject({ ok: true, result: [{ title: 'Iraq Kurdish Referendum 2017' }] })
  })

  it('hands an error back as a plain reply, so its code survives the context bridge', async () => {
    const failure = await bridge.invoke('articles.get', { id: 'a-missing' })
    expect(failure).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('missing') },
    })
  })

  it('delivers the grants for the files picked in File ▸ Import until unsubscribed', () => {
    const received: PathGrant[][] = []
    const one = { grant: `grant:${'a'.repeat(24)}`, label: 'one.pdf' }
    const unsubscribe = bridge.onImportGrants((grants) => received.push(grants))
    window.webContents.send(IPC_CHANNELS.importGrants, [one])
    unsubscribe()
    window.webContents.send(IPC_CHANNELS.importGrants, [{ ...one, label: 'three.txt' }])
    expect(received).toEqual([[one]])
  })

  it('asks the main process for a vault folder and gets a grant for it, never a path to use', async () => {
    electronStandIn.openDialogAnswer = { canceled: false, filePaths: ['/home/a/Vault'] }
    expect(await bridge.chooseExportFolder()).toEqual({
      grant: expect.stringMatching(/^grant:[\w-]{24}$/),
      label: '/home/a/Vault',
    })
    electronStandIn.openDialogAnswer = { canceled: true, filePaths: [] }
    expect(await bridge.chooseExportFolder()).toBeNull()
  })

  it('shows a chosen vault folder by its grant and opens the library folder, never a path it is given', async () => {
    electronStandIn.openDialogAnswer = { canceled: false, filePaths: ['/home/a/Vault'] }
    const chosen = await bridge.chooseExportFolder()
    expect(await bridge.showExportFolder(chosen!.grant)).toBe(true)
    expect(await bridge.showExportFolder('/home/a/Vault')).toBe(false)
    expect(electronStandIn.shownInFolder).toEqual(['/home/a/Vault'])
    expect(await bridge.openLibraryFolder()).toBe(true)
    expect(electronStandIn.openedPaths).toEqual([libraryDir])
  })

  it('delivers menu commands until unsubscribed', () => {
    const received: MenuCommand[] = []
    const unsubscribe = bridge.onMenuCommand((command) => received.push(command))
    window.webContents.send(IPC_CHANNELS.menu, 'new-note')
    window.webContents.send(IPC_CHANNELS.menu, 'export-note')
    unsubscribe()
    window.webContents.send(IPC_CHANNELS.menu, 'import-files')
    expect(received).toEqual(['new-note', 'export-note'])
    expect(ipcRenderer.listenerCount(IPC_CHANNELS.menu)).toBe(0)
  })

  it('hands over the link the app was launched with, then each new one, until unsubscribed', async () => {
    const received: DeepLink[] = []
    const unsubscribe = bridge.onDeepLink((link) => received.push(link))
    await vi.waitFor(() => expect(received).toEqual([{ kind: 'note', id: 'n-at-launch' }]))
    inbox.receive({ kind: 'excerpt', id: 'ex-7' })
    await vi.waitFor(() => expect(received).toHaveLength(2))
    expect(received[1]).toEqual({ kind: 'excerpt', id: 'ex-7' })
    unsubscribe()
    expect(ipcRenderer.listenerCount(IPC_CHANNELS.deepLinkWaiting)).toBe(0)
  })
})
