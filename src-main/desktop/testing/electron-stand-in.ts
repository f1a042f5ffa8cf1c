// A small stand-in for the `electron` module, for unit tests of the desktop shell where the
// Electron binary cannot run. Wire it with
//   vi.mock('electron', () => import('./testing/electron-stand-in'))
// It models only what the shell uses, as Electron 45 documents it; it replaces Electron, never
// our code. Methods named `simulate…` and `electronStandIn` are not Electron API: they play the
// user, the page or the operating system.
import { EventEmitter } from 'node:events'
import type { Display, Rectangle } from 'electron'
import { Menu, MenuItem } from './stand-in-menu'
import { DownloadItem, Session } from './stand-in-session'
import { Protocol } from './stand-in-protocol'
import { App } from './stand-in-app'
import { SafeStorage } from './stand-in-safe-storage'
import { BrowserWindow, forgetAllWindows, toRenderer, WebContents, WebFrameMain } from './stand-in-windows'

export { BrowserWindow, DownloadItem, Menu, MenuItem, WebContents, WebFrameMain }

/** What tests set and read about the world outside the app. */
export const electronStandIn = {
  /** Displays `screen` reports. */
  displays: [display(1, { x: 0, y: 0, width: 1920, height: 1080 })],
  /** Whether another instance already holds the single-instance lock. */
  anotherInstanceRunning: false,
  /** dialog.showErrorBox calls. */
  errorBoxes: [] as { title: string; content: string }[],
  /** What the next dialog.showOpenDialog answers (the user's choice), and the options it was shown with. */
  openDialogAnswer: { canceled: true, filePaths: [] as string[] },
  openDialogs: [] as unknown[],
  /** shell.openExternal and shell.openPath calls. */
  openedExternally: [] as string[],
  openedPaths: [] as string[],
  /** shell.showItemInFolder calls. */
  shownInFolder: [] as string[],
  /** What preloads exposed with contextBridge.exposeInMainWorld. */
  mainWorld: {} as Record<string, unknown>,
}

/** A display with its work area a menu bar's height shorter than its bounds. */
export function display(
  id: number,
  bounds: Rectangle,
): Pick<Display, 'id' | 'bounds' | 'workArea' | 'scaleFactor'> {
  return { id, bounds, workArea: { ...bounds, y: bounds.y + 25, height: bounds.height - 25 }, scaleFactor: 1 }
}

type InvokeListener = (event: StandInInvokeEvent, ...args: unknown[]) => unknown

/** What ipcMain.handle listeners receive (IpcMainInvokeEvent). */
export interface StandInInvokeEvent {
  sender: WebContents
  senderFrame: WebFrameMain | null
  processId: number
  frameId: number
  type: 'frame'
}

/** The event Electron builds for a message from `frame` of `sender`. */
export function invokeEventFrom(
  sender: WebContents,
  frame: WebFrameMain | null = sender.mainFrame,
): StandInInvokeEvent {
  return {
    sender,
    senderFrame: frame,
    processId: frame?.processId ?? 0,
    frameId: frame?.routingId ?? 0,
    type: 'frame',
  }
}

class IpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeListener>()

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /** Stand-in: what arrives when a renderer calls ipcRenderer.invoke(channel, ...args). */
  async simulateInvoke(event: StandInInvokeEvent, channel: string, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel)
    if (!listener)
      throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`)
    try {
      return structuredClone(await listener(event, ...structuredClone(args)))
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error })
    }
  }

  reset(): void {
    this.removeAllListeners()
    this.handlers.clear()
  }
}

class IpcRenderer extends EventEmitter {
  private page: { contents: WebContents; frame: WebFrameMain } | null = null

  constructor() {
    super()
    toRenderer.on('message', (contents, channel, args) => {
      if (contents === this.page?.contents) this.emit(channel, { sender: this, ports: [] }, ...args)
    })
  }

  /** Stand-in: makes this the ipcRenderer of the preload running in `frame` of `contents`. */
  simulatePreloadIn(contents: WebContents, frame: WebFrameMain = contents.mainFrame): void {
    this.page = { contents, frame }
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    if (!this.page) throw new Error('The stand-in ipcRenderer runs in no page; call simulatePreloadIn first')
    return ipcMain.simulateInvoke(invokeEventFrom(this.page.contents, this.page.frame), channel, ...args)
  }

  reset(): void {
    this.removeAllListeners()
    this.page = null
  }
}

export const app = new App(() => electronStandIn.anotherInstanceRunning)
export const ipcMain = new IpcMain()
export const ipcRenderer = new IpcRenderer()
export const session = { defaultSession: new Session() }
export const protocol = new Protocol(() => app.isReady())
export const safeStorage = new SafeStorage()

export const contextBridge = {
  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (apiKey in electronStandIn.mainWorld) {
      throw new Error('Cannot bind an API on top of an existing property on the window object')
    }
    electronStandIn.mainWorld[apiKey] = api
  },
}

export const dialog = {
  showErrorBox(title: string, content: string): void {
    electronStandIn.errorBoxes.push({ title, content })
  },
  async showOpenDialog(
    _window: unknown,
    options: unknown,
  ): Promise<{ canceled: boolean; filePaths: string[] }> {
    electronStandIn.openDialogs.push(options)
    return electronStandIn.openDialogAnswer
  },
}

export const shell = {
  async openExternal(url: string): Promise<void> {
    electronStandIn.openedExternally.push(url)
  },
  async openPath(path: string): Promise<string> {
    electronStandIn.openedPaths.push(path)
    return ''
  },
  showItemInFolder(path: string): void {
    electronStandIn.shownInFolder.push(path)
  },
}

export const screen = {
  getAllDisplays: () => electronStandIn.displays,
  getPrimaryDisplay: () => electronStandIn.displays[0],
}

/** Stand-in: a fresh Electron for the next test. */
export function resetElectronStandIn(): void {
  forgetAllWindows()
  app.reset()
  ipcMain.reset()
  ipcRenderer.reset()
  session.defaultSession.reset()
  protocol.reset()
  safeStorage.reset()
  Menu.setApplicationMenu(null)
  Object.assign(electronStandIn, {
    displays: [display(1, { x: 0, y: 0, width: 1920, height: 1080 })],
    anotherInstanceRunning: false,
    errorBoxes: [],
    openDialogAnswer: { canceled: true, filePaths: [] },
    openDialogs: [],
    openedExternally: [],
    openedPaths: [],
    shownInFolder: [],
    mainWorld: {},
  })
}

/** Stand-in: the stand-in window behind a window our code created (found by id). */
export function standInOf(window: { id: number }): BrowserWindow {
  const found = BrowserWindow.getAllWindows().find((candidate) => candidate.id === window.id)
  if (!found) throw new Error(`No open window with id ${window.id}`)
  return found
}
