import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, type LexicalEditor } from 'lexical'
import { $createTableNodeWithDimensions } from '@lexical/table'
import { createNoteEditor, noteContentToMarkdown } from '../../notes/headless'
import { $createExcerptNode } from '../../notes/excerpt-node'
import { $createNoteLinkNode } from '../../notes/note-link-node'
import { SerializedNoteContent } from '../../notes/note-content'
import { startCollabServer, REFUSED_NAME, REFUSED_TOKEN, type CollabServer } from './collab-server'
import { openHeadlessLiveNote, type HeadlessLiveNote } from './headless-live-note'
import { noteContentFromState } from './note-binding'
import { DocumentFiles } from './document-files'
import * as Y from 'yjs'

const TOKEN = randomBytes(24).toString('hex')
let dir: string
let server: CollabServer
const open: HeadlessLiveNote[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'commonplace-collab-'))
  server = await startCollabServer({ port: 0, dir, token: TOKEN })
})

afterEach(async () => {
  for (const note of open.splice(0)) note.close()
  await server.stop()
  await rm(dir, { recursive: true, force: true })
})

function joinNote(
  documentName: string,
  options: Parameters<typeof openHeadlessLiveNote>[1] = {},
  token = TOKEN,
) {
  const note = openHeadlessLiveNote({ url: server.url, documentName, token }, options)
  open.push(note)
  return note
}

const textOf = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getTextContent())
const contentOf = (editor: LexicalEditor) => SerializedNoteContent.parse(editor.getEditorState().toJSON())

/** Adds words at the end of the note's first paragraph, as typing there would. */
function type(editor: LexicalEditor, words: string) {
  editor.update(() => {
    const first = $getRoot().getFirstChild()
    if ($isElementNode(first)) first.append($createTextNode(words))
  })
}

/** A note with every kind of block a note may hold that is ours: an excerpt, a note link, a table. */
function richNote(): SerializedNoteContent {
  const editor = createNoteEditor()
  editor.update(
    () => {
      const root = $getRoot()
      root.append($createParagraphNode().append($createTextNode('Opening words. ')))
      root.append(
        $createExcerptNode({
          excerptId: 'x_shared1',
          articleId: 'a_shared1',
          quote: 'A quoted line from the source',
          sourceTitle: 'The Source',
          sourceName: 'source.md',
          sourceUrl: 'https://example.org/source',
          excerptedAt: '2026-12-01T10:00:00.000Z',
        }),
      )
      root.append(
        $createParagraphNode().append(
          $createTextNode('See '),
          $createNoteLinkNode({ noteId: 'n_other1', title: 'Other note' }),
        ),
      )
      root.append($createTableNodeWithDimensions(2, 2, true))
    },
    { discrete: true },
  )
  return contentOf(editor)
}

describe('live co-editing through a Hocuspocus server', () => {
  it('gives a joining editor the shared note with its excerpt, note link and table', async () => {
    const seed = richNote()
    const sharer = joinNote('review-1', { seed })
    await sharer.synced
    const joiner = joinNote('review-1')
    await joiner.synced
    await vi.waitFor(() => expect(contentOf(joiner.editor)).toEqual(contentOf(sharer.editor)), {
      timeout: 20_000,
    })
    const json = JSON.stringify(contentOf(joiner.editor))
    for (const type of ['"excerpt"', '"note-link"', '"table"', 'A quoted line from the source', 'n_other1'])
      expect(json).toContain(type)
    expect(noteContentToMarkdown(contentOf(joiner.editor))).toBe(noteContentToMarkdown(seed))
  })

  it('converges when both type at once', async () => {
    const a = joinNote('race', { seed: richNote() })
    await a.synced
    const b = joinNote('race')
    await b.synced
    await vi.waitFor(() => expect(textOf(b.editor)).toBe(textOf(a.editor)), { timeout: 20_000 })
    for (let round = 0; round < 20; round++) {
      type(a.editor, `a${round} `)
      type(b.editor, `b${round} `)
    }
    await vi.waitFor(
      () => {
        expect(textOf(a.editor)).toBe(textOf(b.editor))
        for (let round = 0; round < 20; round++) {
          expect(textOf(a.editor)).toContain(`a${round} `)
          expect(textOf(a.editor)).toContain(`b${round} `)
        }
      },
      { timeout: 20_000 },
    )
  })

  it('loses nothing when the server stops and starts again on the same folder', async () => {
    const a = joinNote('restart', { seed: richNote() })
    await a.synced
    type(a.editor, 'before the restart')
    const expected = () => textOf(a.editor)
    await vi.waitFor(
      async () => {
        const stored = await new DocumentFiles(dir).read('restart')
        expect(stored).not.toBeNull()
        expect(JSON.stringify(await noteContentFromState(stored!))).toContain('before the restart')
      },
      { timeout: 20_000 },
    )
    a.close()
    open.splice(open.indexOf(a), 1)
    await server.stop()
    server = await startCollabServer({ port: 0, dir, token: TOKEN })
    const c = joinNote('restart')
    await c.synced
    await vi.waitFor(() => expect(textOf(c.editor)).toBe(expected()), { timeout: 20_000 })
    expect(await readdir(dir)).toEqual(['restart.yjs'])
  })

  it('merges edits made offline on both sides once the server is back', async () => {
    const a = joinNote('offline', { seed: richNote() })
    await a.synced
    const b = joinNote('offline')
    await b.synced
    await vi.waitFor(() => expect(textOf(b.editor)).toBe(textOf(a.editor)), { timeout: 20_000 })
    const port = server.port
    await server.stop()
    await vi.waitFor(() => expect([a.status(), b.status()]).not.toContain('connected'), { timeout: 20_000 })
    type(a.editor, 'written offline on A ')
    type(b.editor, 'written offline on B ')
    server = await startCollabServer({ port, dir, token: TOKEN })
    await vi.waitFor(
      () => {
        expect(textOf(a.editor)).toBe(textOf(b.editor))
        expect(textOf(a.editor)).toContain('written offline on A ')
        expect(textOf(a.editor)).toContain('written offline on B ')
      },
      { timeout: 30_000 },
    )
  })

  it('refuses a wrong token with a clear reason', async () => {
    const intruder = joinNote('review-1', {}, 'not-the-token-at-all')
    await expect(intruder.synced).rejects.toThrow(REFUSED_TOKEN)
    expect(intruder.status()).toBe('refused')
    expect(await readdir(dir)).toEqual([])
  })

  it.each(['../escape', '..', 'a/b', 'name with spaces', 'x'.repeat(101), '%2e%2e', 'C:\\x'])(
    'refuses the document name %j and writes nothing',
    async (name) => {
      const note = joinNote(name)
      await expect(note.synced).rejects.toThrow(REFUSED_NAME)
      expect(await readdir(dir)).toEqual([])
      expect(() => new DocumentFiles(dir).pathOf(name)).toThrow(/not a shared document name/)
    },
  )

  it.each(['', '.', 'nul\0byte', '/etc/passwd', 'a\\b', 'ok.yjs'])('never makes a path of %j', (name) => {
    expect(() => new DocumentFiles(dir).pathOf(name)).toThrow(/not a shared document name/)
  })

  it('rebuilds a note from a stored state the same as the editors show it', async () => {
    const a = joinNote('rebuild', { seed: richNote() })
    await a.synced
    expect(await noteContentFromState(Y.encodeStateAsUpdate(a.doc))).toEqual(contentOf(a.editor))
  })
})
