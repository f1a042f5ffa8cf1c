import {
  test as base,
  chromium,
  _electron,
  type Page,
  type Browser,
  type ElectronApplication,
} from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  chooseTarget,
  chromiumBinary,
  electronBinary,
  CHROMIUM_FLAGS,
  REPO_ROOT,
  type E2ETarget,
} from './target'
import { LibraryPage } from './pages/library-page'
import { ReaderPage } from './pages/reader-page'
import { NotePage } from './pages/note-page'

/** A running Commonplace on a fresh temp library, whichever target this run uses. */
export interface AppUnderTest {
  target: E2ETarget
  page: Page
  libraryDir: string
  /** Where exports land (browser downloads are saved here; the desktop app is told to save here). */
  downloadDir: string
  /**
   * The app's home folder (HOME): a fresh one per test, holding a `.bashrc` that no call may touch.
   * Its `Commonplace vault` is the default export folder.
   */
  homeDir: string
  /** The Electron app, to answer its native dialogs (electron target only). */
  electronApp: ElectronApplication | null
  reload(): Promise<void>
}

interface Fixtures {
  app: AppUnderTest
  library: LibraryPage
  reader: ReaderPage
  notes: NotePage
}

interface WorkerFixtures {
  browser: Browser
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  browser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      if (chooseTarget() !== 'browser') {
        await use(undefined as unknown as Browser)
        return
      }
      const browser = await chromium.launch({ executablePath: chromiumBinary()!, args: CHROMIUM_FLAGS })
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],
  app: async ({ browser }, use) => {
    const target = chooseTarget()
    const work = await mkdtemp(join(tmpdir(), 'commonplace-e2e-'))
    const libraryDir = join(work, 'library')
    const downloadDir = join(work, 'downloads')
    const homeDir = join(work, 'home')
    await mkdir(homeDir)
    await writeFile(join(homeDir, '.bashrc'), '# the fake home of one e2e test\n')
    const reload = (page: Page) => async () => void (await page.reload())
    if (target === 'browser') {
      const server = await startServer(libraryDir, homeDir)
      const context = await browser.newContext({
        acceptDownloads: true,
        viewport: { width: 1280, height: 800 },
      })
      const page = await context.newPage()
      await page.goto(server.url)
      await use({ target, page, libraryDir, downloadDir, homeDir, electronApp: null, reload: reload(page) })
      await context.close()
      await stopServer(server.process)
    } else {
      const app = await _electron.launch({
        executablePath: electronBinary()!,
        args: [
          join(REPO_ROOT, 'out/main/index.js'),
          '--library',
          libraryDir,
          `--user-data-dir=${join(work, 'user-data')}`,
        ],
        env: {
          ...process.env,
          HOME: homeDir,
          COMMONPLACE_LIBRARY: libraryDir,
          COMMONPLACE_DOWNLOAD_DIR: downloadDir,
          NODE_ENV: 'test',
        },
      })
      const page = await app.firstWindow()
      await page.setViewportSize({ width: 1280, height: 800 })
      await use({ target, page, libraryDir, downloadDir, homeDir, electronApp: app, reload: reload(page) })
      await app.close()
    }
    // The app has exited (its last writes are done), so nothing writes into the folder as it is removed.
    await rm(work, { recursive: true, force: true, maxRetries: 5 })
  },
  library: async ({ app }, use) => use(new LibraryPage(app)),
  reader: async ({ app }, use) => use(new ReaderPage(app)),
  notes: async ({ app }, use) => use(new NotePage(app)),
})

export { expect } from '@playwright/test'

/** Starts browser mode (`out/main/serve.js`) on a free port and reads its URL from its first line. */
export async function startServer(
  libraryDir: string,
  homeDir: string,
): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'out/main/serve.js'), '--library', libraryDir, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The default export folder is in the home folder: each test gets its own.
      env: { ...process.env, HOME: homeDir },
    },
  )
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser-mode server did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`browser-mode server exited (${code}):\n${output}`)))
  })
  return { url, process: child }
}

/** Asks the server to stop and waits for its exit, so its last writes into the library have finished. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}
