// What the command line prints: results on stdout said once, failures on stderr in one line each,
// and exit codes (0 done, 1 failed, 2 wrong command line). In-process runs; see testing/run-cli.ts.
import { describe, it, expect, beforeEach } from 'vitest'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCliInProcess as cli, runCliProcess } from '../testing/run-cli'
import { SAMPLE_ARTICLE, corpusFile } from '../testing/corpus'
import { importOutcomeLine, type ImportOutcome } from './import-outcome-line'
import { LibraryStore } from '../core/store/library-store'
import { createAreaExcerpt } from '../core/area-excerpts'
import { mixedSizePdf, pngOf } from '../testing/area-fixtures'

let work: string
let library: string
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'commonplace-cli-edges-'))
  library = join(work, 'library')
})

/** The non-empty lines of some output. */
const lines = (text: string) => text.split('\n').filter(Boolean)

/** How often a word stands in a line, ignoring case (the fault was `imported  a-…  Imported “…”`). */
const timesSaid = (line: string, word: string) => (line.match(new RegExp(`\\b${word}\\b`, 'gi')) ?? []).length

describe('import prints each file once, failures on stderr', () => {
  it('says imported and duplicate once each, and puts a failed file on stderr with its reason', async () => {
    const folder = join(work, 'batch')
    await mkdir(folder)
    await writeFile(join(folder, 'a.txt'), 'First words.')
    await writeFile(join(folder, 'b.md'), '# Second\n\nWords.')
    await writeFile(join(folder, 'c.txt'), '')

    const first = await cli('import', folder, '--library', library)
    expect(first.code).toBe(1)
    expect(lines(first.stdout)).toEqual([
      expect.stringMatching(/^imported {2}a-\S+ {2}“A”$/),
      expect.stringMatching(/^imported {2}a-\S+ {2}“Second”$/),
    ])
    expect(lines(first.stderr)).toEqual(['failed    c.txt is empty'])

    const again = await cli('import', join(folder, 'b.md'), '--library', library)
    expect(again).toMatchObject({ code: 0, stderr: '' })
    expect(lines(again.stdout)).toEqual([
      expect.stringMatching(/^duplicate a-\S+ {2}b\.md is already in the library as “Second”$/),
    ])
    for (const line of [...lines(first.stdout), ...lines(again.stdout)])
      expect(timesSaid(line, line.split(' ')[0]!)).toBe(1)
  })

  it('puts a missing file on stderr, and keeps --json as it was', async () => {
    const missing = await cli('import', join(work, 'nope.txt'), '--library', library)
    expect(missing).toMatchObject({ code: 1, stdout: '' })
    expect(lines(missing.stderr)).toEqual([
      `failed    Cannot read ${join(work, 'nope.txt')}: the file does not exist`,
    ])

    const json = await cli('import', join(work, 'nope.txt'), '--library', library, '--json')
    expect(json).toMatchObject({ code: 1, stderr: '' })
    expect(JSON.parse(json.stdout)).toEqual([
      {
        name: 'nope.txt',
        status: 'failed',
        articleId: null,
        title: null,
        message: `Cannot read ${join(work, 'nope.txt')}: the file does not exist`,
        sameSourceArticleId: null,
      },
    ])
  })
})

describe('excerpt add', () => {
  it('finds words typed with a straight apostrophe and reports them as the article has them', async () => {
    const imported = await cli('import', SAMPLE_ARTICLE, '--library', library, '--json')
    const [{ articleId }] = JSON.parse(imported.stdout) as { articleId: string }[]
    const typed = "Iraq's prime minister today dismissed"
    const added = await cli('excerpt', 'add', articleId, '--quote', typed, '--library', library)
    expect(added).toMatchObject({ code: 0, stderr: '' })
    expect(added.stdout).toMatch(/^ex-\S+ {2}\d+-\d+ {2}Iraq’s prime minister today dismissed\n$/)
    const listed = await cli('excerpts', articleId, '--library', library, '--json')
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ quote: 'Iraq’s prime minister today dismissed' }),
    ])
  })
})

describe('excerpts', () => {
  it('shows an area excerpt as the picture of its page, with its rectangle in --json', async () => {
    const pdf = join(work, 'mixed.pdf')
    await writeFile(pdf, await mixedSizePdf())
    const imported = await cli('import', pdf, '--library', library, '--json')
    const [{ articleId }] = JSON.parse(imported.stdout) as { articleId: string }[]
    // The page view makes area excerpts; the command line lists them.
    const store = await LibraryStore.open(library)
    const area = await createAreaExcerpt(store, {
      articleId,
      page: 1,
      rect: [40, 40, 240, 140],
      png: pngOf(400, 200),
    })
    await store.close()
    const listed = await cli('excerpts', articleId, '--library', library)
    expect(listed.stdout).toContain(`${area.id}  exact  page 1`)
    expect(listed.stdout).toContain('[picture of page 1, 200 × 100 pt]')
    const json = await cli('excerpts', articleId, '--library', library, '--json')
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        id: area.id,
        area: expect.objectContaining({ page: 1, rect: [40, 40, 240, 140] }),
      }),
    ])
  })
})

describe('note import', () => {
  it('links [[B]] to a note imported later in the same command, and keeps an unknown title a link', async () => {
    await writeFile(join(work, 'a.md'), '# A\n\nSee [[B]] and [[Someday]].\n')
    await writeFile(join(work, 'b.md'), '# B\n\nBack to [[a]].\n')
    const imported = await cli(
      'note',
      'import',
      join(work, 'a.md'),
      join(work, 'b.md'),
      '--library',
      library,
      '--json',
    )
    expect(imported).toMatchObject({ code: 0, stderr: '' })
    const [a, b] = JSON.parse(imported.stdout) as { id: string; title: string }[]
    const backlinks = await cli('backlinks', b!.id, '--library', library, '--json')
    expect(JSON.parse(backlinks.stdout).notes).toEqual([{ id: a!.id, title: 'A' }])
    const exported = await cli('export', a!.id, '--library', library)
    expect(exported.stdout).toContain('See [[B]] and [[Someday]].')
  })
})

describe('import --json', () => {
  it('gives the notices of an implausibly short import', async () => {
    const imported = await cli(
      'import',
      corpusFile('docx', 'simple-list.docx'),
      '--library',
      library,
      '--json',
    )
    expect(imported.code).toBe(0)
    const [outcome] = JSON.parse(imported.stdout) as ImportOutcome[]
    expect(outcome!.notices).toEqual([expect.stringMatching(/^Only 2 words were found in this 14 KB file\./)])
  })
})

describe('importOutcomeLine', () => {
  const outcome = (fields: Partial<ImportOutcome>): ImportOutcome => ({
    name: 'saved.html',
    status: 'imported',
    articleId: 'a-1',
    title: 'Page',
    message: 'Imported “Page”',
    sameSourceArticleId: null,
    ...fields,
  })
  const rows: { name: string; outcome: ImportOutcome; failed: boolean; line: string }[] = [
    { name: 'imported', outcome: outcome({}), failed: false, line: 'imported  a-1  “Page”' },
    {
      name: 'imported beside an older version',
      outcome: outcome({
        sameSourceArticleId: 'a-0',
        message: 'Imported “Page”; “Old page” came from the same file name and may be an older version',
      }),
      failed: false,
      line: 'imported  a-1  “Page”; a-0 came from the same source and may be an older version',
    },
    {
      name: 'imported with a notice',
      outcome: outcome({ notices: ['Only 2 words were found in this 16 KB file.'] }),
      failed: false,
      line: 'imported  a-1  “Page”\n          note: Only 2 words were found in this 16 KB file.',
    },
    {
      name: 'duplicate',
      outcome: outcome({ status: 'duplicate', message: 'saved.html is already in the library as “Page”' }),
      failed: false,
      line: 'duplicate a-1  saved.html is already in the library as “Page”',
    },
    {
      name: 'failed, the reason naming the file',
      outcome: outcome({ status: 'failed', articleId: null, title: null, message: 'saved.html is empty' }),
      failed: true,
      line: 'failed    saved.html is empty',
    },
    {
      name: 'failed, the reason not naming it',
      outcome: outcome({ status: 'failed', articleId: null, title: null, message: 'the parser stopped' }),
      failed: true,
      line: 'failed    saved.html: the parser stopped',
    },
  ]
  it.each(rows)('$name', ({ outcome, failed, line }) => {
    expect(importOutcomeLine(outcome)).toEqual({ failed, line })
    expect(timesSaid(line, outcome.status)).toBe(1)
    expect(timesSaid(line, 'Page')).toBeLessThanOrEqual(1)
  })
})

describe('errors: one line on stderr, exit 2 for a wrong command line and 1 for a failure', () => {
  const wrongUsage: { name: string; args: string[]; says: RegExp }[] = [
    { name: 'an unknown command', args: ['frobnicate'], says: /^unknown command "frobnicate"/ },
    // Node's own message ends with an unbalanced quote and a hint about `--`.
    { name: 'an unknown option', args: ['list', '--bogus'], says: /^unknown option --bogus;/ },
    { name: 'an unknown short option', args: ['list', '-x'], says: /^unknown option -x;/ },
    {
      name: 'a missing option value',
      args: ['excerpt', 'add', 'a-1', '--quote'],
      says: /^--quote needs a value/,
    },
    { name: 'a value for a flag', args: ['list', '--json=yes'], says: /^--json takes no value;/ },
    { name: 'no command', args: [], says: /^no command given;/ },
    { name: 'a command without its argument', args: ['show'], says: /^show needs an article id/ },
    { name: 'arguments a command does not take', args: ['list', 'extra'], says: /^list takes no arguments;/ },
    { name: 'one argument too many', args: ['show', 'a-1', 'a-2'], says: /^unexpected argument "a-2"/ },
    {
      name: 'a bad option value',
      args: ['settings', '--links', 'foo'],
      says: /^--links must be wiki or markdown;/,
    },
  ]
  it.each(wrongUsage)('$name', async ({ args, says }) => {
    const result = await cli(...args, '--library', library)
    expect(result).toMatchObject({ code: 2, stdout: '' })
    const [line, ...more] = lines(result.stderr)
    expect(more).toEqual([])
    expect(line).toMatch(/^commonplace: /)
    const message = line!.replace(/^commonplace: /, '')
    expect(message).toMatch(says)
    expect(message).toMatch(/; see `commonplace --help`$/)
    // One hint per line, and no quote left open.
    expect(message.match(/\bsee\b/g)).toHaveLength(1)
    expect((message.match(/'/g) ?? []).length % 2).toBe(0)
  })

  const failures: { name: string; args: () => Promise<string[]>; says: RegExp }[] = [
    {
      name: 'an unknown article',
      args: async () => ['show', 'a-missing', '--library', library],
      says: /^No article with id a-missing/,
    },
    {
      name: 'a missing Markdown file',
      args: async () => ['note', 'import', join(work, 'nope.md'), '--library', library],
      says: /^Cannot read .*nope\.md: the file does not exist$/,
    },
    {
      name: 'a library from a newer Commonplace',
      args: async () => {
        await mkdir(library)
        await writeFile(join(library, 'library.json'), '{"schemaVersion": 99}')
        return ['list', '--library', library]
      },
      says: /library\.json: it was written by a newer Commonplace/,
    },
  ]
  it.each(failures)('$name', async ({ args, says }) => {
    const result = await cli(...(await args()))
    expect(result).toMatchObject({ code: 1, stdout: '' })
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^commonplace: /)])
    expect(result.stderr.replace(/^commonplace: /, '').trim()).toMatch(says)
  })
})

describe('a real process', () => {
  it('exits 2 for a wrong command line and 1 for a failure, with one line on stderr', async () => {
    const wrong = await runCliProcess('list', '--bogus', '--library', library)
    expect(wrong).toEqual({
      code: 2,
      stdout: '',
      stderr: 'commonplace: unknown option --bogus; see `commonplace --help`\n',
    })
    const failed = await runCliProcess('show', 'a-missing', '--library', library)
    expect(failed).toEqual({
      code: 1,
      stdout: '',
      stderr: 'commonplace: No article with id a-missing in this library\n',
    })
  }, 60_000)
})
