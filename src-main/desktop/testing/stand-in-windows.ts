// The window half of the `electron` stand-in (see electron-stand-in.ts): BrowserWindow,
// webContents and frames, modelled on Electron 45's documented behaviour. Methods named
// `simulate…` are not Electron API: they play the part of the user or the page.
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  Rectangle,
  WindowOpenHandlerResponse,
} from 'electron'

/** Electron's preventable event object. */
export class StandInEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

/** An event object carrying `params`, as Electron's `Event<Params>`. */
export function preventableEvent<P extends object>(params: P): StandInEvent & P {
  return Object.assign(new StandInEvent(), params)
}

/** Messages from main to renderer (`webContents.send`), picked up by the stand-in ipcRenderer. */
export const toRenderer = new EventEmitter<{ message: [WebContents, string, unknown[]] }>()
/** Tells the stand-in app that the last window closed. */
export const windowEvents = new EventEmitter<{ 'all-closed': [] }>()

/** A frame in the main process (WebFrameMain). */
export class WebFrameMain {
  constructor(
    public url: string,
    readonly processId: number,
    readonly routingId: number,
    readonly parent: WebFrameMain | null = null,
  ) {}

  get top(): WebFrameMain {
    return this.parent ? this.parent.top : this
  }
}

let nextContentsId = 1

/** A page's contents (WebContents). */
export class WebContents extends EventEmitter {
  readonly id = nextContentsId++
  readonly mainFrame = new WebFrameMain('', 1000 + this.id, 1)
  /** Stand-in record: every `send`, oldest first. */
  readonly sentMessages: { channel: string; args: unknown[] }[] = []
  private windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null
  private destroyed = false

  async loadURL(url: string): Promise<void> {
    this.mainFrame.url = new URL(url).href
    this.emit('did-finish-load')
  }

  async loadFile(filePath: string, options: { hash?: string } = {}): Promise<void> {
    const url = pathToFileURL(filePath)
    if (options.hash) url.hash = options.hash
    await this.loadURL(url.href)
  }

  getURL(): string {
    return this.mainFrame.url
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed')
    const cloned = structuredClone(args) // IPC arguments are serialized, as in Electron
    this.sentMessages.push({ channel, args: cloned })
    toRenderer.emit('message', this, channel, cloned)
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  /** Stand-in: tears the contents down, as closing its window does. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('destroyed')
  }

  /** Stand-in: a child frame of the main frame showing `url`. */
  simulateSubframe(url: string): WebFrameMain {
    return new WebFrameMain(url, this.mainFrame.processId, this.mainFrame.routingId + 1, this.mainFrame)
  }

  /**
   * Stand-in: the page (or a click) tries to navigate `frame` to `url`. Emits what Electron
   * emits and returns whether the navigation went ahead.
   */
  simulateNavigation(url: string, frame: WebFrameMain = this.mainFrame): boolean {
    const isMainFrame = frame === this.mainFrame
    const params = { url, isSameDocument: false, isMainFrame, frame, initiator: frame }
    const frameEvent = preventableEvent({ ...params })
    this.emit('will-frame-navigate', frameEvent)
    let prevented = frameEvent.defaultPrevented
    if (isMainFrame) {
      const event = preventableEvent({ ...params })
      this.emit('will-navigate', event, url, false, true, frame.processId, frame.routingId)
      prevented ||= event.defaultPrevented
    }
    if (!prevented) frame.url = url
    return !prevented
  }

  /** Stand-in: the server redirects the main frame to `url`; returns whether it was followed. */
  simulateRedirect(url: string): boolean {
    const event = preventableEvent({ url, isSameDocument: false, isMainFrame: true, frame: this.mainFrame })
    this.emit('will-redirect', event, url, false, true, this.mainFrame.processId, this.mainFrame.routingId)
    return !event.defaultPrevented
  }

  /** Stand-in: `window.open(url)` or a target=_blank link; returns the handler's answer. */
  simulateWindowOpen(url: string): WindowOpenHandlerResponse {
    const details: HandlerDetails = {
      url,
      frameName: '',
      features: '',
      disposition: 'foreground-tab',
      referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' },
    }
    // With no handler Electron lets the window open.
    return this.windowOpenHandler ? this.windowOpenHandler(details) : { action: 'allow' }
  }
}

const openWindows: BrowserWindow[] = []
let focusedWindowId: number | null = null
let nextWindowId = 1

/** A top-level window (BrowserWindow). */
export class BrowserWindow extends EventEmitter {
  static getAllWindows(): BrowserWindow[] {
    return [...openWindows]
  }

  static getFocusedWindow(): BrowserWindow | null {
    return openWindows.find((window) => window.id === focusedWindowId) ?? null
  }

  static fromWebContents(contents: WebContents): BrowserWindow | null {
    return openWindows.find((window) => window.webContents === contents) ?? null
  }

  readonly id = nextWindowId++
  readonly webContents = new WebContents()
  private normalBounds: Rectangle
  private maximized = false
  private minimized = false
  private visible: boolean
  private destroyed = false

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super()
    const width = options.width ?? 800
    const height = options.height ?? 600
    // Electron centers a window given no position; the stand-in's screen is 1920×1080.
    this.normalBounds = {
      x: options.x ?? Math.round((1920 - width) / 2),
      y: options.y ?? Math.round((1080 - height) / 2),
      width,
      height,
    }
    this.visible = options.show ?? true
    openWindows.push(this)
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show'))
  }

  getBounds(): Rectangle {
    return this.maximized ? { x: 0, y: 0, width: 1920, height: 1080 } : { ...this.normalBounds }
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.normalBounds = { ...this.normalBounds, ...bounds }
  }

  getNormalBounds(): Rectangle {
    return { ...this.normalBounds }
  }

  maximize(): void {
    this.maximized = true
  }

  unmaximize(): void {
    this.maximized = false
  }

  isMaximized(): boolean {
    return this.maximized
  }

  minimize(): void {
    this.minimized = true
    if (focusedWindowId === this.id) focusedWindowId = null
  }

  restore(): void {
    this.minimized = false
  }

  isMinimized(): boolean {
    return this.minimized
  }

  show(): void {
    this.visible = true
    this.focus()
  }

  hide(): void {
    this.visible = false
  }

  isVisible(): boolean {
    return this.visible
  }

  focus(): void {
    focusedWindowId = this.id
    this.emit('focus')
  }

  isFocused(): boolean {
    return focusedWindowId === this.id
  }

  /** Asks to close: 'close' may be prevented; otherwise the window is destroyed. */
  close(): void {
    if (this.destroyed) return
    const event = new StandInEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    openWindows.splice(openWindows.indexOf(this), 1)
    if (focusedWindowId === this.id) focusedWindowId = null
    this.webContents.destroy()
    this.emit('closed')
    if (openWindows.length === 0) windowEvents.emit('all-closed')
  }

  isDestroyed(): boolean {
    return this.destroyed
  }
}

/** Stand-in: forgets every window without events reaching the app (between tests). */
export function forgetAllWindows(): void {
  openWindows.length = 0
  focusedWindowId = null
}
