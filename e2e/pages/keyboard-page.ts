import { expect, type Locator, type Page } from '@playwright/test'
import type { AppUnderTest } from '../fixtures'

/** The keyboard's ways in: the command palette, the quick switcher, the shortcuts sheet, and focus. */
export class KeyboardPage {
  readonly page: Page
  constructor(readonly app: AppUnderTest) {
    this.page = app.page
  }

  get palette(): Locator {
    return this.page.getByTestId('command-palette')
  }

  get paletteItems(): Locator {
    return this.palette.getByTestId('palette-item')
  }

  get switcher(): Locator {
    return this.page.getByTestId('quick-switcher')
  }

  get switcherItems(): Locator {
    return this.switcher.getByTestId('switcher-item')
  }

  get shortcutsSheet(): Locator {
    return this.page.getByTestId('shortcuts-sheet')
  }

  /** The element that has the keyboard focus. */
  get focused(): Locator {
    return this.page.locator(':focus')
  }

  /** Opens the palette with a key chord (Ctrl/⌘+K unless told), types, and waits for the command to be first. */
  async runCommand(typed: string, command: string, chord = 'ControlOrMeta+k'): Promise<void> {
    await this.page.keyboard.press(chord)
    await expect(this.palette).toBeVisible()
    await this.page.keyboard.type(typed)
    const first = this.paletteItems.first()
    await expect(first).toHaveAttribute('data-command', command)
    await expect(first).toHaveAttribute('data-selected', 'true')
    await this.page.keyboard.press('Enter')
    await expect(this.palette).toBeHidden()
  }

  /** Opens the quick switcher, types part of a title and opens the chosen entry with Enter. */
  async switchTo(typed: string, title: string, chord = 'ControlOrMeta+o'): Promise<void> {
    await this.page.keyboard.press(chord)
    await expect(this.switcher).toBeVisible()
    await this.page.keyboard.type(typed)
    const selected = this.switcher.locator('[data-selected="true"]')
    await expect(selected).toContainText(title)
    await this.page.keyboard.press('Enter')
    await expect(this.switcher).toBeHidden()
  }

  /** Presses Tab until the focused element matches, at most `limit` times; fails if it never does. */
  async tabTo(target: Locator, limit = 40, key = 'Tab'): Promise<void> {
    for (let step = 0; step < limit; step++) {
      if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return
      await this.page.keyboard.press(key)
    }
    await expect(target).toBeFocused()
  }

  /** The text selected in the page. */
  selectedText(): Promise<string> {
    return this.page.evaluate(() => window.getSelection()?.toString() ?? '')
  }
}
