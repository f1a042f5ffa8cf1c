import { describe, it, expect, beforeEach, vi } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { IPC_CHANNELS } from '../api/bridge'
import { DeepLinkInbox, registerProtocolClient } from './deep-links'
import { OwnWindows } from './own-windows'
import { openMainWindow } from './window'
import { PendingWork } from './pending-work'
import { RendererLocation } from './renderer-location'
import {
  app,
  invokeEventFrom,
  ipcMain,
  resetElectronStandIn,
  standInOf,
  WebContents,
  type BrowserWindow,
} from './testing/electron-stand-in'

vi.mock('electron', () => import('./testing/electron-stand-in'))

let dir: string
let windows: OwnWindows
let opened: number
let inbox: DeepLinkInbox
const renderer = RendererLocation.builtPage('/opt/commonplace/out/renderer/index.html')

beforeEach(async () => {
  resetElectronStandIn()
  app.protocolClients.length = 0
  dir = await mkdtemp(join(tmpdir(), 'commonplace-deep-links-'))
  windows = new OwnWindows()
  opened = 0
  inbox = new DeepLinkInbox(windows, () => void opened++)
})

async function ownWindow(): Promise<BrowserWindow> {
  const window = await openMainWindow({
    preloadPath: join(dir, 'preload', 'index.cjs'),
    renderer,
    windows,
    pending: new PendingWork(),
    stateFile: join(dir, 'window-state.json'),
  })
  return standInOf(window)
}

const take = (contents: WebContents) =>
  ipcMain.simulateInvoke(invokeEventFrom(contents), IPC_CHANNELS.deepLink)
const waitingNotices = (window: BrowserWindow) =>
  window.webContents.sentMessages.filter((message) => message.channel === IPC_CHANNELS.deepLinkWaiting).length

describe('registering the commonplace:// scheme', () => {
  it('registers the packaged app by itself', () => {
    expect(
      registerProtocolClient({ isPackaged: true, argv: ['/opt/Commonplace'], execPath: '/opt/Commonplace' }),
    ).toBe(true)
    expect(app.protocolClients).toEqual([{ protocol: 'commonplace' }])
  })

  it('registers Electron with the app folder in development', () => {
    registerProtocolClient({
      isPackaged: false,
      argv: ['/usr/bin/electron', '.'],
      execPath: '/usr/bin/electron',
    })
    expect(app.protocolClients).toEqual([
      { protocol: 'commonplace', path: '/usr/bin/electron', args: [resolve('.')] },
    ])
  })
})

describe('deep links from the operating system', () => {
  it('macOS: open-url is taken over by the app and the window can take the link once', async () => {
    inbox.listen(['/Applications/Commonplace.app/Contents/MacOS/Commonplace'])
    inbox.serve(renderer)
    const window = await ownWindow()
    window.minimize()
    let prevented = false
    app.emit('open-url', { preventDefault: () => (prevented = true) }, 'commonplace://note/n-abc')
    expect(prevented).toBe(true)
    expect(window.isMinimized()).toBe(false)
    expect(waitingNotices(window)).toBe(1)
    expect(await take(window.webContents)).toEqual({ kind: 'note', id: 'n-abc' })
    expect(await take(window.webContents)).toBeNull()
  })

  it('Windows and Linux: the link in a second launch’s arguments reaches the running window', async () => {
    inbox.listen(['commonplace'])
    inbox.serve(renderer)
    const window = await ownWindow()
    app.emit('second-instance', {}, ['commonplace', '--flag', 'commonplace://excerpt/ex-9'], '/home/ada', {})
    expect(waitingNotices(window)).toBe(1)
    expect(await take(window.webContents)).toEqual({ kind: 'excerpt', id: 'ex-9' })
  })

  it('a link the app was launched with waits until the page takes it', async () => {
    inbox.listen(['commonplace', 'commonplace://note/n-first'])
    inbox.serve(renderer)
    const window = await ownWindow()
    expect(await take(window.webContents)).toEqual({ kind: 'note', id: 'n-first' })
  })

  it('a link with no window open opens one, and the link waits for it', async () => {
    inbox.listen(['commonplace'])
    inbox.serve(renderer)
    app.emit('open-url', { preventDefault: () => {} }, 'commonplace://note/n-later')
    expect(opened).toBe(1)
    const window = await ownWindow()
    expect(await take(window.webContents)).toEqual({ kind: 'note', id: 'n-later' })
  })

  it('ignores URLs that name nothing, and other arguments', async () => {
    inbox.listen(['commonplace'])
    inbox.serve(renderer)
    const window = await ownWindow()
    app.emit('open-url', { preventDefault: () => {} }, 'commonplace://article/../../etc')
    app.emit('second-instance', {}, ['commonplace', '--library', '/tmp/x'], '/home/ada', {})
    expect(waitingNotices(window)).toBe(0)
    expect(await take(window.webContents)).toBeNull()
  })

  it('hands the link to no one but our own page', async () => {
    inbox.listen(['commonplace', 'commonplace://note/n-secret'])
    inbox.serve(renderer)
    expect(await take(new WebContents())).toBeNull()
    const window = await ownWindow()
    expect(await take(window.webContents)).toEqual({ kind: 'note', id: 'n-secret' })
  })
})
