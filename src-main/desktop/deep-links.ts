import { resolve } from 'node:path'
import { app, ipcMain } from 'electron'
import { IPC_CHANNELS } from '../api/bridge'
import { DEEP_LINK_SCHEME, deepLinkInArgv, parseDeepLinkUrl, type DeepLink } from '../core/deep-links'
import { isFromOwnPage } from '../ipc'
import type { OwnWindows } from './own-windows'
import type { RendererLocation } from './renderer-location'

/** How the app was started, as far as registering the `commonplace://` scheme needs it. */
export interface ProtocolClientSettings {
  isPackaged: boolean
  argv: readonly string[]
  /** process.execPath: the Electron binary. */
  execPath: string
}

/**
 * Makes the operating system open `commonplace://` URLs with this app. In development Electron runs
 * as `electron <app folder>`, so the OS must be told to pass the folder too, or it would start a bare Electron.
 */
export function registerProtocolClient(settings: ProtocolClientSettings): boolean {
  if (settings.isPackaged) return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)
  const appFolder = settings.argv[1]
  if (!appFolder) return false
  return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, settings.execPath, [resolve(appFolder)])
}

/**
 * Receives `commonplace://` links — from 'open-url' on macOS, from a second launch's arguments on
 * Windows and Linux, from this launch's own arguments — and keeps the newest one until a window
 * takes it. Taking (rather than pushing) means a link that arrives before the page listens is not lost.
 */
export class DeepLinkInbox {
  private waiting: DeepLink | null = null

  constructor(
    private readonly windows: OwnWindows,
    /** Called when a link arrives and no window is open (macOS keeps running without one). */
    private readonly openWindow: () => void,
  ) {}

  /** Starts listening to the operating system; call before the app is ready (macOS sends 'open-url' early). */
  listen(argv: readonly string[]): void {
    this.waiting = deepLinkInArgv(argv)
    app.on('open-url', (event: { preventDefault(): void }, url: string) => {
      event.preventDefault()
      const link = parseDeepLinkUrl(url)
      if (link) this.receive(link)
    })
    app.on('second-instance', (_event: unknown, secondArgv: string[]) => {
      const link = deepLinkInArgv(secondArgv)
      if (link) this.receive(link)
    })
  }

  /** Lets the app's own page take the waiting link over IPC; any other sender gets null. */
  serve(renderer: RendererLocation): void {
    ipcMain.handle(IPC_CHANNELS.deepLink, (event) =>
      isFromOwnPage(event, this.windows, renderer) ? this.take() : null,
    )
  }

  /** Keeps `link` for the window and tells the window (bringing it forward) that one waits. */
  receive(link: DeepLink): void {
    this.waiting = link
    const window = this.windows.target()
    if (!window) {
      this.openWindow()
      return
    }
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
    window.webContents.send(IPC_CHANNELS.deepLinkWaiting)
  }

  /** The waiting link, handed out once. */
  take(): DeepLink | null {
    const link = this.waiting
    this.waiting = null
    return link
  }
}
