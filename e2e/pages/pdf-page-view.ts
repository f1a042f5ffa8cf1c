import { expect, type Locator, type Page } from '@playwright/test'
import type { AppUnderTest } from '../fixtures'

/** The page view of a PDF article: its pages, toolbar and the highlights on them. */
export class PdfPageView {
  readonly page: Page
  constructor(readonly app: AppUnderTest) {
    this.page = app.page
  }

  get root(): Locator {
    return this.page.getByTestId('pdf-view')
  }

  get scroller(): Locator {
    return this.page.getByTestId('pdf-scroller')
  }

  /** The reader's switch between the page view and the text view. */
  get viewToggle(): Locator {
    return this.page.getByTestId('reader-view-toggle')
  }

  get pageInput(): Locator {
    return this.page.getByTestId('pdf-page-input')
  }

  get pageCount(): Locator {
    return this.page.getByTestId('pdf-page-count')
  }

  get zoom(): Locator {
    return this.page.getByTestId('pdf-zoom')
  }

  pageElement(n: number): Locator {
    return this.root.locator(`.pdf-page[data-page-number="${n}"]`)
  }

  /** The highlights drawn on page `n`. */
  marksOn(n: number): Locator {
    return this.pageElement(n).locator('.pdf-mark')
  }

  async showText(): Promise<void> {
    await this.viewToggle.filter({ hasText: 'Text view' }).click()
    await expect(this.root).toBeHidden()
  }

  async showPages(): Promise<void> {
    await this.viewToggle.filter({ hasText: 'Page view' }).click()
    await expect(this.root).toBeVisible()
  }

  /** Waits until page `n` has its canvas and text layer. */
  async waitForPage(n: number): Promise<void> {
    await expect(this.pageElement(n)).toHaveAttribute('data-rendered', 'true', { timeout: 20_000 })
  }

  async goToPage(n: number): Promise<void> {
    await this.pageInput.fill(String(n))
    await this.pageInput.press('Enter')
    await expect(this.pageInput).toHaveValue(String(n))
  }

  /**
   * Selects words on page `n`'s text layer as a drag would: the words may run across several text
   * items (spans), so the page's item texts are searched as one string.
   */
  async select(n: number, words: string): Promise<void> {
    await this.waitForPage(n)
    const found = await this.pageElement(n).evaluate((page, words) => {
      const spans = Array.from(page.querySelectorAll<HTMLElement>('.textLayer [data-item]'))
      let joined = ''
      const starts: number[] = []
      for (const span of spans) {
        starts.push(joined.length)
        joined += span.textContent ?? ''
      }
      const at = joined.indexOf(words)
      if (at < 0) return false
      const spanAt = (offset: number, end: boolean) => {
        let index = starts.findLastIndex((start) => (end ? start < offset : start <= offset))
        if (index < 0) index = 0
        return { node: spans[index]!.firstChild!, offset: offset - starts[index]! }
      }
      const from = spanAt(at, false)
      const to = spanAt(at + words.length, true)
      const range = document.createRange()
      range.setStart(from.node, from.offset)
      range.setEnd(to.node, to.offset)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      return true
    }, words)
    expect(found, `"${words}" is not on page ${n}`).toBe(true)
  }
}
