import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import type { AppUnderTest } from '../fixtures'

/**
 * How long a test waits for the first import of its app: that import starts the server's parse thread
 * (jsdom, Readability, DOMPurify), which takes seconds on a machine busy with other work.
 */
export const FIRST_IMPORT_TIMEOUT = 30_000

/** A file's state in the import progress view. */
export type ImportRowState = 'queued' | 'importing' | 'done' | 'duplicate' | 'failed' | 'cancelled'

/** The library: empty state, import (files, folders, drops, links), the progress view, the list of articles. */
export class LibraryPage {
  readonly page: Page
  constructor(readonly app: AppUnderTest) {
    this.page = app.page
  }

  get rows(): Locator {
    return this.page.getByTestId('article-row')
  }

  get importResult(): Locator {
    return this.page.getByTestId('import-result')
  }

  /** The batch progress view. */
  get progress(): Locator {
    return this.page.getByTestId('import-progress')
  }

  get progressRows(): Locator {
    return this.page.getByTestId('import-progress-row')
  }

  /** The progress rows in one state. */
  progressRowsIn(state: ImportRowState): Locator {
    return this.page.locator(`[data-testid="import-progress-row"][data-state="${state}"]`)
  }

  /** The progress row of one file. */
  progressRow(name: string): Locator {
    return this.progressRows.filter({ hasText: name })
  }

  get urlField(): Locator {
    return this.page.getByTestId('import-url')
  }

  get urlStatus(): Locator {
    return this.page.getByTestId('import-url-status')
  }

  /** Imports files through the file chooser, as a user picking them would. */
  async importFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('import-input').setInputFiles(paths)
  }

  /** Imports a folder (and its subfolders) through the folder chooser. */
  async importFolder(dir: string): Promise<void> {
    await this.page.getByTestId('import-folder-input').first().setInputFiles(dir)
  }

  /** Drops files onto the window, as a drag from the file manager would. */
  async dropFiles(paths: string[]): Promise<void> {
    const files = await Promise.all(
      paths.map(async (path) => ({
        name: basename(path),
        base64: (await readFile(path)).toString('base64'),
      })),
    )
    await this.page.evaluate((files) => {
      const transfer = new DataTransfer()
      for (const file of files) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
        transfer.items.add(new File([bytes], file.name))
      }
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
        )
      }
    }, files)
  }

  /** Pastes a link into "Import from a link…" and presses Enter. */
  async importUrl(url: string): Promise<void> {
    await this.urlField.fill(url)
    await this.urlField.press('Enter')
  }

  async cancelImport(): Promise<void> {
    await this.page.getByTestId('import-cancel').click()
  }

  /** Imports the bundled sample and waits for it to be in the list (the first import starts the parse thread). */
  async importSample(): Promise<void> {
    await this.page.getByRole('button', { name: /import the sample article/i }).click()
    await expect(this.rows.first()).toBeVisible({ timeout: FIRST_IMPORT_TIMEOUT })
  }

  /**
   * Two articles: the sample, then a short Markdown file about lichens (its title: Field Notes on
   * Lichens), each waited for in the list.
   */
  async importSampleAndLichens(): Promise<void> {
    const markdown = join(await mkdtemp(join(tmpdir(), 'commonplace-lichens-')), 'field-notes.md')
    await writeFile(markdown, '# Field Notes on Lichens\n\nLichens grow a millimetre a year.\n')
    await this.importSample()
    await this.importFiles([markdown])
    await expect(this.rows).toHaveCount(2)
  }

  /** The tags in use, with their counts, in the sidebar. */
  get tagItems(): Locator {
    return this.page.getByTestId('tag-list').getByTestId('tag-item')
  }

  /** One tag of the sidebar's list, by its name without #. */
  tagItem(tag: string): Locator {
    return this.page.locator(`[data-testid="tag-item"][data-tag="${tag}"]`)
  }

  /** "Filtered by #tag", shown while the lists are filtered. */
  get tagFilter(): Locator {
    return this.page.getByTestId('tag-filter')
  }

  /** The filter above the article list (title, author, site, file name). */
  get filterInput(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter articles' })
  }

  /** The order of the article list. */
  get sortSelect(): Locator {
    return this.page.getByRole('combobox', { name: 'Sort articles' })
  }

  /** The titles of the rows now in the list, top to bottom. */
  async titles(): Promise<string[]> {
    return this.rows.locator('.row__title').allTextContents()
  }

  /** The list of articles (it scrolls, and holds only the rows in view). */
  get list(): Locator {
    return this.page.getByRole('list', { name: 'Articles' })
  }

  /**
   * The row of an article, scrolled into the list as a user would scroll to it: the list holds only the
   * rows in view, so one further down is not in the page until the list is scrolled there.
   */
  async reveal(text: string | RegExp): Promise<Locator> {
    const row = this.rows.filter({ hasText: text }).first()
    // After each scroll the list renders the rows now in view; checked before that, the page would
    // still hold the rows of the place it was scrolled from.
    const scrollTo = (where: 'top' | 'further') =>
      this.list.evaluate(async (list, to) => {
        const before = list.scrollTop
        list.scrollTo({ top: to === 'top' ? 0 : before + list.clientHeight * 0.8 })
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
        await frame()
        await frame()
        return list.scrollTop !== before
      }, where)
    // Rows come a page at a time: a row whose page is on its way is an empty placeholder.
    const loaded = () => expect(this.list.locator('[aria-busy="true"]')).toHaveCount(0)
    await scrollTo('top')
    for (;;) {
      await loaded()
      if ((await row.count()) > 0) return row
      // At the end of the list without the row: the assertion says which one is missing.
      if (!(await scrollTo('further'))) {
        await expect(row, `an article row with ${String(text)}`).toHaveCount(1)
        return row
      }
    }
  }

  async open(title: string | RegExp): Promise<void> {
    await (await this.reveal(title)).click()
  }
}
