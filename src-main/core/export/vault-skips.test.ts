import { describe, it, expect, beforeEach } from 'vitest'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from '../store/library-store'
import { importPaths } from '../import/import-files'
import { createNote, saveNote } from '../notes/notes'
import type { NoteSummary } from '../records'
import type { SerializedNoteContent } from '../notes/note-content'
import { exportVault } from './vault'
import { SAMPLE_ARTICLE } from '../../testing/corpus'
import { runCliInProcess } from '../../testing/run-cli'

// One unreadable note used to make `export --all` fail entirely: nothing was exported. Now it is
// reported with the reason, the rest is exported, and its file from an earlier export is kept.

let work: string
let store: LibraryStore
let notes: NoteSummary[]
let articleId: string

const paragraph = (text: string): SerializedNoteContent => ({
  root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text, version: 1 }] }] },
})
const noteFile = (note: NoteSummary) => join(store.dir, 'notes', `${note.id}.json`)

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'commonplace-vault-skips-'))
  store = await LibraryStore.open(join(work, 'library'))
  const [outcome] = await importPaths(store, [SAMPLE_ARTICLE])
  articleId = outcome!.articleId!
  notes = []
  for (const title of ['Healthy', 'Holds five', 'Gone']) {
    const note = await createNote(store, title)
    await saveNote(store, note.id, paragraph(`The words of ${title}.`))
    notes.push(note)
  }
})

async function damage(): Promise<void> {
  await writeFile(noteFile(notes[1]!), '5')
  await rm(noteFile(notes[2]!))
}

describe('a vault export with unreadable notes', () => {
  it('exports the rest and reports each one left out, with the reason', async () => {
    await damage()
    const report = await exportVault(store, join(work, 'vault'))
    expect(await readdir(join(work, 'vault', 'notes'))).toEqual(['Healthy.md'])
    expect(report.sources).toBe(1)
    expect(report.skipped).toEqual([
      {
        kind: 'note',
        id: notes[1]!.id,
        title: 'Holds five',
        reason: expect.stringContaining(`The note file ${noteFile(notes[1]!)} does not hold a note`),
      },
      {
        kind: 'note',
        id: notes[2]!.id,
        title: 'Gone',
        reason: expect.stringContaining(`its file ${noteFile(notes[2]!)} is missing`),
      },
    ])
  })

  it('keeps what an earlier export wrote for a note it cannot read now', async () => {
    const vault = join(work, 'vault')
    await exportVault(store, vault)
    await damage()
    const report = await exportVault(store, vault)
    expect(report.removed).toEqual([])
    expect((await readdir(join(vault, 'notes'))).sort()).toEqual(['Gone.md', 'Healthy.md', 'Holds five.md'])
    expect(await readFile(join(vault, 'notes', 'Gone.md'), 'utf8')).toContain('The words of Gone.')
    // And once the file is back, the next export writes it again as usual.
    await saveNote(store, notes[2]!.id, paragraph('The words of Gone, again.'))
    const after = await exportVault(store, vault)
    expect(after.updated).toContain('notes/Gone.md')
  })

  it('leaves out an original or a text that is missing, and still writes the source', async () => {
    await rm(join(store.dir, 'articles', articleId, 'text.txt'))
    await rm(join(store.dir, 'articles', articleId, 'original.txt'))
    const report = await exportVault(store, join(work, 'vault'), { everything: true })
    expect(report.skipped.map(({ kind, reason }) => [kind, reason])).toEqual([
      ['original', `${join(store.dir, 'articles', articleId, 'original.txt')} is missing`],
      ['text', expect.stringContaining('its text')],
    ])
    expect(report.created).toContain('sources/Iraq Kurdish Referendum 2017.md')
  })

  it('the CLI prints what it left out on standard error and exits 1', async () => {
    await damage()
    await store.close()
    const result = await runCliInProcess(
      'export',
      '--all',
      '--out',
      join(work, 'vault'),
      '--library',
      store.dir,
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^Exported 3 notes and 1 sources to .*, 2 skipped\n$/)
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(/^skipped {3}note “Holds five”: The note file .* does not hold a note/),
      expect.stringMatching(
        /^skipped {3}note “Gone”: The note “Gone” cannot be opened: its file .* is missing/,
      ),
      '',
    ])
  })
})
