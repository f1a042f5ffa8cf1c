// The Markdown import, vault export and citation commands of the CLI (run in this process: behaviour, not the
// process boundary, which cli.test.ts covers).
import { describe, it, expect, beforeEach } from 'vitest'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LibraryStore } from './core/store/library-store'
import { importPaths } from './core/import/import-files'
import { readArticleText } from './core/articles'
import { createExcerpt } from './core/excerpts'
import { importNoteFromMarkdown } from './core/notes/markdown-import'
import { runCliInProcess as cli } from './testing/run-cli'
import { SAMPLE_ARTICLE } from './testing/corpus'

let work: string
let library: string
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'commonplace-cli-export-'))
  library = join(work, 'library')
})

describe('commonplace note import', () => {
  it('imports Markdown files as notes, prints their ids, and exports them back the same', async () => {
    await writeFile(join(work, 'a.md'), '---\ntitle: First\ntags: [kurds]\n---\nSome *words* #kurds\n')
    await writeFile(join(work, 'b.md'), '# Second\n\n- [ ] follow up\n')
    const imported = await cli(
      'note',
      'import',
      join(work, 'a.md'),
      join(work, 'b.md'),
      '--library',
      library,
      '--json',
    )
    expect(imported.code).toBe(0)
    const notes = JSON.parse(imported.stdout) as { id: string; title: string; tags: string[] }[]
    expect(notes.map((n) => [n.title, n.tags])).toEqual([
      ['First', ['kurds']],
      ['Second', []],
    ])
    const plain = await cli('note', 'import', join(work, 'b.md'), '--library', library)
    expect(plain.stdout).toMatch(/^n-\S+ {2}Second\n$/)
    const exported = await cli('export', notes[1]!.id, '--library', library)
    expect(exported.stdout).toContain('# Second\n\n- [ ] follow up\n')
  }, 180_000)

  it('refuses a missing file with a clear message', async () => {
    const failed = await cli('note', 'import', join(work, 'nope.md'), '--library', library)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('nope.md')
    expect((await cli('note', 'import', '--library', library)).code).toBe(2)
  }, 180_000)
})

describe('commonplace export --all and cite', () => {
  it('exports a vault, leaves an edited file alone on re-export, and cites sources', async () => {
    const store = await LibraryStore.open(library)
    const [sample] = await importPaths(store, [SAMPLE_ARTICLE])
    const quote = 'The U.S., Turkey and Iran have all criticized the vote.'
    const start = (await readArticleText(store, sample!.articleId!)).indexOf(quote)
    const excerpt = await createExcerpt(store, {
      articleId: sample!.articleId!,
      start,
      end: start + quote.length,
      quote,
    })
    const note = await importNoteFromMarkdown(
      store,
      `> ${quote}\n>\n> — *x*, 2020-01-01 · ${excerpt.id}\n`,
      'Cited.md',
    )

    const out = join(work, 'vault')
    const first = await cli(
      'export',
      '--all',
      '--out',
      out,
      '--citations',
      'footnotes',
      '--links',
      'markdown',
      '--library',
      library,
    )
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/Exported 1 notes and 1 sources .*: 2 new/)
    expect(await readdir(join(out, 'notes'))).toEqual(['Cited.md'])
    const exported = await readFile(join(out, 'notes', 'Cited.md'), 'utf8')
    expect(exported).toContain(`[^1]: *Iraq Kurdish Referendum 2017*`)
    expect(exported).toContain(`(../sources/Iraq%20Kurdish%20Referendum%202017.md#^${excerpt.id})`)
    await writeFile(join(out, 'notes', 'Cited.md'), 'mine now\n')
    const again = await cli('export', '--all', '--out', out, '--library', library, '--json')
    const report = JSON.parse(again.stdout) as { edited: { path: string }[] }
    expect(report.edited.map((e) => e.path)).toEqual(['notes/Cited.md'])
    expect(await readFile(join(out, 'notes', 'Cited.md'), 'utf8')).toBe('mine now\n')

    const csl = await cli('cite', '--all', '--format', 'csl-json', '--library', library)
    expect(JSON.parse(csl.stdout)).toEqual([
      expect.objectContaining({ title: 'Iraq Kurdish Referendum 2017' }),
    ])
    const bibtex = await cli('cite', note.id, '--format', 'bibtex', '--library', library)
    expect(bibtex.stdout).toMatch(/^@misc\{iraqnd,\n {2}title = \{\{Iraq Kurdish Referendum 2017\}\}/)
    expect((await cli('cite', '--format', 'ris', '--all', '--library', library)).code).toBe(2)
    expect((await cli('export', '--all', '--library', library)).code).toBe(2)
  }, 180_000)
})

describe('commonplace settings', () => {
  it('shows and changes the export styles, which exports then follow unless a flag says otherwise', async () => {
    await writeFile(join(work, 'linked.md'), '# Linked\n\nSee [[Other]].\n')
    await writeFile(join(work, 'other.md'), '# Other\n\nWords.\n')
    const imported = await cli(
      'note',
      'import',
      join(work, 'other.md'),
      join(work, 'linked.md'),
      '--library',
      library,
      '--json',
    )
    const linked = (JSON.parse(imported.stdout) as { id: string }[])[1]!.id

    expect((await cli('settings', '--library', library)).stdout).toBe(
      'citations inline\nlinks     wiki\nfolder    default (Commonplace vault in the home folder)\n',
    )
    const changed = await cli('settings', '--links', 'markdown', '--library', library, '--json')
    expect(JSON.parse(changed.stdout).export).toEqual({
      citations: 'inline',
      links: 'markdown',
      folder: null,
    })
    expect((await cli('export', linked, '--library', library)).stdout).toContain('See [Other](Other.md).')
    expect((await cli('export', linked, '--links', 'wiki', '--library', library)).stdout).toContain(
      'See [[Other]].',
    )

    const vault = join(work, 'My vault')
    const moved = await cli('settings', '--export-folder', vault, '--library', library)
    expect(moved.stdout).toContain(`folder    ${vault}\n`)
    const back = await cli('settings', '--export-folder', 'default', '--library', library, '--json')
    expect(JSON.parse(back.stdout).export.folder).toBeNull()

    const wrong = await cli('settings', '--citations', 'endnotes', '--library', library)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--citations must be inline or footnotes')
  }, 180_000)
})
