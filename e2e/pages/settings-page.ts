import { expect, type Locator, type Page } from '@playwright/test'
import type { AppUnderTest } from '../fixtures'

/** The Settings screen: theme, reading settings, export styles, the library's folder. */
export class SettingsPage {
  readonly page: Page
  constructor(readonly app: AppUnderTest) {
    this.page = app.page
  }

  get dialog(): Locator {
    return this.page.getByTestId('settings-dialog')
  }

  /** Opens Settings from the sidebar's button and waits until its choices show. */
  async open(): Promise<void> {
    await this.page.getByTestId('open-settings').click()
    await this.waitUntilShown()
  }

  async waitUntilShown(): Promise<void> {
    await expect(this.dialog).toBeVisible()
    await expect(this.dialog.getByLabel('Theme')).toBeVisible()
  }

  /** Picks a value of one setting (by its label) and waits until the library has kept it. */
  async choose(label: string, value: string): Promise<void> {
    await this.dialog.getByLabel(label).selectOption(value)
    await expect(this.dialog.getByLabel(label)).toHaveValue(value)
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click()
    await expect(this.dialog).toBeHidden()
  }

  /** The theme the window shows now ('light' or 'dark'). */
  async shownTheme(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset.theme)
  }
}
