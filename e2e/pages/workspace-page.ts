import { expect, type Locator, type Page } from '@playwright/test'
import type { AppUnderTest } from '../fixtures'

/** A rectangle of the page, in CSS pixels. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** The window's frame: panes, separators, the sidebar's toggle, focus mode, sideways scrolling. */
export class WorkspacePage {
  readonly page: Page
  constructor(readonly app: AppUnderTest) {
    this.page = app.page
  }

  get sidebar(): Locator {
    return this.page.getByRole('complementary', { name: 'Library and notes' })
  }

  get sidebarToggle(): Locator {
    return this.page.getByTestId('sidebar-toggle')
  }

  /** The separator between the sidebar and the workspace. */
  get sidebarSeparator(): Locator {
    return this.page.getByTestId('sidebar-separator')
  }

  /** The separator between the reader and the note. */
  get paneSeparator(): Locator {
    return this.page.getByTestId('workspace-separator')
  }

  get readerPane(): Locator {
    return this.page.getByTestId('reader')
  }

  get notePane(): Locator {
    return this.page.getByTestId('note-pane')
  }

  /** The visible buttons of the reader's and the note's headers. */
  headerButtons(): Locator {
    return this.page
      .locator('[data-testid="reader"] > .pane__toolbar, [data-testid="note-pane"] > .pane__toolbar')
      .getByRole('button')
  }

  /** The boxes of the header buttons that lie even partly outside the viewport, with their names. */
  async headerButtonsOutsideViewport(): Promise<string[]> {
    const viewport = this.page.viewportSize()!
    const outside: string[] = []
    for (const button of await this.headerButtons().all()) {
      if (!(await button.isVisible())) continue
      const box = (await button.boundingBox())!
      const name = (await button.getAttribute('aria-label')) ?? (await button.innerText())
      if (
        box.x < 0 ||
        box.y < 0 ||
        box.x + box.width > viewport.width ||
        box.y + box.height > viewport.height
      )
        outside.push(`${name} at x ${Math.round(box.x)}–${Math.round(box.x + box.width)}`)
    }
    return outside
  }

  /**
   * Every element of the window scrolled sideways (the page itself, the workspace, the frame), with a
   * description; elements meant to scroll sideways (a wide table or code block in an article) are not counted.
   */
  async scrolledSideways(): Promise<string[]> {
    return this.page.evaluate(() => {
      const scrolled: string[] = []
      if ((document.scrollingElement?.scrollLeft ?? 0) !== 0) scrolled.push('document.scrollingElement')
      for (const element of document.querySelectorAll<HTMLElement>('body *')) {
        if (element.scrollLeft === 0 || element.closest('.reader-body pre, .reader-body table')) continue
        scrolled.push(`${element.tagName.toLowerCase()}.${element.className}`)
      }
      return scrolled
    })
  }

  /** Presses Tab once for each control the window can focus (and a few more), noting what scrolled sideways. */
  async tabThroughEverything(): Promise<string[]> {
    const count = await this.page.evaluate(
      () =>
        document.querySelectorAll(
          'a[href], button:not(:disabled), input:not(:disabled), textarea, select, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]',
        ).length,
    )
    const scrolled = new Set<string>()
    await this.page.locator('body').focus()
    for (let i = 0; i < count + 5; i++) {
      await this.page.keyboard.press('Tab')
      for (const where of await this.scrolledSideways()) scrolled.add(where)
    }
    return [...scrolled]
  }

  /** The width of a pane, in pixels. */
  async widthOf(pane: Locator): Promise<number> {
    return Math.round((await pane.boundingBox())!.width)
  }

  /** Drags a separator sideways by the given number of pixels, as a user with a mouse would. */
  async drag(separator: Locator, dx: number): Promise<void> {
    const box = (await separator.boundingBox())!
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    await this.page.mouse.move(x, y)
    await this.page.mouse.down()
    await this.page.mouse.move(x + dx / 2, y)
    await this.page.mouse.move(x + dx, y)
    await this.page.mouse.up()
  }

  /** Waits until the separator reports itself focused and moved by the keyboard. */
  async pressOn(separator: Locator, key: string, times: number): Promise<void> {
    await separator.focus()
    for (let i = 0; i < times; i++) await separator.press(key)
  }

  async expectSidebarCollapsed(collapsed: boolean): Promise<void> {
    await expect(this.sidebarToggle).toHaveAttribute('aria-expanded', String(!collapsed))
    if (collapsed) await expect(this.sidebar).toHaveCount(0)
    else await expect(this.sidebar).toBeVisible()
  }
}
