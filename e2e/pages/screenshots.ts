import { join } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import { REPO_ROOT } from '../target'

/** Set E2E_SCREENSHOTS=1 to write the README's screenshots into docs/screenshots. */
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : null

/**
 * Writes `<name>.png` (1440×900) and `<name>-1024.png` (1024×700), with `focus` scrolled into view at
 * each size, then gives the page its own size back.
 */
export async function screenshotSizes(page: Page, name: string, focus: Locator): Promise<void> {
  if (!SCREENSHOTS) return
  const size = page.viewportSize()
  for (const [width, height, suffix] of [
    [1440, 900, ''],
    [1024, 700, '-1024'],
  ] as const) {
    await page.setViewportSize({ width, height })
    await focus.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SCREENSHOTS, `${name}${suffix}.png`) })
  }
  if (size) await page.setViewportSize(size)
}

/** screenshotSizes in the light and the dark theme (the app follows the OS's): `<name>-light`, `<name>-dark`. */
export async function themedScreenshots(page: Page, name: string, focus: Locator): Promise<void> {
  if (!SCREENSHOTS) return
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    await screenshotSizes(page, `${name}-${theme}`, focus)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}
