import { expect, type Locator, type Page } from '@playwright/test'
import type { AppUnderTest } from '../fixtures'

/** The reading view of one article, where excerpts are made. */
export class ReaderPage {
  readonly page: Page
  constructor(readonly app: AppUnderTest) {
    this.page = app.page
  }

  get root(): Locator {
    return this.page.getByTestId('reader')
  }

  get excerptItems(): Locator {
    return this.page.getByTestId('excerpt-item')
  }

  /**
   * Opens the excerpt margin where the reader is too narrow to show it beside the text (there it is a
   * drawer, closed until asked for); does nothing where it is shown beside the text.
   */
  async openExcerptMargin(): Promise<void> {
    const toggle = this.root.getByTestId('excerpt-drawer-toggle')
    await expect(toggle.or(this.root.locator('#excerpt-margin')).first()).toBeVisible()
    if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false')
      await toggle.click()
    await expect(this.root.locator('#excerpt-margin')).toBeVisible()
  }

  get activeHighlight(): Locator {
    return this.root.locator('mark.excerpt-active')
  }

  /** Selects the given words in the article body, as a drag of the mouse would. */
  async select(words: string): Promise<void> {
    await this.whenBodyShows(() => this.trySelect(words), `"${words}" is not in the article`)
  }

  /**
   * Retries a selection until it succeeds: the reader shows the title first and the body when it has
   * loaded, so the words may not be there yet.
   */
  private async whenBodyShows(attempt: () => Promise<boolean>, failure: string): Promise<void> {
    await expect.poll(attempt, { message: failure }).toBe(true)
  }

  private async trySelect(words: string): Promise<boolean> {
    return this.root.evaluate((root, words) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue?.indexOf(words) ?? -1
        if (at < 0 || node.parentElement?.closest('h1,header,[data-testid="excerpt-list"]')) continue
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + words.length)
        const selection = window.getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        node.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
        return true
      }
      return false
    }, words)
  }

  /** Selects from the first words to the last, across paragraphs and inline elements. */
  async selectAcross(first: string, last: string): Promise<void> {
    await this.whenBodyShows(
      () => this.trySelectAcross(first, last),
      `no passage from "${first}" to "${last}" in the article`,
    )
  }

  private async trySelectAcross(first: string, last: string): Promise<boolean> {
    return this.root.evaluate(
      (root, [first, last]) => {
        const body = root.querySelector('.reader-body')
        if (!body) return false
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
        let start: { node: Node; at: number } | null = null
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const value = node.nodeValue ?? ''
          if (!start) {
            const at = value.indexOf(first)
            if (at >= 0) start = { node, at }
          }
          if (start) {
            const end = value.indexOf(last, node === start.node ? start.at : 0)
            if (end < 0) continue
            const range = document.createRange()
            range.setStart(start.node, start.at)
            range.setEnd(node, end + last.length)
            window.getSelection()!.removeAllRanges()
            window.getSelection()!.addRange(range)
            node.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
            return true
          }
        }
        return false
      },
      [first, last],
    )
  }

  /** The sidebar item of the excerpt holding these words. */
  excerptItem(words: string): Locator {
    return this.excerptItems.filter({ hasText: words })
  }

  /** "Cited in N notes" under the article title. */
  get articleCitations(): Locator {
    return this.root.getByTestId('article-citations')
  }

  /** The offer to update the article from a newer import of the same file. */
  get newerCopy(): Locator {
    return this.root.getByTestId('newer-copy')
  }

  /** The article's tag field in the header. */
  get tagField(): Locator {
    return this.root.getByTestId('article-tags')
  }

  /** The chips of the article's tags. */
  get tags(): Locator {
    return this.tagField.getByTestId('article-tag')
  }

  /** Types into the tag field and presses a key (Enter, Comma or Backspace). */
  async typeTag(text: string, key: string): Promise<void> {
    const input = this.tagField.getByTestId('article-tag-input')
    await input.fill(text)
    await input.press(key)
  }

  /** Makes an excerpt of the current selection with the keyboard shortcut. */
  async excerptSelection(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+e')
  }
}
