import { test, expect } from './fixtures'
import { SettingsPage } from './pages/settings-page'

const SAMPLE_TITLE = 'Iraq Kurdish Referendum 2017'

test('the theme follows the system until one is chosen, and the choice survives a reload', async ({
  app,
}) => {
  const { page } = app
  const settings = new SettingsPage(app)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(() => settings.shownTheme()).toBe('dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => settings.shownTheme()).toBe('light')

  await settings.open()
  await settings.choose('Theme', 'dark')
  await expect.poll(() => settings.shownTheme()).toBe('dark')
  // The page itself is dark, not just marked so.
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(background).toBe('rgb(27, 26, 24)')
  await settings.close()

  await app.reload()
  await expect.poll(() => settings.shownTheme()).toBe('dark')
  await settings.open()
  await expect(settings.dialog.getByLabel('Theme')).toHaveValue('dark')
})

test('reading settings set the article’s font, size, line width and line height, and survive a reload', async ({
  app,
  library,
  reader,
}) => {
  const settings = new SettingsPage(app)
  await library.importSample()
  await library.open(SAMPLE_TITLE)
  const body = reader.root.locator('.reader-body')
  await expect(body).toContainText('Iraq’s prime minister')
  await expect(body).toHaveCSS('font-size', '18px')

  await settings.open()
  await settings.choose('Font', 'sans')
  await settings.choose('Text size', '22')
  await settings.choose('Line width', '55')
  await settings.choose('Line height', '2')
  await settings.close()
  const expectReadingSettings = async () => {
    await expect(body).toHaveCSS('font-size', '22px')
    await expect(body).toHaveCSS('line-height', '44px')
    expect(await body.evaluate((element) => getComputedStyle(element).fontFamily)).toMatch(/sans-serif$/)
    // 55 characters of a 22 px font: well under the default 70.
    const width = await body.evaluate((element) => element.getBoundingClientRect().width)
    expect(width).toBeLessThan(22 * 55)
  }
  await expectReadingSettings()

  await app.reload()
  await library.open(SAMPLE_TITLE)
  await expect(body).toContainText('Iraq’s prime minister')
  await expectReadingSettings()
  await settings.open()
  await expect(settings.dialog.getByLabel('Text size')).toHaveValue('22')
  await expect(settings.dialog.getByLabel('Font')).toHaveValue('sans')
  await expect(settings.dialog.getByTestId('settings-library-folder')).toHaveText(app.libraryDir)
})
