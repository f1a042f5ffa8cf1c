import { readFile, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { AppUnderTest } from '../fixtures'

/** Notes: the list, the editor, export. */
export class NotePage {
  readonly page: Page
  constructor(readonly app: AppUnderTest) {
    this.page = app.page
  }

  get editor(): Locator {
    return this.page.getByTestId('note-editor')
  }

  get saveStatus(): Locator {
    return this.page.getByTestId('save-status')
  }

  get excerptBlocks(): Locator {
    return this.page.getByTestId('excerpt-block')
  }

  /** Links to other notes in the open note. */
  get noteLinks(): Locator {
    return this.editor.getByTestId('note-link')
  }

  /** "Linked from" under the open note. */
  get backlinks(): Locator {
    return this.page.getByTestId('note-backlinks')
  }

  /** Types `[[` and the start of a title at the caret, then picks a choice of the menu. */
  async linkTo(typed: string, choice: string | RegExp): Promise<void> {
    await this.page.keyboard.type(`[[${typed}`)
    await this.page.getByTestId('note-link-menu').getByRole('option', { name: choice }).click()
  }

  async create(): Promise<void> {
    await this.page.getByTestId('new-note').click()
    await this.editor.waitFor()
  }

  async open(title: string): Promise<void> {
    await this.page.getByTestId('note-row').filter({ hasText: title }).first().click()
  }

  async rename(title: string): Promise<void> {
    const field = this.page.getByTestId('note-title')
    await field.fill(title)
    await field.press('Enter')
  }

  /** Exports the open note and returns the Markdown file's path and content. */
  async exportMarkdown(): Promise<{ path: string; markdown: string }> {
    await mkdir(this.app.downloadDir, { recursive: true })
    const button = this.page.getByTestId('export-note')
    if (this.app.target === 'browser') {
      const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()])
      const path = join(this.app.downloadDir, download.suggestedFilename())
      await download.saveAs(path)
      return { path, markdown: await readFile(path, 'utf8') }
    }
    // The desktop app saves downloads into COMMONPLACE_DOWNLOAD_DIR instead of asking (test mode).
    await button.click()
    for (let tries = 0; tries < 100; tries++) {
      const files = (await readdir(this.app.downloadDir)).filter((f) => f.endsWith('.md'))
      if (files[0]) {
        const path = join(this.app.downloadDir, files[0])
        return { path, markdown: await readFile(path, 'utf8') }
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error('the export did not produce a file')
  }
}
