import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { SettingsPage } from './pages/settings-page'
import { KeyboardPage } from './pages/keyboard-page'

// Settings ▸ Export ▸ Default folder and Settings ▸ Library ▸ Folder, in browser mode: a folder is
// kept only once the user allowed it on the confirmation page, and the vault export starts there.

test('the default export folder is kept only once allowed, and the vault export starts there', async ({
  app,
}) => {
  const { page } = app
  const settings = new SettingsPage(app)
  await settings.open()
  const field = settings.dialog.getByTestId('settings-export-folder')
  // The built-in default first.
  await expect(field).toHaveValue(join(app.homeDir, 'Commonplace vault'))

  // A relative path is refused, naming why; the setting stays as it was.
  await field.fill('vaults/research')
  await settings.dialog.getByTestId('settings-export-folder-save').click()
  await expect(settings.dialog.getByRole('alert')).toContainText('full path')

  // A folder not allowed yet waits for the user's word on the confirmation page.
  const chosen = join(await mkdtemp(join(tmpdir(), 'commonplace-default-vault-')), 'Research vault')
  await field.fill(chosen)
  await settings.dialog.getByTestId('settings-export-folder-save').click()
  const [confirmation] = await Promise.all([
    page.context().waitForEvent('page'),
    settings.dialog.getByTestId('vault-export-confirm-link').click(),
  ])
  await confirmation.getByTestId('confirm-folder-allow').click()
  await confirmation.getByTestId('confirm-folder-done').waitFor()
  await confirmation.close()
  await expect(settings.dialog.getByRole('button', { name: /Use the default/ })).toBeVisible()
  await expect(field).toHaveValue(chosen)
  await settings.close()

  // Kept in the library: after a reload the vault export offers it and writes there without asking.
  await app.reload()
  await new KeyboardPage(app).runCommand('export library as vault', 'export-vault')
  const dialog = page.getByTestId('vault-export-dialog')
  await expect(dialog.getByTestId('vault-export-folder')).toHaveValue(chosen)
  await dialog.getByTestId('vault-export-run').click()
  await expect(dialog.getByTestId('vault-export-where')).toHaveText(chosen)
  await dialog.getByRole('button', { name: 'Close' }).click()

  // Back to the default.
  await settings.open()
  await settings.dialog.getByRole('button', { name: /Use the default/ }).click()
  await expect(field).toHaveValue(join(app.homeDir, 'Commonplace vault'))
})

test('the library folder is shown; a browser says it cannot open it and offers the path to copy', async ({
  app,
}) => {
  const settings = new SettingsPage(app)
  await settings.open()
  await expect(settings.dialog.getByTestId('settings-library-folder')).toHaveText(app.libraryDir)
  await expect(settings.dialog.getByTestId('settings-library-folder-hint')).toContainText(
    'A browser cannot open folders',
  )
  await expect(settings.dialog.getByTestId('settings-open-library-folder')).toHaveCount(0)
  await expect(settings.dialog.getByTestId('settings-copy-library-folder')).toBeEnabled()
})
