import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { VaultExportPage } from './pages/vault-export-page'

// A library folder is plain files that a person or a sync tool can break. A note whose file is gone
// used to open as an empty note (and the next keystroke saved the loss); now the editor says which
// file is missing and where backups are, and offers what it can. A vault export used to fail whole
// on one unreadable note; now the dialog lists what it left out and why.

test('a note whose file is missing says so, names the file, and can be started again, empty', async ({
  app,
  notes,
}) => {
  const { page } = app
  await notes.create()
  await notes.rename('Vanished')
  await notes.editor.click()
  await page.keyboard.type('Words that will be lost.')
  await expect(notes.saveStatus).toHaveText(/saved/i)
  const noteId = await page
    .getByTestId('note-row')
    .filter({ hasText: 'Vanished' })
    .getAttribute('data-note-id')
  const file = join(app.libraryDir, 'notes', `${noteId}.json`)
  await rm(file)
  await app.reload()
  await notes.select('Vanished')

  const error = page.getByTestId('note-editor-error')
  await expect(error).toHaveAttribute('data-code', 'LIBRARY_FILE_MISSING')
  await expect(error).toContainText(`its file ${file} is missing`)
  await expect(error).toContainText('.commonplace/backups')
  await expect(error).toContainText('commonplace doctor')
  await expect(notes.editor).toBeHidden() // nothing to type into, so nothing is saved over the loss

  await error.getByTestId('note-start-empty').click()
  await expect(notes.editor).toBeVisible()
  await notes.editor.click()
  await page.keyboard.type('A fresh start.')
  await expect(notes.saveStatus).toHaveText(/saved/i)
  await app.reload()
  await notes.open('Vanished')
  await expect(notes.editor).toContainText('A fresh start.')
})

test('Export library as vault… lists a note it could not read, with the reason, and exports the rest', async ({
  app,
  notes,
}) => {
  const { page } = app
  for (const title of ['Readable', 'Holds five']) {
    await notes.create()
    await notes.rename(title)
    await notes.editor.click()
    await page.keyboard.type(`The words of ${title}.`)
    await expect(notes.saveStatus).toHaveText(/saved/i)
  }
  const noteId = await page
    .getByTestId('note-row')
    .filter({ hasText: 'Holds five' })
    .getAttribute('data-note-id')
  await writeFile(join(app.libraryDir, 'notes', `${noteId}.json`), '5')
  await notes.open('Readable')

  // The default export folder: browser mode writes there without asking.
  const out = join(app.homeDir, 'Commonplace vault')
  const vault = new VaultExportPage(app)
  await vault.open()
  await vault.chooseFolder(out)
  await vault.run()
  await expect(vault.report).toContainText('Exported 2 notes')
  const skipped = vault.dialog.getByTestId('vault-export-skipped')
  await expect(skipped).toContainText('Note “Holds five”')
  await expect(skipped).toContainText(
    'does not hold a note (the file holds the number 5, where an object was expected)',
  )
})
