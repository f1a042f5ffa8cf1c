import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test as base, expect } from './fixtures'
import { FIRST_IMPORT_TIMEOUT } from './pages/library-page'
import { KeyboardPage } from './pages/keyboard-page'
import { SAMPLE_ARTICLE } from '../src-main/testing/corpus'
import { COMMAND_IDS } from '../src-main/core/commands'
import { themedScreenshots } from './pages/screenshots'

const test = base.extend<{ keys: KeyboardPage }>({
  keys: async ({ app }, use) => use(new KeyboardPage(app)),
})

const TITLE = 'Iraq Kurdish Referendum 2017'

test('the whole journey by keyboard: import, open, select, excerpt, new note, insert, export', async ({
  app,
  library,
  reader,
  notes,
  keys,
}) => {
  const { page } = app
  await expect(page.getByRole('button', { name: /import the sample article/i })).toBeVisible()

  // 1. Import: Ctrl/⌘+Shift+O opens the file chooser (the operating system's dialog picks the file).
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.keyboard.press('ControlOrMeta+Shift+O'),
  ])
  await chooser.setFiles([SAMPLE_ARTICLE])
  await expect(library.rows).toHaveCount(1, { timeout: FIRST_IMPORT_TIMEOUT })

  // 2. Open: the quick switcher finds it by part of its title; focus goes into the article's text.
  await keys.switchTo('kurd ref', TITLE)
  const body = reader.root.getByTestId('reader-body')
  await expect(body).toBeFocused()
  await expect(reader.root.getByTestId('reader-caret')).toBeVisible()

  // 3. Select a passage: the caret moves down a line, then Shift+Ctrl+→ takes whole words.
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  // Word by word until five words are held (quote marks are steps of their own, and where the line
  // breaks depends on the window's width).
  const wordsHeld = async () => (await keys.selectedText()).trim().split(/\s+/).filter(Boolean).length
  for (let step = 0; step < 12 && (await wordsHeld()) < 5; step++)
    await page.keyboard.press('Shift+ControlOrMeta+ArrowRight')
  const selected = (await keys.selectedText()).trim()
  expect(selected.split(/\s+/).length).toBeGreaterThanOrEqual(5)
  // It began two letters into a word and was snapped to the word's start.
  const text = (await body.textContent()) ?? ''
  const at = text.indexOf(selected)
  expect(at).toBeGreaterThanOrEqual(0)
  expect(text[at - 1] ?? ' ').toMatch(/[\s\p{P}]/u)

  // 4. Excerpt: Ctrl/⌘+E keeps exactly that passage.
  await page.keyboard.press('ControlOrMeta+e')
  await expect(reader.excerptItems).toHaveCount(1)
  await expect(reader.excerptItems.first()).toContainText(selected)
  await expect(body).toBeFocused()

  // 5. New note from the palette: focus lands in its title; Enter goes on into the text.
  await keys.runCommand('new note', 'new-note')
  await expect(notes.titleField).toBeFocused()
  await page.keyboard.type('Keyboard journey')
  await page.keyboard.press('Enter')
  await expect(notes.editor).toBeFocused()
  await expect(notes.currentRow).toContainText('Keyboard journey')
  await page.keyboard.type('Why it matters:')
  await page.keyboard.press('Enter')

  // 6. Insert the excerpt: back to the article with Shift+F6, then Tab to its Insert button.
  await page.keyboard.press('Shift+F6')
  await expect(body).toBeFocused()
  await keys.tabTo(reader.excerptItems.first().getByRole('button', { name: 'Insert into note' }))
  await page.keyboard.press('Enter')
  await expect(notes.excerptBlocks).toHaveCount(1)
  await expect(notes.excerptBlocks.first()).toContainText(selected)
  await expect(notes.saveStatus).toHaveText(/saved/i)

  // 7. Export from the palette (Ctrl/⌘+Shift+P: in the note's text Ctrl/⌘+K makes a link).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    keys.runCommand('export note', 'export-note', 'ControlOrMeta+Shift+P'),
  ])
  const path = join(app.downloadDir, download.suggestedFilename())
  await download.saveAs(path)
  const markdown = await readFile(path, 'utf8')
  expect(markdown).toContain('# Keyboard journey')
  expect(markdown).toContain('Why it matters:')
  expect(markdown).toContain(selected.split(/\s+/).slice(0, 3).join(' '))
})

test('Ctrl+A in the article selects only its text, and Ctrl+E excerpts that, not the window', async ({
  library,
  reader,
  app,
  keys,
}) => {
  await library.importSample()
  await library.open(TITLE)
  const body = reader.root.getByTestId('reader-body')
  await expect(body).toContainText('Iraq’s prime minister')
  await body.focus()
  await app.page.keyboard.press('ControlOrMeta+a')
  const selected = await keys.selectedText()
  expect(selected.trim()).toBe(((await body.innerText()) ?? '').trim())
  expect(selected).not.toContain('Library')
  expect(selected).not.toContain('Not cited in any note yet')
  // Escape drops the selection and keeps focus in the article.
  await app.page.keyboard.press('Escape')
  expect(await keys.selectedText()).toBe('')
  await expect(body).toBeFocused()

  // Ctrl/⌘+E then excerpts the article's words, none of the window around them.
  await app.page.keyboard.press('ControlOrMeta+a')
  await app.page.keyboard.press('ControlOrMeta+e')
  await expect(reader.excerptItems).toHaveCount(1)
  const quote = (await reader.excerptItems.first().getByTestId('excerpt-quote').innerText()).trim()
  expect(quote.startsWith('Iraq’s prime minister')).toBe(true)
  expect(quote).not.toContain('Not cited in any note yet')
  expect(quote).not.toContain('Update from a new version')
})

test('the palette lists every command with its keys and runs them', async ({ app, library, notes, keys }) => {
  const { page } = app
  // Import the sample from the palette.
  await keys.runCommand('sample', 'import-sample')
  await expect(library.rows).toHaveCount(1, { timeout: FIRST_IMPORT_TIMEOUT })

  // Every command of the table, with its keys; the ones that cannot act now are greyed.
  await page.keyboard.press('ControlOrMeta+Shift+P')
  await expect(keys.palette).toBeVisible()
  await expect(keys.paletteItems.filter({ hasText: 'Export note as Markdown' })).toHaveAttribute(
    'data-disabled',
    'true',
  )
  await expect(keys.paletteItems.filter({ hasText: 'New note' }).locator('kbd').first()).toHaveText(
    /Ctrl\+N|⌘N/,
  )
  await expect(keys.paletteItems).toHaveCount(COMMAND_IDS.length - 1)
  // Escape closes it and gives the focus back to where it was.
  await page.keyboard.press('Escape')
  await expect(keys.palette).toBeHidden()

  // New note, then Close the note, then the search box, then the switcher and the shortcuts sheet.
  await keys.runCommand('new', 'new-note')
  await expect(notes.titleField).toBeFocused()
  await keys.runCommand('close the note', 'close-note')
  await expect(page.getByTestId('note-pane')).toHaveCount(0)
  await expect(keys.focused).toHaveCount(1)
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false)

  await keys.runCommand('srch everything', 'search')
  await expect(page.getByTestId('search-input')).toBeFocused()

  await keys.runCommand('open an article', 'quick-switcher')
  await expect(keys.switcher).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(keys.switcher).toBeHidden()
  await expect(page.getByTestId('search-input')).toBeFocused()

  await keys.runCommand('shortcuts', 'shortcuts')
  await expect(keys.shortcutsSheet).toBeVisible()
  await page.keyboard.press('Escape')

  // With words typed, the palette offers to search everywhere for them.
  await page.keyboard.press('ControlOrMeta+k')
  await page.keyboard.type('Kurdish')
  const searchEverywhere = keys.palette.locator('[data-command="search-everywhere"]')
  await expect(searchEverywhere).toContainText('Search everywhere for “Kurdish”')
  await themedScreenshots(page, 'palette', keys.palette)
  // ↑ from the first entry wraps round to the last: the search.
  await page.keyboard.press('ArrowUp')
  await expect(searchEverywhere).toHaveAttribute('data-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('search-input')).toHaveValue('Kurdish')
  await expect(page.getByTestId('search-hit').first()).toBeVisible()
})

test('the quick switcher opens a note and an article by part of their titles', async ({
  app,
  library,
  reader,
  notes,
  keys,
}) => {
  const { page } = app
  await library.importSample()
  await notes.create()
  await notes.rename('Field notes on lichens')
  // Focus is in the note's text, where Ctrl/⌘+K makes a link: the palette's other chord.
  await keys.runCommand('close note', 'close-note', 'ControlOrMeta+Shift+P')

  // A note: focus goes into its text.
  await keys.switchTo('lichen', 'Field notes on lichens')
  await expect(notes.titleField).toHaveValue('Field notes on lichens')
  await expect(notes.editor).toBeFocused()

  // An article, with Ctrl/⌘+P this time: focus goes into the article's text.
  await keys.runCommand('close the art', 'close-article', 'ControlOrMeta+Shift+P')
  await expect(reader.root).toHaveCount(0)
  await keys.switchTo('referendum', TITLE, 'ControlOrMeta+p')
  await expect(reader.root.getByTestId('reader-body')).toBeFocused()

  // Words of the text, not of a title: the switcher lists full-text matches and a search for them.
  await page.keyboard.press('ControlOrMeta+o')
  await page.keyboard.type('prime minister')
  await expect(keys.switcher.getByTestId('switcher-hit').first()).toContainText(TITLE)
  await expect(keys.switcher.getByTestId('switcher-search')).toContainText(
    'Search everywhere for “prime minister”',
  )
  await page.keyboard.press('Escape')
  await expect(keys.switcher).toBeHidden()
  await expect(reader.root.getByTestId('reader-body')).toBeFocused()
})

test('the shortcuts sheet opens with ? and F1, lists the table, and Escape goes back', async ({
  app,
  library,
  notes,
  keys,
}) => {
  const { page } = app
  await library.importSample()
  const newNote = page.getByTestId('new-note')
  await newNote.focus()
  await page.keyboard.press('?')
  await expect(keys.shortcutsSheet).toBeVisible()
  for (const id of COMMAND_IDS) {
    await expect(
      keys.shortcutsSheet.locator(`[data-testid="shortcut-row"][data-command="${id}"]`),
    ).toHaveCount(1)
  }
  await expect(
    keys.shortcutsSheet.locator('[data-testid="shortcut-row"][data-command="command-palette"]'),
  ).toContainText(/Ctrl\+K|⌘K/)
  await themedScreenshots(page, 'shortcuts', keys.shortcutsSheet)
  await page.keyboard.press('Escape')
  await expect(keys.shortcutsSheet).toBeHidden()
  await expect(newNote).toBeFocused()

  await page.keyboard.press('F1')
  await expect(keys.shortcutsSheet).toBeVisible()
  await page.keyboard.press('F1')
  await expect(keys.shortcutsSheet).toBeHidden()

  // While typing, ? is a question mark.
  await notes.create()
  await notes.editor.click()
  await page.keyboard.type('Why?')
  await expect(keys.shortcutsSheet).toBeHidden()
  await expect(notes.editor).toContainText('Why?')
})

test('Enter on New note moves focus into the new title, never leaving it on the button', async ({
  app,
  library,
  reader,
  notes,
}) => {
  const { page } = app
  await library.importSample()
  await expect(reader.root).toContainText(TITLE)
  const newNote = page.getByTestId('new-note')

  // With an article open, three times over: each Enter makes one note and focus is in its title.
  for (let round = 1; round <= 3; round++) {
    await newNote.focus()
    await page.keyboard.press('Enter')
    await expect(notes.rows).toHaveCount(round)
    await expect(notes.titleField).toBeFocused()
    // A second Enter saves the title and goes into the text: no second note.
    await page.keyboard.press('Enter')
    await expect(notes.editor).toBeFocused()
    await expect(notes.rows).toHaveCount(round)
  }
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false)
})
