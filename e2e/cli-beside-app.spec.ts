import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { test, expect } from './fixtures'
import { SAMPLE_ARTICLE } from '../src-main/testing/corpus'
import { REPO_ROOT } from './target'

const run = promisify(execFile)
const CLI = join(REPO_ROOT, 'bin', 'commonplace.js')
const SAMPLE = SAMPLE_ARTICLE

// The README invites running the CLI while the app is open: the window shows what the CLI wrote, and
// what the window wrote is still there after the CLI's writes (both go through one lock and journal).
test('the window shows what the CLI writes beside it, and keeps its own work', async ({
  app,
  library,
  notes,
}) => {
  const noteRows = app.page.getByTestId('note-row')
  await notes.create()
  await notes.rename('Written in the window')
  await expect(noteRows.filter({ hasText: 'Written in the window' })).toHaveCount(1)

  await run(process.execPath, [CLI, 'import', SAMPLE, '--library', app.libraryDir])
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText('Iraq Kurdish Referendum 2017')

  const markdown = join(app.libraryDir, '..', 'from-cli.md')
  await writeFile(markdown, '# From the terminal\n\nWords.\n')
  await run(process.execPath, [CLI, 'note', 'import', markdown, '--library', app.libraryDir])
  await expect(noteRows.filter({ hasText: 'From the terminal' })).toHaveCount(1)
  await expect(noteRows.filter({ hasText: 'Written in the window' })).toHaveCount(1)

  const { stdout } = await run(process.execPath, [CLI, 'notes', '--json', '--library', app.libraryDir])
  expect(
    JSON.parse(stdout)
      .map((note: { title: string }) => note.title)
      .sort(),
  ).toEqual(['From the terminal', 'Written in the window'])
})
