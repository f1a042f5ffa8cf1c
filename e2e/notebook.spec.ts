import { test, expect } from './fixtures'
import { FIRST_IMPORT_TIMEOUT } from './pages/library-page'
import { SAMPLE_ARTICLE } from '../src-main/testing/corpus'
import MarkdownIt from 'markdown-it'
import { join } from 'node:path'
import { REPO_ROOT } from './target'

const SAMPLE = SAMPLE_ARTICLE
const SENTENCE = 'The U.S., Turkey and Iran have all criticized the vote.'
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : null

test('import an article, excerpt it into a note, and export the note as Markdown', async ({
  app,
  library,
  reader,
  notes,
}) => {
  const { page } = app

  // A fresh library offers the sample article and a file chooser.
  await expect(page.getByRole('button', { name: /import the sample article/i })).toBeVisible()
  await library.importFiles([SAMPLE])
  await expect(library.importResult).toContainText('Imported', { timeout: FIRST_IMPORT_TIMEOUT })
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText('Iraq Kurdish Referendum 2017')
  await expect(library.rows.first()).toContainText('iraq-kurdish-referendum-2017.txt')
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'library.png') })

  // Importing the same file again is recognised, not stored twice.
  await library.importFiles([SAMPLE])
  await expect(library.importResult).toContainText(/already in the library/i)
  await expect(library.rows).toHaveCount(1)

  // Read it and cut an excerpt.
  await library.open('Iraq Kurdish Referendum 2017')
  await expect(reader.root).toContainText('Iraq’s prime minister today dismissed')
  await reader.select(SENTENCE)
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(1)
  await expect(reader.excerptItems.first()).toContainText(SENTENCE)
  await expect(reader.root.locator('mark.excerpt', { hasText: 'criticized the vote' })).toBeVisible()
  await reader.root.locator('mark.excerpt').first().scrollIntoViewIfNeeded()
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'reader.png') })

  // Write a note: a heading, a paragraph with bold, then the excerpt.
  await notes.create()
  await notes.rename('Reading the referendum')
  await notes.editor.click()
  await page.keyboard.type('# Why the vote matters')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Neighbours reacted ')
  await page.keyboard.press('ControlOrMeta+b')
  await page.keyboard.type('strongly')
  await page.keyboard.press('ControlOrMeta+b')
  await page.keyboard.type(' to the result.')
  await page.keyboard.press('Enter')
  await reader.excerptItems
    .first()
    .getByRole('button', { name: /insert/i })
    .click()
  await expect(notes.excerptBlocks).toHaveCount(1)
  await expect(notes.excerptBlocks.first()).toContainText(SENTENCE)
  await expect(notes.saveStatus).toHaveText(/saved/i)
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'editor.png') })

  // Everything is on disk: a reload brings it all back.
  await app.reload()
  await notes.open('Reading the referendum')
  await expect(notes.editor.locator('h1')).toHaveText('Why the vote matters')
  await expect(notes.editor.locator('strong, b').first()).toHaveText('strongly')
  await expect(notes.excerptBlocks).toHaveCount(1)

  // The excerpt block leads back to the passage, highlighted.
  await notes.excerptBlocks.first().click()
  await expect(reader.activeHighlight.first()).toBeVisible()
  await expect(reader.activeHighlight.first()).toContainText('Turkey and Iran')
  await expect(reader.activeHighlight.first()).toBeInViewport()

  // Export: heading, bold, the quote as a block quote, and the citation.
  const { path, markdown } = await notes.exportMarkdown()
  expect(path.endsWith('.md')).toBe(true)
  const tokens = new MarkdownIt().parse(markdown, {})
  const types = tokens.map((t) => t.type)
  const inlineTypes = tokens.flatMap((t) => t.children ?? []).map((t) => t.type)
  expect(tokens.find((t) => t.type === 'heading_open' && t.tag === 'h1')).toBeTruthy()
  expect(markdown).toContain('# Reading the referendum')
  expect(markdown).toContain('# Why the vote matters')
  expect(markdown).toContain('**strongly**')
  expect(inlineTypes).toContain('strong_open')
  expect(types).toContain('blockquote_open')
  const quoted = tokens.slice(types.indexOf('blockquote_open'), types.indexOf('blockquote_close'))
  const quotedText = quoted.map((t) => t.content).join('\n')
  expect(quotedText).toContain(SENTENCE)
  expect(quotedText).toContain('Iraq Kurdish Referendum 2017')
  expect(quotedText).toMatch(/ex-[a-z0-9]+/)
})
