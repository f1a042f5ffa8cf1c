import { BrowserWindow, type WebContents } from 'electron'

/** The windows this app created. IPC, downloads, the menu and a second launch trust only these. */
export class OwnWindows {
  // Keyed by webContents id, captured when added: a closed window's webContents can no longer be read.
  private readonly byContentsId = new Map<number, BrowserWindow>()
  private readonly closeListeners: ((contentsId: number) => void)[] = []

  /** Starts trusting `window` until it closes. */
  add(window: BrowserWindow): void {
    const id = window.webContents.id
    this.byContentsId.set(id, window)
    window.once('closed', () => {
      this.byContentsId.delete(id)
      for (const listener of this.closeListeners) listener(id)
    })
  }

  /** Calls `listener` with the webContents id of each of our windows that closes (to drop what it held). */
  onClosed(listener: (contentsId: number) => void): void {
    this.closeListeners.push(listener)
  }

  /** True when `contents` belongs to a window this app created and has not closed. */
  owns(contents: Pick<WebContents, 'id'>): boolean {
    return this.byContentsId.has(contents.id)
  }

  /** The window a menu command is meant for: the focused one if it is ours, else the newest. */
  target(): BrowserWindow | undefined {
    const focused = BrowserWindow.getFocusedWindow()
    if (focused && !focused.isDestroyed() && this.owns(focused.webContents)) return focused
    return [...this.byContentsId.values()].at(-1)
  }

  /** The oldest open window. */
  first(): BrowserWindow | undefined {
    return this.byContentsId.values().next().value
  }

  get count(): number {
    return this.byContentsId.size
  }
}
