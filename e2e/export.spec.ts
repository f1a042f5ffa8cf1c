import { test, expect } from './fixtures'
import { FIRST_IMPORT_TIMEOUT } from './pages/library-page'
import { SAMPLE_ARTICLE } from '../src-main/testing/corpus'
import type { Locator, Page } from '@playwright/test'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { grantFolder, VaultExportPage } from './pages/vault-export-page'
import { SettingsPage } from './pages/settings-page'
import type { AppUnderTest } from './fixtures'

const SAMPLE = SAMPLE_ARTICLE
const SENTENCE = 'The U.S., Turkey and Iran have all criticized the vote.'

/** Calls the API through the transport the app itself uses (preload in Electron, HTTP in browser mode). */
async function callApi(page: Page, name: string, input: unknown): Promise<unknown> {
  const reply = (await page.evaluate(
    async ({ name, input }) => {
      const desktop = (
        window as unknown as { commonplace?: { invoke(n: string, i: unknown): Promise<unknown> } }
      ).commonplace
      if (desktop) return desktop.invoke(name, input)
      const token = sessionStorage.getItem('commonplace.token')
      const response = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      })
      return response.json()
    },
    { name, input },
  )) as { ok: boolean; result?: unknown; error?: { message: string } }
  if (!reply.ok) throw new Error(reply.error?.message)
  return reply.result
}

/**
 * Waits for the report of the export running in the dialog for as long as the export keeps moving:
 * 401 files on a busy machine can take longer than one assertion waits. Each wait ends when the report
 * shows or the progress view shows a new count; if neither happens within an assertion's time, it fails.
 */
async function waitForExportReport(page: Page, dialog: Locator): Promise<void> {
  const report = dialog.getByTestId('vault-export-report')
  const countsShown = () =>
    page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen.length)
  let shown = 0
  while (!(await report.isVisible())) {
    const before = shown
    await expect
      .poll(async () => (await report.isVisible()) || (shown = await countsShown()) > before, {
        message: `the export neither finished nor moved on after ${before} counts shown`,
      })
      .toBe(true)
  }
}

/** What export.vault may name for `folder`: the path in browser mode, a dialog's grant in the desktop app. */
const vaultFolder = (app: AppUnderTest, folder: string) =>
  app.electronApp ? grantFolder(app, folder) : folder

interface VaultReport {
  created: string[]
  updated: string[]
  unchanged: string[]
  edited: { path: string; newVersion: string }[]
}

test('a note citing an excerpt exports as a vault whose links resolve; an edited file survives re-export', async ({
  app,
  library,
  reader,
  notes,
}) => {
  const { page } = app
  await library.importFiles([SAMPLE])
  await expect(library.rows).toHaveCount(1, { timeout: FIRST_IMPORT_TIMEOUT })
  await library.open('Iraq Kurdish Referendum 2017')
  await reader.select(SENTENCE)
  await reader.excerptSelection()
  await expect(reader.excerptItems).toHaveCount(1)
  await notes.create()
  await notes.rename('Vault note')
  await notes.editor.click()
  await page.keyboard.type('Why it matters.')
  await page.keyboard.press('Enter')
  await reader.excerptItems
    .first()
    .getByRole('button', { name: /insert/i })
    .click()
  await expect(notes.excerptBlocks).toHaveCount(1)
  await expect(notes.saveStatus).toHaveText(/saved/i)

  // The default export folder: browser mode writes there without asking.
  const out = join(app.homeDir, 'Commonplace vault')
  const outDir = await vaultFolder(app, out)
  const first = (await callApi(page, 'export.vault', { outDir })) as VaultReport
  expect(first.created.sort()).toEqual(['notes/Vault note.md', 'sources/Iraq Kurdish Referendum 2017.md'])

  // Every relative link resolves to a file, and a block link to a block id in it.
  const md = new MarkdownIt('commonmark')
  const noteText = await readFile(join(out, 'notes', 'Vault note.md'), 'utf8')
  const hrefs = md
    .parse(noteText, {})
    .flatMap((t) => t.children ?? [])
    .filter((t) => t.type === 'link_open')
    .map((t) => String(t.attrGet('href')))
  expect(hrefs).toHaveLength(1)
  for (const href of hrefs) {
    const [path, block] = decodeURI(href).split('#')
    const target = await readFile(join(out, 'notes', path!), 'utf8')
    expect(target.split('\n')).toContain(block)
    expect(dirname(join(out, 'notes', path!))).toBe(join(out, 'sources'))
  }

  // The user edits the note's file; the note changes in the app; re-export leaves the edit alone.
  await writeFile(join(out, 'notes', 'Vault note.md'), '# My edit\n')
  await notes.editor.getByText('Why it matters.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' More.')
  await expect(notes.editor).toContainText('Why it matters. More.')
  await expect(notes.saveStatus).toHaveText(/saved/i)
  const second = (await callApi(page, 'export.vault', { outDir })) as VaultReport
  expect(second.edited).toEqual([
    { path: 'notes/Vault note.md', newVersion: 'notes/Vault note.commonplace.md' },
  ])
  expect(await readFile(join(out, 'notes', 'Vault note.md'), 'utf8')).toBe('# My edit\n')
  expect(await readFile(join(out, 'notes', 'Vault note.commonplace.md'), 'utf8')).toContain('More.')
  expect((await readdir(join(out, 'notes'))).sort()).toEqual(['Vault note.commonplace.md', 'Vault note.md'])
})

test('Export library as vault… writes the vault from the app and names a file left alone because it was edited', async ({
  app,
  notes,
}) => {
  const { page } = app
  await notes.create()
  await notes.rename('Dialog note')
  await notes.editor.click()
  await page.keyboard.type('Exported from the dialog.')
  await expect(notes.saveStatus).toHaveText(/saved/i)

  // A folder of the user's own, not the default one: browser mode asks the user to allow it first.
  const out = join(app.homeDir, 'Vaults', 'mine')
  const vault = new VaultExportPage(app)
  const dialog = vault.dialog
  await vault.open()
  // The suggestion arrives from the library's machine; the user's own folder replaces it.
  if (!app.electronApp)
    await expect(dialog.getByTestId('vault-export-folder')).toHaveValue(/Commonplace vault$/)
  await vault.chooseFolder(out)
  await vault.run({ confirm: true })
  await expect(dialog.getByTestId('vault-export-report')).toContainText('Exported 1 note and 0 sources')
  await expect(dialog.getByTestId('vault-export-report')).toContainText('1 written')
  expect(await readFile(join(out, 'notes', 'Dialog note.md'), 'utf8')).toContain('Exported from the dialog.')

  await writeFile(join(out, 'notes', 'Dialog note.md'), '# Mine now\n')
  await dialog.getByTestId('vault-export-run').click()
  await expect(dialog.getByTestId('vault-export-report')).toContainText(
    'notes/Dialog note.md → notes/Dialog note.commonplace.md',
  )
  expect(await readFile(join(out, 'notes', 'Dialog note.md'), 'utf8')).toBe('# Mine now\n')

  // The styles are the library's export settings, chosen in Settings (the dialog links there), and
  // kept for the next export of any kind.
  await dialog.getByRole('button', { name: 'Change in Settings' }).click()
  await expect(dialog).toBeHidden()
  const settings = new SettingsPage(app)
  await settings.waitUntilShown()
  await settings.choose('Citations', 'footnotes')
  await settings.choose('Note links', 'markdown')
  await expect
    .poll(async () => ((await callApi(page, 'library.settings', {})) as { export: unknown }).export)
    .toEqual({ citations: 'footnotes', links: 'markdown', folder: null })
  await settings.close()
  await page.getByTestId('export-vault').click()
  await expect(dialog.getByTestId('vault-export-styles')).toContainText(
    'Citations as footnotes, note links as Markdown links.',
  )
})

test('a folder suggestion that arrives while the user is in the field is replaced by what they type', async ({
  app,
  notes,
}) => {
  test.skip(app.target !== 'browser', 'holds back the HTTP answer of browser mode')
  const { page } = app
  await notes.create()
  let answer!: () => void
  const held = new Promise<void>((resolve) => (answer = resolve))
  await page.route('**/api/export.vaultDefaultDir', async (route) => {
    await held
    await route.continue()
  })
  const folder = page.getByTestId('vault-export-dialog').getByTestId('vault-export-folder')
  await page.getByTestId('export-vault').click()
  await folder.click()
  answer()
  await expect(folder).toHaveValue(/Commonplace vault$/)
  await page.keyboard.type('/tmp/my vault')
  await expect(folder).toHaveValue('/tmp/my vault')
})

test('a long vault export shows how many files are written while it runs', async ({ app, notes }) => {
  const { page } = app
  const count = 400
  const files = Array.from({ length: count }, (_, i) => ({
    name: `Progress ${i + 1}.md`,
    text: `# Progress ${i + 1}\n\nNote number ${i + 1}, exported among many.\n`,
  }))
  await callApi(page, 'notes.importMarkdown', { files })
  await notes.create() // the export button sits in the open note's header

  // Every text the progress view shows, recorded as the page changes, however quickly the export ends.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { progressSeen: string[] }).progressSeen = seen
    new MutationObserver(() => {
      const view = document.querySelector('[data-testid="vault-export-progress"]')
      if (view?.textContent && seen.at(-1) !== view.textContent) seen.push(view.textContent)
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  const out = join(app.homeDir, 'Commonplace vault')
  const vault = new VaultExportPage(app)
  const dialog = vault.dialog
  await vault.open()
  await vault.chooseFolder(out)
  await vault.run()
  await waitForExportReport(page, dialog)
  await expect(dialog.getByTestId('vault-export-report')).toContainText(
    `Exported ${count + 1} notes and 0 sources`,
  )
  await expect(dialog.getByTestId('vault-export-progress')).toHaveCount(0)

  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen)
  const counts = seen.map((text) => Number(/Exporting: (\d+) of 401 files/.exec(text)?.[1] ?? NaN))
  expect(counts.length).toBeGreaterThan(0)
  expect(counts.every((n) => n >= 0 && n <= count + 1)).toBe(true)
  expect(counts).toEqual([...counts].sort((a, b) => a - b))
  expect((await readdir(join(out, 'notes'))).length).toBe(count + 1)
})
