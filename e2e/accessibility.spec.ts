import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { REPO_ROOT } from './target'
import { audit, seriousOrCritical } from './pages/axe-audit'
import { SettingsPage } from './pages/settings-page'
import type { AppUnderTest } from './fixtures'

const SAMPLE_TITLE = 'Iraq Kurdish Referendum 2017'
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : null
const WIDE = { width: 1440, height: 900 }
const NARROW = { width: 1024, height: 700 }

/**
 * Audits the screen as it is now and records the counts of violations by impact in the test's report;
 * with E2E_SCREENSHOTS set, also saves it at 1440×900 and 1024×700 for the README.
 */
async function auditScreen(app: AppUnderTest, screen: string): Promise<void> {
  if (SCREENSHOTS) {
    const name = screen.replaceAll(' ', '-')
    await app.page.setViewportSize(NARROW)
    await app.page.screenshot({ path: join(SCREENSHOTS, `${name}-1024.png`) })
    await app.page.setViewportSize(WIDE)
    await app.page.screenshot({ path: join(SCREENSHOTS, `${name}-1440.png`) })
  }
  const violations = await audit(app.page)
  const counts: Record<string, number> = {}
  for (const violation of violations) counts[violation.impact] = (counts[violation.impact] ?? 0) + 1
  test.info().annotations.push({ type: `axe ${screen}`, description: JSON.stringify(counts) })
  console.log(`axe ${screen}: ${JSON.stringify(counts)}`)
  expect.soft(seriousOrCritical(violations), `serious or critical violations on ${screen}`).toEqual([])
}

for (const theme of ['light', 'dark'] as const) {
  test(`every screen in the ${theme} theme has no serious or critical axe violation`, async ({
    app,
    library,
    reader,
    notes,
  }) => {
    const { page } = app
    const settings = new SettingsPage(app)
    await page.setViewportSize(WIDE)
    await page.emulateMedia({ colorScheme: theme })
    await expect.poll(() => settings.shownTheme()).toBe(theme)

    await expect(page.getByRole('button', { name: /import the sample article/i })).toBeVisible()
    await auditScreen(app, `${theme} empty library`)

    await library.importSample()
    await library.open(SAMPLE_TITLE)
    await expect(reader.root).toContainText('Iraq’s prime minister')
    await reader.select('The U.S., Turkey and Iran have all criticized the vote.')
    await reader.excerptSelection()
    await expect(reader.excerptItems).toHaveCount(1)
    await auditScreen(app, `${theme} article open`)

    await notes.create()
    await notes.rename('Accessible note')
    await auditScreen(app, `${theme} article and note open`)

    await settings.open()
    await auditScreen(app, `${theme} settings`)
    await settings.close()

    await page.getByTestId('export-vault').click()
    await expect(page.getByTestId('vault-export-dialog')).toBeVisible()
    await auditScreen(app, `${theme} vault export dialog`)
    await page.getByTestId('vault-export-dialog').getByRole('button', { name: 'Close' }).click()

    // A deletion's toast, with Undo.
    await page.getByTestId('note-row').locator('.row__main').first().focus()
    await page.keyboard.press('Delete')
    await page.getByTestId('confirm-button').click()
    await expect(page.getByTestId('undo-notice')).toBeVisible()
    await auditScreen(app, `${theme} undo toast`)
    await page.getByTestId('undo-notice').getByRole('button', { name: 'Undo' }).click()
    await expect(page.getByTestId('note-row')).toHaveCount(1)

    // A long article's outline.
    const scratch = await mkdtemp(join(tmpdir(), 'commonplace-axe-'))
    const sections = ['Why lichens matter', 'How they grow', 'Where to find them', 'How to date a rock']
    const paragraph = 'A lichen is a fungus and an alga living as one, growing a millimetre a year. '.repeat(
      10,
    )
    await writeFile(
      join(scratch, 'lichens.md'),
      `# A Field Guide to Lichens\n\n${sections.map((name) => `## ${name}\n\n${paragraph}\n\n${paragraph}\n\n`).join('')}`,
    )
    await library.importFiles([join(scratch, 'lichens.md')])
    await library.open('A Field Guide to Lichens')
    await expect(reader.root).toContainText('a fungus and an alga')
    await page.getByTestId('outline-toggle').click()
    await expect(page.getByTestId('outline-item')).toHaveCount(sections.length)
    await auditScreen(app, `${theme} article outline`)
  })
}
