import { expect, type Locator, type Page } from '@playwright/test'

/** The sidebar's search: the box, its results, and the words lit where a result opened. */
export class SearchPage {
  constructor(readonly page: Page) {}

  get input(): Locator {
    return this.page.getByTestId('search-input')
  }

  get hits(): Locator {
    return this.page.getByTestId('search-hit')
  }

  get status(): Locator {
    return this.page.getByTestId('search-status')
  }

  /** Types the words and waits until the results answer them (a count, or "Nothing found."). */
  async search(words: string): Promise<void> {
    await this.input.fill(words)
    await expect(this.status).toHaveText(/result|Nothing found/)
  }

  /** The words lit by the last opened result, once they are lit. */
  async litWords(): Promise<string> {
    await expect
      .poll(() => this.page.evaluate(() => CSS.highlights.has('search-match')), {
        message: 'the matched words are lit',
      })
      .toBe(true)
    return this.page.evaluate(() => {
      const [range] = CSS.highlights.get('search-match')!
      return (range as Range).toString()
    })
  }
}
