import { describe, it, expect, beforeAll } from 'vitest'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { $getRoot } from 'lexical'
import { LibraryStore } from '../store/library-store'
import { importPaths } from '../import/import-files'
import { findArticle } from '../articles'
import { createAreaExcerpt } from '../area-excerpts'
import { createNote, getNote, saveNote } from '../notes/notes'
import { createNoteEditor } from '../notes/headless'
import { $createExcerptNode } from '../notes/excerpt-node'
import { SerializedNoteContent } from '../notes/note-content'
import { importNoteFromMarkdown } from '../notes/markdown-import'
import type { Excerpt } from '../records'
import { exportNoteToFile } from './note-markdown'
import { exportVault } from './vault'
import { verifyMarkdown, verifyPath } from '../verify/verify-markdown'
import { givenPictures } from '../verify/given-pictures'
import { mixedSizePdf, pngOf } from '../../testing/area-fixtures'

let store: LibraryStore
let area: Excerpt
let noteId: string
const png = pngOf(400, 200)
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

beforeAll(async () => {
  store = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'commonplace-area-export-')))
  const pdf = join(await mkdtemp(join(tmpdir(), 'commonplace-area-src-')), 'mixed.pdf')
  await writeFile(pdf, await mixedSizePdf())
  const articleId = (await importPaths(store, [pdf]))[0]!.articleId!
  area = await createAreaExcerpt(store, { articleId, page: 2, rect: [40, 40, 240, 140], png })
  const article = findArticle(store, articleId)
  const editor = createNoteEditor()
  editor.update(
    () =>
      $getRoot().append(
        $createExcerptNode({
          excerptId: area.id,
          articleId,
          quote: '',
          sourceTitle: article.title,
          sourceName: article.sourceName,
          sourceUrl: null,
          excerptedAt: area.createdAt,
          area: { page: 2, rect: area.area!.rect },
        }),
      ),
    { discrete: true },
  )
  noteId = (await createNote(store, 'Figures')).id
  await saveNote(store, noteId, SerializedNoteContent.parse(editor.getEditorState().toJSON()))
})

describe('area excerpts in Markdown', () => {
  it('a single note writes its pictures into attachments/ beside it, linked above the citation', async () => {
    const out = await mkdtemp(join(tmpdir(), 'commonplace-area-note-'))
    const { path } = await exportNoteToFile(store, noteId, out)
    const markdown = await readFile(path, 'utf8')
    const title = findArticle(store, area.articleId).title
    expect(markdown).toContain(`> ![Page 2 of ${title}](attachments/${area.id}.png)\n>\n> — *${title}*`)
    expect(markdown).toContain(
      ` · [${area.id}](commonplace://excerpt/${area.id}) · sha256:${area.area!.imageHash.slice(0, 12)}\n`,
    )
    expect(await readFile(join(out, 'attachments', `${area.id}.png`))).toEqual(Buffer.from(png))
    expect((await verifyPath(store, path)).map((v) => v.state)).toEqual(['exact'])
  })

  it('a vault holds attachments/<id>.png, linked from the note and the source; verify reads the picture', async () => {
    const vault = await mkdtemp(join(tmpdir(), 'commonplace-area-vault-'))
    const report = await exportVault(store, vault)
    expect(report.skipped).toEqual([])
    expect(await readdir(join(vault, 'attachments'))).toEqual([`${area.id}.png`])
    const note = await readFile(join(vault, 'notes', 'Figures.md'), 'utf8')
    expect(note).toContain(`](../attachments/${area.id}.png)`)
    const [source] = await readdir(join(vault, 'sources'))
    expect(await readFile(join(vault, 'sources', source!), 'utf8')).toContain(
      `](../attachments/${area.id}.png)`,
    )
    const states = async () => (await verifyPath(store, vault)).map((v) => [v.file, v.state, v.detail])
    expect((await states()).every(([, state]) => state === 'exact')).toBe(true)

    // Another picture under the same name: both quotes showing it are altered, and say why.
    await writeFile(join(vault, 'attachments', `${area.id}.png`), pngOf(400, 200, 9))
    const after = await states()
    expect(after.map(([, state]) => state)).toEqual(['altered', 'altered'])
    expect(after[0]![2]).toMatch(/differs from the one of excerpt/)
  })

  it('given as text, the picture is judged by the fingerprint, or by the hash of pictures given beside it', async () => {
    const out = await mkdtemp(join(tmpdir(), 'commonplace-area-text-'))
    const markdown = await readFile((await exportNoteToFile(store, noteId, out)).path, 'utf8')
    const [byFingerprint] = await verifyMarkdown(store, markdown, 'Figures.md')
    expect(byFingerprint).toMatchObject({
      state: 'exact',
      detail: expect.stringMatching(/fingerprint matches/),
    })
    const forged = markdown.replace(/sha256:[0-9a-f]{12}/, 'sha256:000000000000')
    expect((await verifyMarkdown(store, forged, 'Figures.md'))[0]!.state).toBe('altered')
    const pictures = [{ name: `notes/attachments/${area.id}.png`, sha256: sha(png) }]
    const [byPicture] = await verifyMarkdown(
      store,
      markdown,
      'notes/Figures.md',
      givenPictures('notes/Figures.md', pictures),
    )
    expect(byPicture).toMatchObject({ state: 'exact', detail: expect.stringMatching(/page 2/) })
    const wrong = [{ name: `notes/attachments/${area.id}.png`, sha256: '0'.repeat(64) }]
    const [byWrong] = await verifyMarkdown(
      store,
      markdown,
      'notes/Figures.md',
      givenPictures('notes/Figures.md', wrong),
    )
    expect(byWrong!.state).toBe('altered')
  })

  it('importing the exported note keeps the image excerpt block', async () => {
    const out = await mkdtemp(join(tmpdir(), 'commonplace-area-import-'))
    const markdown = await readFile((await exportNoteToFile(store, noteId, out)).path, 'utf8')
    const imported = await importNoteFromMarkdown(store, markdown, 'Figures.md')
    expect(imported.excerptIds).toEqual([area.id])
    const { content } = await getNote(store, imported.id)
    const block = JSON.stringify(content)
    expect(block).toContain(`"area":{"page":2,"rect":[${area.area!.rect.join(',')}]}`)
  })
})
