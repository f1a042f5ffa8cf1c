import { describe, it, expect, beforeEach, vi } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IPC_CHANNELS } from './api/bridge'
import { registerApiHandler } from './ipc'
import { openLibrary, type Library } from './core/library'
import { OwnWindows } from './desktop/own-windows'
import { openMainWindow } from './desktop/window'
import { PendingWork } from './desktop/pending-work'
import { RendererLocation } from './desktop/renderer-location'
import {
  invokeEventFrom,
  ipcMain,
  resetElectronStandIn,
  standInOf,
  WebContents,
  type BrowserWindow,
} from './desktop/testing/electron-stand-in'
import { SAMPLE_ARTICLE } from './testing/corpus'

vi.mock('electron', () => import('./desktop/testing/electron-stand-in'))

let dir: string
let library: Library
let windows: OwnWindows
let pending: PendingWork
const renderer = RendererLocation.builtPage('/opt/commonplace/out/renderer/index.html')

let warnings: string[]
beforeEach(async () => {
  resetElectronStandIn()
  warnings = []
  vi.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(message))
  dir = await mkdtemp(join(tmpdir(), 'commonplace-ipc-'))
  library = await openLibrary(join(dir, 'library'), SAMPLE_ARTICLE)
  windows = new OwnWindows()
  pending = new PendingWork()
  registerApiHandler({ library, windows, renderer, pending })
})

/** A window the app created, showing the app's page. */
async function ownWindow(): Promise<BrowserWindow> {
  const window = await openMainWindow({
    preloadPath: join(dir, 'preload', 'index.cjs'),
    renderer,
    windows,
    pending,
    stateFile: join(dir, 'window-state.json'),
  })
  return standInOf(window)
}

const call = (contents: WebContents, name: unknown, input: unknown, frame = contents.mainFrame) =>
  ipcMain.simulateInvoke(invokeEventFrom(contents, frame), IPC_CHANNELS.call, name, input)

const refused = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: expect.stringContaining('own windows') },
}

describe('the IPC transport', () => {
  it('registers exactly one handler, on the call channel', () => {
    expect(() => registerApiHandler({ library, windows, renderer, pending })).toThrow(/second handler/)
  })

  it('answers our window from a real library: import the sample, then list articles', async () => {
    const window = await ownWindow()
    const imported = await call(window.webContents, 'articles.importSample', {})
    expect(imported).toMatchObject({
      ok: true,
      result: { status: 'imported', title: 'Iraq Kurdish Referendum 2017' },
    })
    const listed = await call(window.webContents, 'articles.list', {})
    expect(listed).toMatchObject({ ok: true, result: [{ title: 'Iraq Kurdish Referendum 2017' }] })
    expect(pending.size).toBe(0)
  })

  it('passes the contract’s own errors through as replies', async () => {
    const window = await ownWindow()
    expect(await call(window.webContents, 'articles.get', { id: 'a-missing' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await call(window.webContents, 'articles.get', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await call(window.webContents, 'library.wipe', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    })
  })

  it.each([[42], [null], [{ name: 'articles.list' }], [['articles.list']]])(
    'refuses a method name that is not a string (%j)',
    async (name) => {
      const window = await ownWindow()
      expect(await call(window.webContents, name, {})).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'The API method name must be a string' },
      })
    },
  )
})

describe('the sender check', () => {
  it('refuses a webContents the app did not create, even one showing our page', async () => {
    const stranger = new WebContents()
    await stranger.loadURL(renderer.url)
    expect(await call(stranger, 'articles.list', {})).toEqual(refused)
    expect(warnings).toEqual([`Commonplace refused an API call from ${renderer.url}`])
  })

  it('refuses our window once it has navigated away from our page', async () => {
    const window = await ownWindow()
    await window.webContents.loadURL('https://example.com/')
    expect(await call(window.webContents, 'articles.list', {})).toEqual(refused)
  })

  it('refuses a frame inside our window', async () => {
    const window = await ownWindow()
    const frame = window.webContents.simulateSubframe(renderer.url)
    expect(await call(window.webContents, 'articles.list', {}, frame)).toEqual(refused)
  })

  it('refuses a call whose frame is already gone', async () => {
    const window = await ownWindow()
    expect(
      await ipcMain.simulateInvoke(
        invokeEventFrom(window.webContents, null),
        IPC_CHANNELS.call,
        'articles.list',
        {},
      ),
    ).toEqual(refused)
  })

  it('refuses a window after it closed', async () => {
    const window = await ownWindow()
    window.close()
    expect(await call(window.webContents, 'articles.list', {})).toEqual(refused)
  })

  it('refused calls never reach the library', async () => {
    const stranger = new WebContents()
    await stranger.loadURL(renderer.url)
    await call(stranger, 'articles.importSample', {})
    const window = await ownWindow()
    expect(await call(window.webContents, 'articles.list', {})).toEqual({ ok: true, result: [] })
  })
})
