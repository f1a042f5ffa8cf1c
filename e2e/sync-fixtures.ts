import { test as base, chromium, type Browser, type Page } from '@playwright/test'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, stopServer, type AppUnderTest } from './fixtures'
import { chooseTarget, chromiumBinary, CHROMIUM_FLAGS } from './target'
import { startCouchServer, type CouchServer } from '../src-main/testing/couch-server'

/**
 * Two Commonplace apps in browser mode, each on its own temp library and home folder (so each keeps
 * its sync password in its own config folder) in its own browser context, and a CouchDB-protocol
 * server (express-pouchdb, or COUCHDB_URL) on 127.0.0.1 at a random port, all started and stopped by
 * the test.
 */
interface SyncFixtures {
  couch: CouchServer
  appA: AppUnderTest
  appB: AppUnderTest
}

export const test = base.extend<SyncFixtures, { syncBrowser: Browser }>({
  syncBrowser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: chromiumBinary()!, args: CHROMIUM_FLAGS })
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- as above
  couch: async ({}, use) => {
    const couch = await startCouchServer()
    await use(couch)
    await couch.close()
  },
  appA: async ({ syncBrowser }, use) => runApp(syncBrowser, 'a', use),
  appB: async ({ syncBrowser }, use) => runApp(syncBrowser, 'b', use),
})

async function runApp(browser: Browser, name: string, use: (app: AppUnderTest) => Promise<void>) {
  if (chooseTarget() !== 'browser') throw new Error('the two-app sync spec runs in browser mode')
  const work = await mkdtemp(join(tmpdir(), `commonplace-e2e-sync-${name}-`))
  const libraryDir = join(work, 'library')
  const homeDir = join(work, 'home')
  const downloadDir = join(work, 'downloads')
  await mkdir(homeDir)
  const server = await startServer(libraryDir, homeDir)
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page: Page = await context.newPage()
  await page.goto(server.url)
  await use({
    target: 'browser',
    page,
    libraryDir,
    downloadDir,
    homeDir,
    electronApp: null,
    reload: async () => void (await page.reload()),
  })
  await context.close()
  await stopServer(server.process)
  await rm(work, { recursive: true, force: true, maxRetries: 5 })
}

export { expect } from '@playwright/test'
