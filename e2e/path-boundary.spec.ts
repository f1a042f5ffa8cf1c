// Issue 10: a page (or a script in it) names paths outside the library only as its user allowed. In
// browser mode: the library, the default export folder and folders confirmed on a page of another
// origin; never a hidden file. The user-visible flows keep working.
import { test, expect } from './fixtures'
import { FIRST_IMPORT_TIMEOUT } from './pages/library-page'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SAMPLE_ARTICLE } from '../src-main/testing/corpus'
import { VaultExportPage } from './pages/vault-export-page'

const SAMPLE = SAMPLE_ARTICLE

test.beforeEach(({ app }) => {
  test.skip(
    app.target !== 'browser',
    'browser mode’s allow-list; the desktop app is covered by its unit tests',
  )
})

test('import through the page still works: files and a folder', async ({ app, library }) => {
  await library.importFiles([SAMPLE])
  await expect(library.rows).toHaveCount(1, { timeout: FIRST_IMPORT_TIMEOUT })
  const folder = await mkdtemp(join(tmpdir(), 'commonplace-e2e-folder-'))
  await mkdir(join(folder, 'deeper'))
  await writeFile(join(folder, 'first.md'), '# First reading\n\nA note on the first reading.\n')
  await writeFile(join(folder, 'deeper', 'second.txt'), 'The second reading, plain text.\n')
  await library.importFolder(folder)
  await expect(library.rows).toHaveCount(3)
  expect(await readdir(app.homeDir)).toEqual(['.bashrc'])
})

test('a vault export goes into a folder only once the user allowed it on the confirmation page', async ({
  app,
  notes,
}) => {
  const { page } = app
  await notes.create()
  await notes.rename('Allowed note')
  await notes.editor.click()
  await page.keyboard.type('Into a folder I allowed.')
  await expect(notes.saveStatus).toHaveText(/saved/i)

  const folder = join(app.homeDir, 'Research', 'vault')
  const vault = new VaultExportPage(app)
  await vault.open()
  await vault.chooseFolder(folder)
  await vault.run({ confirm: true })
  await expect(vault.report).toContainText(`Exported 1 note and 0 sources to ${folder}`)
  expect(await readFile(join(folder, 'notes', 'Allowed note.md'), 'utf8')).toContain(
    'Into a folder I allowed.',
  )

  // Declined: nothing is written and the user is told.
  const other = join(app.homeDir, 'Elsewhere')
  await vault.chooseFolder(other)
  await vault.dialog.getByTestId('vault-export-run').click()
  const [confirmation] = await Promise.all([
    page.context().waitForEvent('page'),
    vault.dialog.getByTestId('vault-export-confirm-link').click(),
  ])
  await confirmation.getByTestId('confirm-folder-decline').click()
  await expect(vault.error).toContainText(`You did not allow Commonplace to write into ${other}`)
  expect((await readdir(app.homeDir)).sort()).toEqual(['.bashrc', 'Research'])
})

test('an API call naming a path outside the allowed folders is refused and writes nothing', async ({
  app,
  notes,
}) => {
  const { page } = app
  await notes.create()
  await notes.rename('Payload')
  const bashrc = join(app.homeDir, '.bashrc')
  const before = await readFile(bashrc, 'utf8')

  const replies = await page.evaluate(
    async ({ bashrc, home }) => {
      const token = sessionStorage.getItem('commonplace.token')
      const post = async (route: string, body: unknown) => {
        const response = await fetch(route, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        })
        return { status: response.status, body: (await response.json()) as unknown }
      }
      const notes = (await post('/api/notes.list', {})).body as { result: { id: string }[] }
      const id = notes.result[0]!.id
      return [
        await post('/api/export.noteToFile', { id, path: bashrc }),
        await post('/api/export.vault', { outDir: home }),
        await post('/api/articles.importPaths', { paths: [bashrc] }),
        await post('/api/articles.importablePaths', { paths: [home] }),
      ]
    },
    { bashrc, home: app.homeDir },
  )
  for (const reply of replies) {
    expect(reply.status).toBe(403)
    expect(reply.body).toMatchObject({
      ok: false,
      error: {
        code: 'PATH_REFUSED',
        message: expect.stringMatching(
          /^Browser mode may (read|write) only inside the folders you confirmed/,
        ),
      },
    })
  }
  expect(await readFile(bashrc, 'utf8')).toBe(before)
  expect(await readdir(app.homeDir)).toEqual(['.bashrc'])

  // The page may ask to write into the home folder's hidden parts: refused outright. It may ask for a
  // folder and open the confirmation page, but cannot read it (another origin) to press its button.
  const probe = await page.evaluate(async (home) => {
    const token = sessionStorage.getItem('commonplace.token')
    const ask = (path: string) =>
      fetch('/folders/ask', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ path }),
      }).then(async (response) => ({ status: response.status, body: await response.json() }))
    const hidden = await ask(`${home}/.config/autostart`)
    const asked = (await ask(`${home}/Sneaky`)).body as { result: { confirmUrl: string } }
    const read = await fetch(asked.result.confirmUrl).then(
      () => 'read',
      (error: Error) => error.name,
    )
    return { hidden, read }
  }, app.homeDir)
  expect(probe.hidden.status).toBe(403)
  expect(probe.read).toBe('TypeError')
  expect(await readdir(app.homeDir)).toEqual(['.bashrc'])
})
