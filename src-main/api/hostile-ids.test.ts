// Ids are part of file names: an id of any other shape must never reach the store (defect: an article
// with id `..` deleted the whole library folder; a restored note `../library` then deleted library.json).
import { describe, it, expect } from 'vitest'
import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../core/library'
import { SAMPLE_ARTICLE } from '../testing/corpus'
import { TERMINAL_CALL } from './path-policy'
import { invoke } from './invoke'

const HOSTILE_IDS = [
  '..',
  '../library',
  'a-../..',
  'n-../../x',
  '/etc/passwd',
  'a-ABC',
  'a-',
  'a-x/y',
  'n-1\u0000',
  '',
]

async function freshLibrary() {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-hostile-ids-'))
  const library = await openLibrary(join(dir, 'library'), SAMPLE_ARTICLE)
  const imported = await invoke(library, 'articles.importPaths', { paths: [SAMPLE_ARTICLE] }, TERMINAL_CALL)
  if (!imported.ok) throw new Error(imported.error.message)
  return { dir, library }
}

describe('ids from API calls', () => {
  it.each(HOSTILE_IDS)(
    'refuses %j as an id of every method that takes one, and changes nothing',
    async (id) => {
      const { dir, library } = await freshLibrary()
      const before = await readdir(join(dir, 'library'), { recursive: true })
      const calls: [string, unknown][] = [
        ['articles.get', { id }],
        ['articles.record', { id }],
        ['articles.newerCopy', { id }],
        ['articles.originalPdf', { id }],
        ['articles.pdfTextMap', { id }],
        ['articles.delete', { id }],
        ['articles.rename', { id, title: 'x' }],
        ['excerpts.delete', { id }],
        ['excerpts.list', { articleId: id }],
        ['notes.delete', { id }],
        ['notes.get', { id }],
        ['graph.backlinks', { id }],
        [
          'notes.restore',
          {
            note: {
              id,
              title: 'x',
              createdAt: 'x',
              updatedAt: 'x',
              excerptIds: [],
              linkedNoteIds: [],
              tags: [],
            },
            content: null,
          },
        ],
      ]
      for (const [name, input] of calls) {
        const reply = await invoke(library, name, input, TERMINAL_CALL)
        expect(reply, name).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
        if (!reply.ok) expect(reply.error.message, name).toMatch(/is not (an?|an article or note) .*id/)
      }
      expect(await readdir(join(dir, 'library'), { recursive: true })).toEqual(before)
    },
  )
})

describe('ids in a library file', () => {
  it('sets aside a library.json whose article id is `..`, keeps it, and deletes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commonplace-hostile-index-'))
    const libraryDir = join(dir, 'library')
    await mkdir(join(libraryDir, 'articles'), { recursive: true })
    await writeFile(join(libraryDir, 'articles', 'keep.txt'), 'still here')
    const index = {
      schemaVersion: 1,
      articles: [
        {
          id: '..',
          title: 'Trap',
          format: 'text',
          importedAt: '2026-01-01T00:00:00.000Z',
          wordCount: 1,
          contentHash: 'x',
        },
      ],
    }
    await writeFile(join(libraryDir, 'library.json'), JSON.stringify(index))
    const library = await openLibrary(libraryDir, SAMPLE_ARTICLE)
    expect(library.store.data.articles).toEqual([])
    expect(library.store.problems[0]).toMatchObject({
      action: 'quarantined',
      reason: expect.stringMatching(/articles\.0\.id: is not an article id/),
    })
    const aside = (await readdir(libraryDir)).find((name) => name.startsWith('library.json.corrupt-'))!
    expect(JSON.parse(await readFile(join(libraryDir, aside), 'utf8'))).toEqual(index)
    const deleted = await invoke(library, 'articles.delete', { id: '..' }, TERMINAL_CALL)
    expect(deleted).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await readFile(join(libraryDir, 'articles', 'keep.txt'), 'utf8')).toBe('still here')
  })
})
