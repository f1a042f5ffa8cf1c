import { describe, it, expect, beforeEach, vi } from 'vitest'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IPC_CHANNELS } from './api/bridge'
import { registerApiHandler } from './ipc'
import { openLibrary, type Library } from './core/library'
import { OwnWindows } from './desktop/own-windows'
import { openMainWindow } from './desktop/window'
import { PendingWork } from './desktop/pending-work'
import { PathGrants } from './desktop/path-grants'
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
let grants: PathGrants
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
  grants = new PathGrants()
  registerApiHandler({ library, windows, renderer, pending, grants })
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
    expect(() => registerApiHandler({ library, windows, renderer, pending, grants })).toThrow(
      /second handler/,
    )
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

// Defect (issue 10): any script in the window could read any importable file and write any path, e.g.
// overwrite ~/.bashrc with export.noteToFile. A window may now name only what its user chose in a dialog.
describe('paths a window may name', () => {
  async function fakeHome() {
    const home = join(dir, 'home')
    await mkdir(home, { recursive: true })
    await writeFile(join(home, '.bashrc'), 'echo original\n')
    return home
  }

  it('refuses every free path, reads nothing and writes nothing', async () => {
    const home = await fakeHome()
    const window = await ownWindow()
    const note = (await call(window.webContents, 'notes.create', { title: 'Payload' })) as {
      result: { id: string }
    }
    const sample = (await call(window.webContents, 'articles.importSample', {})) as {
      result: { articleId: string }
    }
    const calls: [string, unknown][] = [
      ['articles.importPaths', { paths: [SAMPLE_ARTICLE] }],
      ['articles.importablePaths', { paths: [dir] }],
      ['articles.update', { id: sample.result.articleId, path: SAMPLE_ARTICLE }],
      ['export.noteToFile', { id: note.result.id, path: join(home, '.bashrc') }],
      ['export.noteToFile', { id: note.result.id, path: join(home, 'note.md') }],
      ['export.vault', { outDir: home }],
      ['export.vault', { outDir: `grant:${'x'.repeat(24)}` }],
    ]
    for (const [name, input] of calls) {
      expect(await call(window.webContents, name, input), name).toMatchObject({
        ok: false,
        error: { code: 'PATH_REFUSED', message: expect.stringContaining('chosen in its own dialogs') },
      })
    }
    expect(await readFile(join(home, '.bashrc'), 'utf8')).toBe('echo original\n')
    expect(await readdir(home)).toEqual(['.bashrc'])
    expect(library.store.data.articles).toHaveLength(1)
  })

  it('takes a grant its dialog issued to this window, for the use it was issued for', async () => {
    const home = await fakeHome()
    const window = await ownWindow()
    const other = await ownWindow()
    const file = grants.issue(window.webContents.id, SAMPLE_ARTICLE, 'import')
    const folder = grants.issue(window.webContents.id, join(home, 'Vault'), 'export-folder')

    expect(await call(other.webContents, 'articles.importPaths', { paths: [file] })).toMatchObject({
      ok: false,
      error: { code: 'PATH_REFUSED' },
    })
    expect(await call(window.webContents, 'export.vault', { outDir: file })).toMatchObject({
      ok: false,
      error: { code: 'PATH_REFUSED', message: expect.stringContaining('chosen to import') },
    })
    expect(await call(window.webContents, 'articles.importPaths', { paths: [file] })).toMatchObject({
      ok: true,
      result: [{ status: 'imported' }],
    })
    await call(window.webContents, 'notes.create', { title: 'Into the vault' })
    expect(await call(window.webContents, 'export.vault', { outDir: folder })).toMatchObject({
      ok: true,
      result: { outDir: join(home, 'Vault'), created: expect.arrayContaining(['notes/Into the vault.md']) },
    })
  })

  it('names the files of a chosen folder back as grants the window can import', async () => {
    const folder = join(dir, 'reading')
    await mkdir(join(folder, 'deep'), { recursive: true })
    await writeFile(join(folder, 'one.txt'), 'The first article, long enough to import.')
    await writeFile(join(folder, 'deep', 'two.md'), '# Two\n\nThe second article.')
    await writeFile(join(folder, 'table.csv'), 'a,b')
    const window = await ownWindow()
    const granted = grants.issue(window.webContents.id, folder, 'import')
    const found = (await call(window.webContents, 'articles.importablePaths', { paths: [granted] })) as {
      result: string[]
    }
    expect(found.result).toHaveLength(2)
    for (const grant of found.result) expect(grant).toMatch(/^grant:[\w-]{24}$/)
    const imported = await call(window.webContents, 'articles.importPaths', { paths: found.result })
    expect(imported).toMatchObject({ ok: true, result: [{ status: 'imported' }, { status: 'imported' }] })
  })
})
