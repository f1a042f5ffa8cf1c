import type { Locator, Page } from '@playwright/test'
import type { AppUnderTest } from '../fixtures'

/** The library: empty state, import, the list of articles. */
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

  /** Imports files through the file chooser, as a user picking them would. */
  async importFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('import-input').setInputFiles(paths)
  }

  async importSample(): Promise<void> {
    await this.page.getByRole('button', { name: /import the sample article/i }).click()
  }

  async open(title: string | RegExp): Promise<void> {
    await this.rows.filter({ hasText: title }).first().click()
  }
}
