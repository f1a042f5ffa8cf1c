import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { test, expect } from './fixtures'
import { callApi } from './pages/api'
import { KeyboardPage } from './pages/keyboard-page'
import { LivePage } from './pages/live-page'
import { themedScreenshots } from './pages/screenshots'
import { startCollabServer, type CollabServer } from '../src-main/core/sync/collab/collab-server'
import { DocumentFiles } from '../src-main/core/sync/collab/document-files'
import { noteContentFromState } from '../src-main/core/sync/collab/note-binding'

const TOKEN = randomBytes(24).toString('hex')
let dir: string
let server: CollabServer

test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'commonplace-e2e-collab-'))
  server = await startCollabServer({ port: 0, dir, token: TOKEN })
})

test.afterEach(async () => {
  await server.stop()
  await rm(dir, { recursive: true, force: true, maxRetries: 5 })
})

test('two pages co-edit one note through the collab server and export the same Markdown', async ({
  app,
  notes,
  browser,
}) => {
  test.skip(
    app.target !== 'browser',
    'the second page is a second browser context on the same browser-mode server',
  )
  const a = new LivePage(app.page)

  // A writes a note, then shares it: A's content seeds the shared document (A is the sharer).
  await notes.create()
  await notes.rename('Shared review')
  await a.typeAtEnd('Opening words from Ada.')
  await expect(app.page.getByTestId('save-status')).toHaveText('Saved')
  await app.page.getByTestId('live-share').click()
  await a.fillDialog({ url: server.url, token: TOKEN, documentName: 'shared-review', userName: 'Ada' })
  await expect(a.status).toHaveText('Live')

  // B, another browser context on the same library, joins from the palette into a new empty note.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    const token = await app.page.evaluate(() => sessionStorage.getItem('commonplace.token'))
    await page.goto(new URL(`/?token=${token}`, app.page.url()).href)
    const b = new LivePage(page)
    await new KeyboardPage({ ...app, page }).runCommand('join live', 'join-live-note')
    await b.fillDialog({ url: server.url, token: TOKEN, documentName: 'shared-review', userName: 'Grace' })
    await expect(b.status).toHaveText('Live')
    await expect(b.editor).toHaveText('Opening words from Ada.')

    // Each sees the other in the presence bar.
    await expect(a.people).toHaveText(['Ada (you)', 'Grace'], { useInnerText: true, ignoreCase: false })
    await expect(b.people).toContainText(['Ada'])

    // Both type at once, Grace at the start and Ada at the end: both end with the same text, holding every
    // letter each typed. (Where the two carets meet — a remote edit can move a caret in the same line —
    // Yjs may interleave the letters; what must hold is that both sides converge and nothing is lost.)
    await Promise.all([a.typeAtEnd(' Ada ends here.'), b.typeAtStart('Grace begins here. ')])
    const letters = (text: string) => [...text.replace(/\s/g, '')].sort().join('')
    await expect
      .poll(async () => {
        const [left, right] = [await a.editor.innerText(), await b.editor.innerText()]
        return left === right ? letters(left) : `${left} ≠ ${right}`
      })
      .toBe(letters('Grace begins here. Opening words from Ada. Ada ends here.'))
    const text = await a.editor.innerText()
    // Still both there after typing.
    await expect(a.people).toHaveText(['Ada (you)', 'Grace'])

    // A's caret is drawn in B's note with A's name.
    await a.editor.click()
    await expect(page.locator('.live-caret__name', { hasText: 'Ada' })).toBeVisible()

    // Both notes reach the library from the shared document, and export the text they show.
    const noteIds = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('commonplace.live.n_'))
        .map((key) => key.slice('commonplace.live.'.length)),
    )
    const sharedIds = await app.page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('commonplace.live.n_'))
        .map((key) => key.slice('commonplace.live.'.length)),
    )
    for (const id of [...sharedIds, ...noteIds]) {
      await expect
        .poll(async () => (await callApi<{ markdown: string }>(app.page, 'export.note', { id })).markdown)
        .toContain(text.trim())
    }
    await themedScreenshots(app.page, 'live-coediting', a.editor)
    await themedScreenshots(page, 'live-coediting-joined', b.editor)
  } finally {
    await context.close()
  }
})

test('a wrong token is refused, and the note says so', async ({ app, notes }) => {
  const a = new LivePage(app.page)
  await notes.create()
  await a.typeAtEnd('Words that stay here.')
  // Reached from the keyboard too (Ctrl/⌘+K in the text makes a link): the palette opens the dialog.
  await new KeyboardPage(app).runCommand('share the note live', 'share-live-note', 'ControlOrMeta+Shift+P')
  await expect(app.page.getByTestId('live-url')).toBeFocused()
  await themedScreenshots(app.page, 'live-share-dialog', app.page.getByTestId('live-share-dialog'))
  await a.fillDialog({
    url: server.url,
    token: 'wrong-token-wrong-token',
    documentName: 'refused',
    userName: 'Ada',
  })
  await expect(a.status).toHaveText(/Refused: The collab server refused the token/)
  // Nothing was shared or saved over the note: stopping brings its words back from the library.
  await app.page.getByTestId('live-stop').click()
  await expect(app.page.getByTestId('live-bar')).toBeHidden()
  await expect(a.editor).toHaveText('Words that stay here.')
})

test('what is typed while the server is down reaches it when it is back', async ({ app, notes }) => {
  const a = new LivePage(app.page)
  await notes.create()
  await a.typeAtEnd('Written online.')
  await app.page.getByTestId('live-share').click()
  await a.fillDialog({ url: server.url, token: TOKEN, documentName: 'offline-note', userName: 'Ada' })
  await expect(a.status).toHaveText('Live')

  const port = server.port
  await server.stop()
  await expect(a.status).toHaveText('Offline — reconnecting; your edits are kept')
  await a.typeAtEnd(' Written offline.')
  server = await startCollabServer({ port, dir, token: TOKEN })
  await expect(a.status).toHaveText('Live')
  await expect
    .poll(async () => {
      const stored = await new DocumentFiles(dir).read('offline-note')
      return stored ? JSON.stringify(await noteContentFromState(stored)) : ''
    })
    .toContain('Written online. Written offline.')
})
