import { BrowserWindow, screen, type WebPreferences } from 'electron'
import { keepOnRendererPage } from './navigation'
import type { OwnWindows } from './own-windows'
import type { PendingWork } from './pending-work'
import type { RendererLocation } from './renderer-location'
import { MIN_WINDOW_SIZE, placementFor, readWindowState, rememberWindowState } from './window-state'

/**
 * The settings every Commonplace window runs with: the page gets no Node, runs in Chromium's
 * sandbox, and sees the preload's bridge only through context isolation.
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  // Chromium's experimental web platform features stay off, and no Blink feature is turned on.
  experimentalFeatures: false,
} as const satisfies WebPreferences

/** What opening a window needs. */
export interface MainWindowSettings {
  /** The built preload (out/preload/index.cjs). */
  preloadPath: string
  renderer: RendererLocation
  windows: OwnWindows
  pending: PendingWork
  /** userData/window-state.json */
  stateFile: string
}

/**
 * Opens a Commonplace window where the last one was, locked to the app's page, and loads the
 * page. The window shows once the page has painted, so it never flashes empty.
 */
export async function openMainWindow(settings: MainWindowSettings): Promise<BrowserWindow> {
  const { preloadPath, renderer, windows, pending, stateFile } = settings
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const placement = placementFor(await readWindowState(stateFile), workAreas)
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Commonplace',
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  })
  windows.add(window)
  keepOnRendererPage(window.webContents, renderer)
  rememberWindowState(window, stateFile, pending)
  if (placement.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.webContents.loadURL(renderer.url).catch((error: unknown) => {
    console.error(`Commonplace could not load its page ${renderer.url}: ${(error as Error).message}`)
    window.show()
  })
  return window
}
