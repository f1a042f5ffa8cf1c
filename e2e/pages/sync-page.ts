import { expect, type Locator, type Page } from '@playwright/test'
import type { CouchServer } from '../../src-main/testing/couch-server'

/** Settings ▸ Sync, the window's sync indicator and the Conflicts list. */
export class SyncPage {
  constructor(readonly page: Page) {}

  get settings(): Locator {
    return this.page.getByTestId('sync-settings')
  }

  get status(): Locator {
    return this.page.getByTestId('sync-status')
  }

  get conflicts(): Locator {
    return this.page.getByTestId('sync-conflicts')
  }

  get conflictView(): Locator {
    return this.page.getByTestId('conflict-view')
  }

  async openSettings(): Promise<void> {
    await this.page.getByTestId('open-settings').click()
    await expect(this.settings).toBeVisible()
  }

  async closeSettings(): Promise<void> {
    await this.page.getByTestId('settings-dialog').getByRole('button', { name: 'Done' }).click()
    await expect(this.page.getByTestId('settings-dialog')).toBeHidden()
  }

  /** Fills the form as a user would and tests the connection; waits for the answer. */
  async setUp(couch: CouchServer, database: string): Promise<void> {
    await this.settings.getByLabel('Server').fill(couch.origin)
    await this.settings.getByLabel('Database').fill(database)
    await this.settings.getByLabel('User').fill(couch.username)
    await this.settings.getByLabel('Password').fill(couch.password)
    await this.settings.getByRole('button', { name: 'Test connection' }).click()
    await expect(this.settings.getByTestId('sync-message')).toContainText('Connected to')
  }

  /** Turns live sync on or off from Settings and waits until the indicator says so. */
  async setLive(on: boolean): Promise<void> {
    const box = this.settings.getByLabel('Keep syncing while Commonplace runs')
    if (on) await box.check()
    else await box.uncheck()
    await expect(box).toBeChecked({ checked: on })
    await expect(this.status).toHaveAttribute('data-activity', on ? 'idle' : 'off', { timeout: 30_000 })
  }

  async syncNow(): Promise<void> {
    await this.settings.getByRole('button', { name: 'Sync now' }).click()
    await expect(this.settings.getByTestId('sync-message')).toHaveText('Synced.', { timeout: 30_000 })
  }
}
