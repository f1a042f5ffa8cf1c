import { describe, it, expect, beforeEach, vi } from 'vitest'
import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { IPC_CHANNELS } from '../api/bridge'
import { launchDesktopApp, type LaunchSettings } from './launch'
import { SAMPLE_ARTICLE_NAME } from './library-location'
import {
  app,
  BrowserWindow,
  electronStandIn,
  invokeEventFrom,
  ipcMain,
  Menu,
  protocol,
  resetElectronStandIn,
  session,
} from './testing/electron-stand-in'

vi.mock('electron', () => import('./testing/electron-stand-in'))

const projectRoot = resolve(import.meta.dirname, '../..')
let home: string
let settings: LaunchSettings

beforeEach(async () => {
  resetElectronStandIn()
  vi.spyOn(console, 'error').mockImplementation(() => {})
  home = await mkdtemp(join(tmpdir(), 'commonplace-launch-'))
  app.setPath('appData', join(home, 'config'))
  app.setPath('downloads', join(home, 'Downloads'))
  app.simulateAppPath(projectRoot)
  settings = {
    argv: ['electron', '.'],
    env: {},
    mainDir: join(home, 'app', 'out', 'main'),
    resourcesPath: join(home, 'resources'),
    platform: 'linux',
  }
})

const call = (name: string, input: unknown = {}) => {
  const contents = BrowserWindow.getAllWindows()[0]!.webContents
  return ipcMain.simulateInvoke(invokeEventFrom(contents), IPC_CHANNELS.call, name, input)
}

describe('launching the desktop app', () => {
  it('opens one locked-down window on the built page, with the API, CSP, menu and a library in userData', async () => {
    await launchDesktopApp(settings)
    expect(app.getName()).toBe('Commonplace')
    expect(app.getPath('userData')).toBe(join(home, 'config', 'Commonplace'))

    const [window, ...others] = BrowserWindow.getAllWindows()
    expect(others).toEqual([])
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(home, 'app', 'out', 'preload', 'index.cjs'),
    })
    // The built page comes over the app: scheme, made privileged before ready and served from out/renderer.
    expect(window!.webContents.getURL()).toBe('app://commonplace/index.html')
    expect(protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(protocol.isProtocolHandled('app')).toBe(true)
    expect(app.sandboxEnabled).toBe(true)
    await mkdir(join(home, 'app', 'out', 'renderer'), { recursive: true })
    await writeFile(
      join(home, 'app', 'out', 'renderer', 'index.html'),
      '<!doctype html><title>Commonplace</title>',
    )
    const page = await protocol.simulateRequest('app://commonplace/index.html')
    expect(await page.text()).toContain('<title>Commonplace</title>')
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
    expect(window!.webContents.simulateNavigation('https://example.com/')).toBe(false)

    const response = await session.defaultSession.simulateResponse(window!.webContents.getURL(), {})
    expect(response.responseHeaders?.['Content-Security-Policy']).toHaveLength(1)
    expect(Menu.getApplicationMenu()?.getMenuItemById('import-files')).toBeTruthy()

    // The sample article resolves to resources/ of the project, and the library is <userData>/library.
    expect(await call('articles.importSample')).toMatchObject({ ok: true, result: { status: 'imported' } })
    expect(await call('library.info')).toMatchObject({
      ok: true,
      result: { dir: join(home, 'config', 'Commonplace', 'library'), articles: 1 },
    })
  })

  it('uses the --library folder and Chromium’s --user-data-dir', async () => {
    app.commandLine.appendSwitch('user-data-dir', join(home, 'run-1'))
    await launchDesktopApp({ ...settings, argv: ['electron', '.', '--library', join(home, 'elsewhere')] })
    expect(app.getPath('userData')).toBe(join(home, 'run-1'))
    expect(await call('library.info')).toMatchObject({ result: { dir: join(home, 'elsewhere') } })
  })

  it('shows the error and exits, never replacing a library it must not read (a newer schema)', async () => {
    const dir = join(home, 'library')
    await mkdir(dir)
    await writeFile(join(dir, 'library.json'), '{ "schemaVersion": 99 }')
    await launchDesktopApp({ ...settings, env: { COMMONPLACE_LIBRARY: dir } })

    expect(electronStandIn.errorBoxes).toEqual([
      {
        title: 'Commonplace cannot open its library',
        content: expect.stringContaining(join(dir, 'library.json')),
      },
    ])
    expect(app.state).toBe('quit')
    expect(app.exitCode).toBe(1)
    expect(BrowserWindow.getAllWindows()).toEqual([])
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe('{ "schemaVersion": 99 }')
    expect(await readdir(dir)).toEqual(['.commonplace', 'library.json'])
  })

  it('opens with a damaged library.json set aside and kept, never reset', async () => {
    const dir = join(home, 'library')
    await mkdir(dir)
    await writeFile(join(dir, 'library.json'), '{ "articles": [ truncated')
    await launchDesktopApp({ ...settings, env: { COMMONPLACE_LIBRARY: dir } })

    expect(electronStandIn.errorBoxes).toEqual([])
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
    const aside = (await readdir(dir)).find((name) => name.startsWith('library.json.corrupt-'))!
    expect(await readFile(join(dir, aside), 'utf8')).toBe('{ "articles": [ truncated')
  })

  it('quits at once, opening nothing, when another instance is running', async () => {
    electronStandIn.anotherInstanceRunning = true
    await launchDesktopApp(settings)
    expect(app.state).toBe('quit')
    expect(BrowserWindow.getAllWindows()).toEqual([])
    expect(await readdir(join(home, 'config')).catch(() => [])).toEqual([])
  })

  it('on macOS stays running with no window, and the dock icon brings one back', async () => {
    await launchDesktopApp({ ...settings, platform: 'darwin' })
    BrowserWindow.getAllWindows()[0]!.close()
    expect(app.state).toBe('running')
    app.emit('activate')
    app.emit('activate') // a second click while the window is on its way adds nothing
    await vi.waitFor(() => expect(BrowserWindow.getAllWindows()).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
  })

  it('elsewhere quits when the last window closes', async () => {
    await launchDesktopApp(settings)
    BrowserWindow.getAllWindows()[0]!.close()
    await vi.waitFor(() => expect(app.state).toBe('quit'))
  })

  it('remembers the window between launches', async () => {
    await launchDesktopApp(settings)
    const window = BrowserWindow.getAllWindows()[0]!
    window.setBounds({ x: 120, y: 90, width: 1000, height: 700 })
    app.quit()
    await vi.waitFor(() => expect(app.state).toBe('quit'))
    const state = JSON.parse(await readFile(join(home, 'config', 'Commonplace', 'window-state.json'), 'utf8'))
    expect(state).toEqual({ x: 120, y: 90, width: 1000, height: 700, maximized: false })
  })

  it('finds the sample article in the packaged app’s resources folder', async () => {
    app.isPackaged = true
    await mkdir(settings.resourcesPath)
    await writeFile(
      join(settings.resourcesPath, SAMPLE_ARTICLE_NAME),
      await readFile(join(projectRoot, 'resources', SAMPLE_ARTICLE_NAME)),
    )
    await launchDesktopApp(settings)
    expect(await call('articles.importSample')).toMatchObject({ ok: true, result: { status: 'imported' } })
  })
})
