import { expect, type Locator, type Page } from '@playwright/test'

/** The live co-editing controls of one page: the share / join dialog, the presence bar, the text. */
export class LivePage {
  constructor(readonly page: Page) {}

  get editor(): Locator {
    return this.page.getByTestId('note-editor')
  }

  get status(): Locator {
    return this.page.getByTestId('live-status')
  }

  get people(): Locator {
    return this.page.getByTestId('live-person')
  }

  /** Fills the share or join dialog that is open and submits it. */
  async fillDialog(fields: {
    url: string
    token: string
    documentName: string
    userName: string
  }): Promise<void> {
    const dialog = this.page.locator('[data-testid="live-share-dialog"], [data-testid="live-join-dialog"]')
    await expect(dialog).toBeVisible()
    await dialog.getByTestId('live-url').fill(fields.url)
    await dialog.getByTestId('live-token').fill(fields.token)
    await dialog.getByTestId('live-document').fill(fields.documentName)
    await dialog.getByTestId('live-user').fill(fields.userName)
    await dialog.getByTestId('live-submit').click()
    await expect(dialog).toBeHidden()
  }

  /** Puts the caret at the very start of the note and types. */
  async typeAtStart(text: string): Promise<void> {
    await this.editor.click()
    await this.page.keyboard.press('ControlOrMeta+Home')
    await this.page.keyboard.type(text)
  }

  /** Puts the caret at the very end of the note and types. */
  async typeAtEnd(text: string): Promise<void> {
    await this.editor.click()
    await this.page.keyboard.press('ControlOrMeta+End')
    await this.page.keyboard.type(text)
  }
}
