import { readFile, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
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

  /** The rows of the sidebar's note list. */
  get rows(): Locator {
    return this.page.getByTestId('note-row')
  }

  /** The row of the open note in the list. */
  get currentRow(): Locator {
    return this.rows.filter({ has: this.page.locator('[aria-current="page"]') })
  }

  get titleField(): Locator {
    return this.page.getByTestId('note-title')
  }

  /** Makes a new note and waits until it is the open one: not the note that was open before. */
  async create(): Promise<void> {
    const before = await this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-note-id')))
    await this.page.getByTestId('new-note').click()
    const notBefore = before.map((id) => `:not([data-note-id="${id}"])`).join('')
    const created = this.currentRow.and(this.page.locator(`[data-testid="note-row"]${notBefore}`))
    await expect(created).toHaveCount(1)
    await this.waitUntilOpen(created)
  }

  /** Opens a note from the list and waits until it is the open one. */
  async open(title: string): Promise<void> {
    const row = this.rows.filter({ hasText: title }).first()
    await row.click()
    await this.waitUntilOpen(row)
  }

  /** Selects a note whose editor may not open (a damaged note shows an error in its place). */
  async select(title: string): Promise<void> {
    const row = this.rows.filter({ hasText: title }).first()
    await row.click()
    await this.waitUntilSelected(row)
  }

  /** Renames the open note and waits until the library has the new title. */
  async rename(title: string): Promise<void> {
    await this.titleField.fill(title)
    await this.titleField.press('Enter')
    await expect(this.currentRow.locator('.row__title')).toHaveText(title)
    await expect(this.titleField).toHaveValue(title)
  }

  /** Waits until the note of a row is the open one: its row selected, its title above its loaded editor. */
  private async waitUntilOpen(row: Locator): Promise<void> {
    await this.waitUntilSelected(row)
    await expect(this.editor).toBeVisible()
  }

  private async waitUntilSelected(row: Locator): Promise<void> {
    await expect(row.getByRole('button').first()).toHaveAttribute('aria-current', 'page')
    await expect(this.titleField).toHaveValue((await row.locator('.row__title').textContent()) ?? '')
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
    const exported = async () => (await readdir(this.app.downloadDir)).find((name) => name.endsWith('.md'))
    await expect.poll(exported, { message: 'the export did not produce a file' }).toBeDefined()
    const path = join(this.app.downloadDir, (await exported())!)
    return { path, markdown: await readFile(path, 'utf8') }
  }
}
