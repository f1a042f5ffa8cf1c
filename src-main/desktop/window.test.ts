import { describe, it, expect, beforeEach, vi } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { openMainWindow, SECURE_WEB_PREFERENCES } from './window'
import { OwnWindows } from './own-windows'
import { PendingWork } from './pending-work'
import { RendererLocation } from './renderer-location'
import { BrowserWindow, electronStandIn, resetElectronStandIn, standInOf } from './testing/electron-stand-in'

vi.mock('electron', () => import('./testing/electron-stand-in'))

let dir: string
let windows: OwnWindows
let renderer: RendererLocation
const open = async (location = renderer) =>
  standInOf(
    await openMainWindow({
      preloadPath: join(dir, 'out', 'preload', 'index.cjs'),
      renderer: location,
      windows,
      pending: new PendingWork(),
      stateFile: join(dir, 'window-state.json'),
    }),
  )

beforeEach(async () => {
  resetElectronStandIn()
  dir = await mkdtemp(join(tmpdir(), 'commonplace-window-'))
  windows = new OwnWindows()
  renderer = RendererLocation.builtPage(join(dir, 'out', 'renderer', 'index.html'))
})

describe('every window', () => {
  it('runs the page isolated, sandboxed, without Node, with web security and our preload', async () => {
    await open()
    await open()
    expect(BrowserWindow.getAllWindows()).toHaveLength(2)
    for (const window of BrowserWindow.getAllWindows()) {
      expect(window.options.webPreferences).toEqual({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        experimentalFeatures: false,
        preload: join(dir, 'out', 'preload', 'index.cjs'),
      })
      // toEqual: no enableBlinkFeatures, no other key loosening the page.
      expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    }
    expect(SECURE_WEB_PREFERENCES.sandbox).toBe(true)
  })

  it('loads the built page, stays hidden until it has painted, and is trusted by the app', async () => {
    const window = await open()
    expect(window.webContents.getURL()).toBe('app://commonplace/index.html')
    expect(window.options.show).toBe(false)
    expect(window.isVisible()).toBe(true) // ready-to-show followed the load
    expect(windows.owns(window.webContents)).toBe(true)
    window.close()
    expect(windows.owns(window.webContents)).toBe(false)
  })
})

describe('navigation', () => {
  it('stays on the app page: in-page moves are allowed, anything else is refused', async () => {
    const contents = (await open()).webContents
    const page = 'app://commonplace/index.html'
    expect(contents.simulateNavigation(`${page}#/notes`)).toBe(true)
    expect(contents.simulateNavigation(pathToFileURL(join(dir, 'out', 'renderer', 'index.html')).href)).toBe(
      false,
    )
    expect(contents.simulateNavigation('app://commonplace/assets/other.html')).toBe(false)
    expect(contents.simulateNavigation('https://example.com/')).toBe(false)
    expect(contents.simulateNavigation(pathToFileURL('/etc/passwd').href)).toBe(false)
    expect(contents.simulateNavigation('javascript:alert(1)')).toBe(false)
    expect(contents.simulateRedirect('https://example.com/')).toBe(false)
    expect(contents.getURL()).toBe(`${page}#/notes`)
    expect(electronStandIn.openedExternally).toEqual([])
  })

  it('lets a frame inside the page show srcdoc content but never a web page', async () => {
    const contents = (await open()).webContents
    const frame = contents.simulateSubframe('about:blank')
    expect(contents.simulateNavigation('about:srcdoc', frame)).toBe(true)
    expect(contents.simulateNavigation('https://example.com/', frame)).toBe(false)
  })

  it('follows the dev server’s page while developing', async () => {
    const contents = (await open(RendererLocation.devServer('http://localhost:5173'))).webContents
    expect(contents.getURL()).toBe('http://localhost:5173/')
    expect(contents.simulateNavigation('http://localhost:5173/')).toBe(true)
    expect(contents.simulateNavigation('http://localhost:8080/')).toBe(false)
  })
})

describe('new windows', () => {
  it('are never opened; web links go to the system browser instead', async () => {
    const contents = (await open()).webContents
    expect(contents.simulateWindowOpen('https://www.apnews.com/article')).toEqual({ action: 'deny' })
    expect(contents.simulateWindowOpen('http://example.com/')).toEqual({ action: 'deny' })
    expect(contents.simulateWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(contents.simulateWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(contents.simulateWindowOpen(contents.getURL())).toEqual({ action: 'deny' })
    await Promise.resolve()
    expect(electronStandIn.openedExternally).toEqual([
      'https://www.apnews.com/article',
      'http://example.com/',
    ])
  })

  it('cannot come from a <webview> either', async () => {
    const contents = (await open()).webContents
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true
      },
    }
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.defaultPrevented).toBe(true)
  })
})
