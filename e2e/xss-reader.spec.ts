import { readFileSync, readdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { JSDOM } from 'jsdom'
import { test, expect } from './fixtures'
import { corpusFile } from '../src-main/testing/corpus'
import { collect, openWatched, proveWatching, unsafeNodes } from './script-watch'
import { LibraryPage } from './pages/library-page'
import { ReaderPage } from './pages/reader-page'
import { NotePage } from './pages/note-page'

// The XSS corpus (../shared/corpus/xss: 529 vectors) rendered in real Chromium with the window's
// Content-Security-Policy switched off, so that the sanitizers alone are proven, and every count must
// be 0: script calls (alert, confirm, prompt, print, open, document.write, recorded in every frame),
// dialogs, requests leaving the loopback server (also blocked), navigations, frames and windows.
// In the reader: all 529 vectors as saved pages (16 pages: a vector such as <plaintext> or an unclosed
// comment swallows the rest of a page, so a page ends after each of those — see vectorGroups), the same
// 16 groups raw on disk (a content.html holding them unsanitized, as a tampered or foreign library
// would: only the reader's own sanitizer stands), all of them and remote media in one Markdown file, and
// as one text file: 34 articles. In notes: 8 quotes of vectors inserted with the reader's Insert button,
// all vectors and the 11 Joplin Markdown regressions imported as a note, and a note whose text nodes,
// links and styles carry them.

const XSS = corpusFile('xss')
const VECTORS = (JSON.parse(readFileSync(join(XSS, 'all.json'), 'utf8')) as { payload: string }[]).map(
  (vector) => vector.payload,
)
const JOPLIN = readdirSync(join(XSS, 'joplin-md')).map((name) =>
  readFileSync(join(XSS, 'joplin-md', name), 'utf8'),
)
const FIRST_WORDS = 'These are the first words of the file.'
const NOTHING = { calls: [], dialogs: [], externalRequests: [], navigations: [] }

test.skip(({ app }) => app.target !== 'browser', 'needs a browser context whose CSP can be switched off')

/** Calls the API from the page, as the app does in browser mode. */
async function callApi(page: Page, name: string, input: unknown): Promise<Record<string, unknown>> {
  const reply = await page.evaluate(
    async ({ name, input }) => {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('commonplace.token')}` },
        body: JSON.stringify(input),
      })
      return (await response.json()) as { ok: boolean; result?: unknown; error?: { message: string } }
    },
    { name, input },
  )
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`)
  return reply.result as Record<string, unknown>
}

async function importFile(page: Page, name: string, text: string): Promise<string> {
  const dataBase64 = Buffer.from(text, 'utf8').toString('base64')
  const [outcome] = (await callApi(page, 'articles.import', {
    files: [{ name, dataBase64 }],
  })) as unknown as {
    articleId: string
    message: string
  }[]
  if (!outcome?.articleId) throw new Error(outcome?.message)
  return outcome.articleId
}

/**
 * The vectors in groups that each reach the parser as markup: a group ends after a vector that leaves
 * the HTML parser unable to read what follows (raw text to the end, an unclosed comment…), found by
 * parsing with jsdom whether an element after it is still an element.
 */
function vectorGroups(): string[][] {
  const { window } = new JSDOM('')
  const reachesPast = (html: string) => {
    const probe = window.document.createElement('div')
    probe.innerHTML = `${html}<div title="after">after</div>`
    return probe.querySelector('div[title="after"]') !== null
  }
  const groups: string[][] = [[]]
  for (const vector of VECTORS) {
    groups[groups.length - 1]!.push(`<div>${vector}</div>`)
    if (!reachesPast(groups[groups.length - 1]!.join('\n'))) groups.push([])
  }
  window.close()
  return groups.filter((group) => group.length > 0)
}

const REMOTE_MEDIA = `<video src="https://media.example/v.mp4" poster="https://media.example/p.jpg" autoplay controls><source src="https://media.example/v.webm"></video>
<audio src="https://media.example/a.mp3" autoplay></audio><img src="https://media.example/i.png" srcset="https://media.example/2x.png 2x" alt="remote">
<table background="https://media.example/t.png"><tr><td background="https://media.example/c.png">cell</td></tr></table>`
const asMarkdown = (title: string) =>
  `# ${title}\n\n${FIRST_WORDS}\n\n${REMOTE_MEDIA}\n\n${[...VECTORS, ...JOPLIN].join('\n\n')}\n`

test('the XSS corpus shown in the reader runs nothing, loads nothing and goes nowhere', async ({
  app,
  browser,
}) => {
  test.setTimeout(300_000)
  const { page, context, seen } = await openWatched(browser, app.page)
  await proveWatching(page, seen)
  const library = new LibraryPage({ ...app, page })
  const reader = new ReaderPage({ ...app, page })
  // Rows are found by file name: a vector may carry a <title> or og:title that becomes the article's.
  const files: string[] = []
  for (const [index, group] of vectorGroups().entries()) {
    const n = index + 1
    await importFile(
      page,
      `page-${n}.html`,
      `<!doctype html><body><p>${FIRST_WORDS} (${n})</p>${group.join('\n')}</body>`,
    )
    // Raw on disk: the stored body replaced by the vectors as they are; only the reader's sanitizer stands.
    const raw = await importFile(page, `raw-on-disk-${n}.txt`, `${FIRST_WORDS} (raw ${n})`)
    await writeFile(
      join(app.libraryDir, 'articles', raw, 'content.html'),
      `<p>${FIRST_WORDS}</p>${group.join('\n')}`,
    )
    files.push(`page-${n}.html`, `raw-on-disk-${n}.txt`)
  }
  await importFile(page, 'vectors.md', asMarkdown('Vectors in Markdown <img src=x onerror=alert(1)>'))
  await importFile(page, 'vectors-as-text.txt', `${FIRST_WORDS}\n\n${VECTORS.join('\n\n')}`)
  files.push('vectors.md', 'vectors-as-text.txt')
  await page.reload()

  for (const file of files) {
    await library.reveal(file) // fails fast if it is not there
    await library.open(file)
    await expect(reader.root.locator('.reader-body')).toContainText(FIRST_WORDS)
    await page.waitForTimeout(700) // handlers such as onerror, onload and onfocus would fire within it
    expect(await unsafeNodes(page, '.reader-body'), file).toEqual([])
  }
  // The remote media of the Markdown file wait for a click, each behind its placeholder.
  await library.open('vectors.md')
  await expect(reader.root.locator('.reader-body .remote-media')).toHaveCount(2)
  await expect(reader.root.locator('.reader-body button.remote-image').first()).toHaveText(
    'Load image from media.example',
  )
  expect(await collect(page, seen)).toEqual(NOTHING)
  await context.close()
})

test('notes holding the vectors — inserted quotes, imported Markdown, links and styles — run and load nothing', async ({
  app,
  browser,
}) => {
  test.setTimeout(240_000)
  const { page, context, seen } = await openWatched(browser, app.page)
  await proveWatching(page, seen)
  const library = new LibraryPage({ ...app, page })
  const reader = new ReaderPage({ ...app, page })
  const notes = new NotePage({ ...app, page })

  // Quotes of vectors, made into excerpts and inserted into a note with the reader's Insert button.
  const articleId = await importFile(page, 'vectors-to-quote.txt', VECTORS.join('\n\n'))
  const quoted = VECTORS.filter((v) => !/\s\s|\n/.test(v) && v.length < 200).slice(0, 8)
  for (const quote of quoted) await callApi(page, 'excerpts.addQuote', { articleId, quote: quote.trim() })
  await page.reload()
  await notes.create()
  await notes.rename('Quoted vectors')
  await library.open('Vectors To Quote')
  await reader.openExcerptMargin() // beside a note the reader is narrow: its margin is a drawer
  await expect(reader.excerptItems).toHaveCount(quoted.length)
  for (let index = 0; index < quoted.length; index++)
    await reader.excerptItems
      .nth(index)
      .getByRole('button', { name: /insert/i })
      .click()
  await expect(notes.excerptBlocks).toHaveCount(quoted.length)

  // Every vector and the Joplin regressions as a Markdown note, and a note built of hostile nodes.
  await callApi(page, 'notes.importMarkdown', {
    files: [{ name: 'Imported vectors.md', text: asMarkdown('Imported vectors') }],
  })
  const built = (await callApi(page, 'notes.create', { title: 'Built vectors' })) as { id: string }
  await callApi(page, 'notes.save', { id: built.id, content: hostileNote() })
  await page.reload()
  for (const title of ['Quoted vectors', 'Imported vectors', 'Built vectors']) {
    await notes.open(title)
    await expect(notes.editor).toContainText(
      title === 'Quoted vectors' ? quoted[0]!.trim().slice(0, 20) : FIRST_WORDS,
    )
    await page.waitForTimeout(1500)
    expect(await unsafeNodes(page, '[data-testid="note-editor"]'), title).toEqual([])
  }
  expect(await collect(page, seen)).toEqual(NOTHING)
  await context.close()
})

/** A note whose text nodes are the vectors, with links to them and to javascript:, and CSS that would fetch. */
function hostileNote() {
  const text = (value: string, style = '') => ({
    type: 'text',
    version: 1,
    text: value,
    format: 0,
    style,
    mode: 'normal',
    detail: 0,
  })
  const paragraph = (children: unknown[]) => ({
    type: 'paragraph',
    version: 1,
    children,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
  })
  const link = (url: string) => ({
    type: 'link',
    version: 1,
    url,
    rel: null,
    target: null,
    title: null,
    children: [text(url.slice(0, 30))],
    direction: null,
    format: '',
    indent: 0,
  })
  const children = [
    ...VECTORS.map((vector) => paragraph([text(vector), link(vector)])),
    paragraph([
      link('javascript:alert(1)'),
      link('JaVaScRiPt:alert(1)'),
      link('data:text/html,<script>alert(1)</script>'),
    ]),
    paragraph([text('styled', 'background-image: url(https://media.example/style.png)')]),
    paragraph([text(FIRST_WORDS)]),
  ]
  return { root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } }
}
