import { join } from 'node:path'
import { app, dialog, session } from 'electron'
import { openLibrary, type Library } from '../core/library'
import { registerApiHandler } from '../ipc'
import { DeepLinkInbox, registerProtocolClient } from './deep-links'
import { askWhereToSaveDownloads } from './downloads'
import { registerAppScheme, serveAppProtocol } from './app-protocol'
import { libraryDirFrom, sampleArticlePathFor, userDataDirFrom } from './library-location'
import { installApplicationMenu } from './menu'
import { importWithNativeDialog } from './native-import'
import { serveExportFolderDialog } from './export-folder-dialog'
import { serveShowFolders } from './show-folders'
import { PathGrants } from './path-grants'
import { vaultDirOf } from '../api/export'
import { OwnWindows } from './own-windows'
import { PendingWork } from './pending-work'
import { holdQuitForPendingWork } from './quit'
import { chooseRendererLocation } from './renderer-location'
import { denyAllPermissions, enforceContentSecurityPolicy } from './security'
import { claimSingleInstance } from './single-instance'
import { WINDOW_STATE_FILE } from './window-state'
import { openMainWindow } from './window'
import { keychainSyncSecrets } from './sync-secrets'

/** What the desktop app is started with. */
export interface LaunchSettings {
  argv: readonly string[]
  env: NodeJS.ProcessEnv
  /** Folder of the built main script (out/main); the preload and the page are beside it. */
  mainDir: string
  /** process.resourcesPath in a packaged app. */
  resourcesPath: string
  platform: NodeJS.Platform
}

/**
 * Starts the desktop app: one instance, a locked-down session, the library opened (or a clear
 * error and exit — never a new empty library over an unreadable one), the API on IPC, the menu
 * and the first window.
 */
export async function launchDesktopApp(settings: LaunchSettings): Promise<void> {
  app.setName('Commonplace')
  app.setPath(
    'userData',
    userDataDirFrom(app.commandLine.getSwitchValue('user-data-dir'), app.getPath('appData')),
  )

  const windows = new OwnWindows()
  if (!claimSingleInstance(windows)) {
    app.quit()
    return
  }
  // Listening before ready: macOS sends 'open-url' for the link that launched the app that early.
  let openWindow: () => Promise<unknown> = () => Promise.resolve()
  const deepLinks = new DeepLinkInbox(windows, () => void openWindow())
  deepLinks.listen(settings.argv)
  registerProtocolClient({ isPackaged: app.isPackaged, argv: settings.argv, execPath: process.execPath })
  // Registered before any window exists: without a listener Electron quits on every platform.
  app.on('window-all-closed', () => {
    if (settings.platform !== 'darwin') app.quit()
  })
  // Both only before ready: every renderer sandboxed whatever its webPreferences, and the app: scheme.
  app.enableSandbox()
  registerAppScheme()

  await app.whenReady()
  denyAllPermissions(session.defaultSession)

  const library = await openLibraryOrExplain(settings)
  if (!library) return

  const pending = new PendingWork()
  const renderer = chooseRendererLocation({
    isPackaged: app.isPackaged,
    devServerUrl: settings.env.ELECTRON_RENDERER_URL,
    mainDir: settings.mainDir,
  })
  // The built page comes over app://, never file:// (whose pages may read every other file: URL).
  if (renderer.builtDir) serveAppProtocol(renderer.builtDir)
  enforceContentSecurityPolicy(session.defaultSession, renderer.isDevServer)
  // Every path a window names comes from a dialog run here; the window holds only grants.
  const grants = new PathGrants()
  windows.onClosed((contentsId) => grants.forget(contentsId))
  registerApiHandler({ library, windows, renderer, pending, grants })
  serveExportFolderDialog({ windows, renderer, grants, defaultPath: () => vaultDirOf(library.store) })
  serveShowFolders({ windows, renderer, grants, libraryDir: library.store.dir })
  deepLinks.serve(renderer)
  holdQuitForPendingWork(pending)
  askWhereToSaveDownloads(
    session.defaultSession,
    windows,
    app.getPath('downloads'),
    settings.env.COMMONPLACE_DOWNLOAD_DIR,
  )
  installApplicationMenu(
    windows,
    {
      platform: settings.platform,
      isPackaged: app.isPackaged,
      isDevelopment: renderer.isDevServer,
      libraryDir: library.store.dir,
    },
    (window) => void importWithNativeDialog(window, grants),
  )

  // One window opening at a time: a second dock click while one is on its way adds nothing.
  let opening: Promise<unknown> | null = null
  openWindow = () =>
    (opening ??= openMainWindow({
      preloadPath: join(settings.mainDir, '..', 'preload', 'index.cjs'),
      renderer,
      windows,
      pending,
      stateFile: join(app.getPath('userData'), WINDOW_STATE_FILE),
    }).finally(() => (opening = null)))
  await openWindow()
  // Registered after the first window exists: macOS also sends 'activate' on first launch.
  app.on('activate', () => {
    // macOS keeps the app running without windows; clicking the dock icon brings one back.
    if (windows.count === 0) void openWindow()
  })
}

async function openLibraryOrExplain(settings: LaunchSettings): Promise<Library | null> {
  try {
    const dir = libraryDirFrom(settings.argv, settings.env, app.getPath('userData'))
    const samplePath = sampleArticlePathFor({
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: settings.resourcesPath,
    })
    const library = await openLibrary(dir, samplePath)
    // The sync password is kept by the OS keychain, in userData, never in the library folder.
    return { ...library, syncSecrets: keychainSyncSecrets(app.getPath('userData'), settings.env) }
  } catch (error) {
    const message = (error as Error).message
    console.error(`Commonplace cannot open its library: ${message}`)
    dialog.showErrorBox('Commonplace cannot open its library', message)
    // Nothing is open or pending yet, so exiting now loses nothing; the status tells scripts it failed.
    app.exit(1)
    return null
  }
}
