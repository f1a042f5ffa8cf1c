import { describe, it, expect, beforeEach } from 'vitest'
import { mkdtemp, writeFile, readFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from './core/library'
import { createNote, saveNote } from './core/notes/notes'
import { runCliInProcess as cli, runCliProcess } from './testing/run-cli'
import { SAMPLE_ARTICLE, corpusFile } from './testing/corpus'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { scriptedRevisionOfSample, SAMPLE_REVISION } from './core/anchor/sample-revision'

let work: string
let library: string
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'commonplace-cli-'))
  library = join(work, 'library')
})

describe('commonplace CLI', () => {
  it('imports, lists as JSON, shows the text, and exports a note', async () => {
    const imported = await cli('import', SAMPLE_ARTICLE, '--library', library, '--json')
    expect(imported.code).toBe(0)
    const [outcome] = JSON.parse(imported.stdout)
    expect(outcome).toMatchObject({ status: 'imported', title: 'Iraq Kurdish Referendum 2017' })

    const listed = await cli('list', '--library', library, '--json')
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        id: outcome.articleId,
        title: 'Iraq Kurdish Referendum 2017',
        wordCount: expect.any(Number),
      }),
    ])

    const shown = await cli('show', outcome.articleId, '--library', library)
    expect(shown.code).toBe(0)
    expect(shown.stdout).toContain('Iraq’s prime minister today dismissed a proposal')
    expect(shown.stdout).toContain('have all criticized the vote.')

    const again = await cli('import', SAMPLE_ARTICLE, '--library', library)
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/^duplicate/)

    const opened = await openLibrary(library, SAMPLE_ARTICLE)
    const note = await createNote(opened.store, 'From the terminal')
    await saveNote(opened.store, note.id, {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            version: 1,
            children: [
              { type: 'text', version: 1, text: 'Hello', format: 0, detail: 0, mode: 'normal', style: '' },
            ],
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
          },
        ],
        direction: null,
        format: '',
        indent: 0,
        version: 1,
      },
    })
    const notes = await cli('notes', '--library', library, '--json')
    expect(JSON.parse(notes.stdout)[0]).toMatchObject({ id: note.id, title: 'From the terminal' })

    const out = join(work, 'out', 'note.md')
    await mkdir(join(work, 'out'))
    const exported = await cli('export', note.id, '-o', out, '--library', library)
    expect(exported.code).toBe(0)
    const markdown = await readFile(out, 'utf8')
    expect(markdown).toContain('# From the terminal')
    expect(markdown).toContain('Hello')
    const toStdout = await cli('export', note.id, '--library', library)
    expect(toStdout.stdout).toBe(markdown)
  }, 60_000)

  it('imports a folder and a link served over HTTP', async () => {
    const folder = join(work, 'reading')
    await mkdir(folder)
    await writeFile(join(folder, 'a.md'), '# A note-worthy page\n\nBody text.')
    await writeFile(join(folder, 'skip.bin'), 'ignored')
    const page = await readFile(corpusFile('readability', 'base-url', 'source.html'))
    const server = createServer((request, response) => {
      if (request.url === '/article.html')
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page)
      else response.writeHead(404).end()
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const { port } = server.address() as AddressInfo
    try {
      const result = await cli(
        'import',
        folder,
        `http://127.0.0.1:${port}/article.html`,
        `http://127.0.0.1:${port}/gone`,
        '--library',
        library,
        '--json',
      )
      const outcomes = JSON.parse(result.stdout)
      expect(outcomes.map((o: { status: string }) => o.status)).toEqual(['imported', 'imported', 'failed'])
      expect(outcomes[2].message).toContain(`http://127.0.0.1:${port}/gone`)
      expect(result.code).toBe(1)
      const listed = JSON.parse((await cli('list', '--library', library, '--json')).stdout)
      expect(listed.map((a: { sourceUrl: string | null }) => a.sourceUrl)).toContain(
        `http://127.0.0.1:${port}/article.html`,
      )
    } finally {
      server.close()
    }
  }, 60_000)

  it('prints each file of a folder as it is imported, in order, and says when a folder holds nothing to import', async () => {
    const folder = join(work, 'batch')
    await mkdir(join(folder, 'empty'), { recursive: true })
    await writeFile(join(folder, 'b.md'), '# Second\n\nWords.')
    await writeFile(join(folder, 'a.txt'), 'First words.')
    await writeFile(join(folder, 'c.txt'), '')
    const result = await cli('import', folder, '--library', library)
    expect(
      result.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(['imported', 'imported'])
    expect(result.stdout).toMatch(/“A”[\s\S]*“Second”/)
    // The failure alone goes to standard error: no progress line when output is not a terminal.
    expect(result.stderr).toMatch(/^failed +c\.txt is empty\n$/)
    const empty = await cli('import', join(folder, 'empty'), '--library', library)
    expect(empty).toMatchObject({
      code: 0,
      stdout: 'Nothing to import: no file there that Commonplace can read\n',
    })
  }, 60_000)

  // A real process: exit codes and which stream each line goes to are what this test is about.
  it('fails with one line and a non-zero code on bad input', async () => {
    const cli = runCliProcess
    const missing = await cli('import', join(work, 'nope.txt'), '--library', library)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/failed .*nope\.txt: the file does not exist/)

    const wrongType = join(work, 'picture.png')
    await writeFile(wrongType, 'png')
    const unsupported = await cli('import', wrongType, '--library', library)
    expect(unsupported.code).toBe(1)
    expect(unsupported.stderr).toContain('picture.png is not a supported file type')

    await mkdir(library, { recursive: true })
    await writeFile(join(library, 'library.json'), 'garbage')
    const damaged = await cli('list', '--library', library)
    expect(damaged.code).toBe(0)
    expect(damaged.stderr.trim().split('\n')).toHaveLength(1)
    expect(damaged.stderr).toMatch(
      /^commonplace: warning: .*library\.json: it is not valid JSON .*kept as .*library\.json\.corrupt-/,
    )
    const aside = damaged.stderr.match(/kept as (\S+)/)![1]!
    expect(await readFile(aside, 'utf8')).toBe('garbage')

    await writeFile(join(library, 'library.json'), '{"schemaVersion": 99}')
    const newer = await cli('list', '--library', library)
    expect(newer.code).toBe(1)
    expect(newer.stderr.trim().split('\n')).toHaveLength(1)
    expect(newer.stderr).toContain(join(library, 'library.json'))
    expect(await readFile(join(library, 'library.json'), 'utf8')).toBe('{"schemaVersion": 99}')

    const unknownArticle = await cli('show', 'a-missing', '--library', join(work, 'other'))
    expect(unknownArticle.code).toBe(1)
    expect(unknownArticle.stderr).toContain('No article with id a-missing')

    const usage = await cli('frobnicate')
    expect(usage.code).toBe(2)
  }, 60_000)
})

describe('commonplace CLI: excerpts, updates and backlinks', () => {
  it('adds excerpts by quote, re-anchors them on update, and lists what cites them', async () => {
    const [outcome] = JSON.parse((await cli('import', SAMPLE_ARTICLE, '--library', library, '--json')).stdout)
    const articleId: string = outcome.articleId
    const { reworded, unchanged } = SAMPLE_REVISION

    const absent = await cli(
      'excerpt',
      'add',
      articleId,
      '--quote',
      'words that are not there',
      '--library',
      library,
    )
    expect(absent.code).toBe(1)
    expect(absent.stderr).toContain('are not in “Iraq Kurdish Referendum 2017”')
    const ambiguous = await cli('excerpt', 'add', articleId, '--quote', 'Kurdish', '--library', library)
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toMatch(/appear \d+ times .*--occurrence/)
    const tooFar = await cli(
      'excerpt',
      'add',
      articleId,
      '--quote',
      'Kurdish',
      '--occurrence',
      '999',
      '--library',
      library,
    )
    expect(tooFar.stderr).toMatch(/appear only \d+ times/)
    const second = JSON.parse(
      (
        await cli(
          'excerpt',
          'add',
          articleId,
          '--quote',
          'Kurdish',
          '--occurrence',
          '2',
          '--library',
          library,
          '--json',
        )
      ).stdout,
    )
    const text = (await openLibrary(library, SAMPLE_ARTICLE)).store
    const body = await text.readBody(`articles/${articleId}/text.txt`)
    expect(second.start).toBe(body.indexOf('Kurdish', body.indexOf('Kurdish') + 1))

    const cited = JSON.parse(
      (
        await cli(
          'excerpt',
          'add',
          articleId,
          '--quote',
          reworded.before,
          '--comment',
          'The reaction',
          '--tag',
          'reaction',
          '--tag',
          '#Iran',
          '--library',
          library,
          '--json',
        )
      ).stdout,
    )
    expect(cited).toMatchObject({
      quote: reworded.before,
      comment: 'The reaction',
      tags: ['reaction', 'iran'],
      state: 'exact',
    })
    const moved = JSON.parse(
      (await cli('excerpt', 'add', articleId, '--quote', unchanged[2], '--library', library, '--json'))
        .stdout,
    )

    const opened = await openLibrary(library, SAMPLE_ARTICLE)
    const citing = await createNote(opened.store, 'Citing note')
    await saveNote(opened.store, citing.id, contentWith({ type: 'excerpt', version: 1, excerptId: cited.id }))
    const linking = await createNote(opened.store, 'Linking note')
    await saveNote(
      opened.store,
      linking.id,
      contentWith({ type: 'note-link', version: 1, noteId: citing.id, title: 'Citing note' }),
    )

    const listed = JSON.parse((await cli('excerpts', articleId, '--library', library, '--json')).stdout)
    expect(listed.map((e: { id: string }) => e.id)).toEqual(
      [second.id, moved.id, cited.id].sort(
        (a, b) =>
          listed.find((e: { id: string }) => e.id === a).start -
          listed.find((e: { id: string }) => e.id === b).start,
      ),
    )
    expect(listed.find((e: { id: string }) => e.id === cited.id)).toMatchObject({
      state: 'exact',
      citingNoteIds: [citing.id],
      tags: ['reaction', 'iran'],
    })

    const articleLinks = JSON.parse(
      (await cli('backlinks', articleId, '--library', library, '--json')).stdout,
    )
    expect(articleLinks.notes).toEqual([{ id: citing.id, title: 'Citing note' }])
    const noteLinks = await cli('backlinks', citing.id, '--library', library)
    expect(noteLinks.stdout).toContain('Linking note')

    const folder = join(work, 'revised')
    await mkdir(folder)
    const revised = join(folder, 'iraq-kurdish-referendum-2017.txt')
    await writeFile(revised, scriptedRevisionOfSample(await readFile(SAMPLE_ARTICLE, 'utf8')))
    const updated = await cli('update', articleId, revised, '--library', library)
    expect(updated.code).toBe(0)
    expect(updated.stdout).toMatch(new RegExp(`^moved +${moved.id}`, 'm'))
    expect(updated.stdout).toMatch(
      new RegExp(`^changed +${cited.id} .*\\(was: ${reworded.before.replace(/[.]/g, '\\.')}\\)`, 'm'),
    )

    const after = JSON.parse((await cli('excerpts', articleId, '--library', library, '--json')).stdout)
    expect(after.find((e: { id: string }) => e.id === cited.id)).toMatchObject({
      state: 'changed',
      quote: reworded.after,
      previousQuote: reworded.before,
      citingNoteIds: [citing.id],
    })
    const missing = await cli('update', articleId, join(folder, 'nope.txt'), '--library', library)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('does not exist')
  }, 300_000)
})

/** A note body of one paragraph holding the given node. */
function contentWith(node: Record<string, unknown>) {
  const paragraph = {
    type: 'paragraph',
    version: 1,
    children: [node],
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
  }
  return {
    root: {
      type: 'root' as const,
      children: [paragraph],
      direction: null,
      format: '',
      indent: 0,
      version: 1,
    },
  }
}
