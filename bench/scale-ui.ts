// The renderer's figures for bench/scale.ts, measured in the real window: the built renderer served
// in browser mode (src-main/server.ts) on the generated library, in Chromium (headless, fresh
// profile), as e2e runs it. How soon the library list shows after the page loads, how long frames
// take while the list scrolls, and how long an article takes to open in the reader.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { openLibrary } from '../src-main/core/library'
import { startBrowserModeServer } from '../src-main/server'
import { rendererDir, sampleArticlePath } from '../src-main/install-paths'
import { CHROMIUM_FLAGS, chromiumBinary } from '../e2e/target'

const LOADS = 3
const OPENS = 5
/** Frames of scrolling measured, the list moved this far each frame (a brisk wheel or drag). */
const SCROLL_FRAMES = 180
const SCROLL_STEP_PX = 240

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

export async function measureUi(libraryDir: string): Promise<Record<string, number>> {
  const built = rendererDir()
  if (!existsSync(join(built, 'index.html')))
    throw new Error(
      `bench:scale measures the built renderer, and ${built} is missing: run npm run build first`,
    )
  const executablePath = chromiumBinary()
  if (!executablePath) throw new Error('bench:scale needs Chromium for the UI figures (set CHROMIUM_PATH)')
  const library = await openLibrary(libraryDir, sampleArticlePath())
  const exportDir = await mkdtemp(join(tmpdir(), 'commonplace-bench-ui-export-'))
  const server = await startBrowserModeServer({ library, rendererDir: built, defaultExportDir: exportDir })
  const profile = await mkdtemp(join(tmpdir(), 'commonplace-bench-ui-profile-'))
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
  })
  try {
    const page = browser.pages()[0] ?? (await browser.newPage())
    const rows = page.getByTestId('article-row')

    // From navigation to the first row of the list on screen (performance.now() counts from navigation).
    const loads: number[] = []
    for (let n = 0; n < LOADS; n++) {
      await page.goto(server.url)
      await rows.first().waitFor({ state: 'visible', timeout: 60_000 })
      loads.push(await page.evaluate(() => performance.now()))
    }

    // Frames while the list scrolls from top to bottom, rows arriving a page at a time meanwhile.
    const frames = await page.getByRole('list', { name: 'Articles' }).evaluate(
      async (list, { count, step }) => {
        const times: number[] = []
        let last = performance.now()
        for (let n = 0; n < count; n++) {
          list.scrollTop += step
          await new Promise((resolve) => requestAnimationFrame(resolve))
          const now = performance.now()
          times.push(now - last)
          last = now
        }
        return times
      },
      { count: SCROLL_FRAMES, step: SCROLL_STEP_PX },
    )
    const sortedFrames = [...frames].sort((a, b) => a - b)

    // From the click on a row to its text in the reader; a different article each time.
    const opens: number[] = []
    await page.getByRole('list', { name: 'Articles' }).evaluate((list) => (list.scrollTop = 0))
    await page.locator('[data-testid="article-row"][aria-posinset="1"]').waitFor()
    for (let n = 0; n < OPENS; n++) {
      // By its id: a row found by its place could be another article once the list re-renders.
      const id = await page
        .locator(`[data-testid="article-row"][aria-posinset="${n + 2}"]`)
        .getAttribute('data-article-id')
      const row = page.locator(`[data-testid="article-row"][data-article-id="${id}"]`)
      const text = await readFile(join(libraryDir, 'articles', id!, 'text.txt'), 'utf8')
      const opening = text.split('\n')[0]!.slice(0, 40)
      const started = await page.evaluate(() => performance.now())
      await row.locator('.row__main').click()
      await page.waitForFunction(
        (words) => document.querySelector('[data-testid="reader"]')?.textContent?.includes(words) ?? false,
        opening,
        { polling: 'raf', timeout: 60_000 },
      )
      opens.push((await page.evaluate(() => performance.now())) - started)
    }
    return {
      'list visible after page load (ms, median of 3)': median(loads),
      'scroll frame p50 (ms)': sortedFrames[Math.floor(sortedFrames.length * 0.5)]!,
      'scroll frame p95 (ms)': sortedFrames[Math.floor(sortedFrames.length * 0.95)]!,
      'open an article in the reader (ms, median of 5)': median(opens),
    }
  } finally {
    await browser.close()
    await server.close()
    await library.store.close()
    await rm(profile, { recursive: true, force: true })
    await rm(exportDir, { recursive: true, force: true })
  }
}
