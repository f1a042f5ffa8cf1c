import { describe, it, expect, beforeEach } from 'vitest'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary, type Library } from './library'
import { createNote, deleteNote, getNote, listNotes, saveNote } from './notes/notes'
import { getArticle, readArticleText } from './articles'
import { invoke } from '../api/invoke'
import { TERMINAL_CALL } from '../api/path-policy'
import { SAMPLE_ARTICLE } from '../testing/corpus'
import { runCliInProcess } from '../testing/run-cli'
import { importPaths } from './import/import-files'

// A library folder is plain files a person (or a sync tool) can break: a note file holding `5`, a
// note file or an article body gone. Each must be a clear error naming the file, not a 500 with raw
// zod JSON, a raw ENOENT, or — worst — an empty note that the next autosave writes over the loss.

let library: Library
let dir: string
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'commonplace-damaged-')), 'library')
  library = await openLibrary(dir, SAMPLE_ARTICLE)
})

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] })
const noteFile = (id: string) => join(dir, 'notes', `${id}.json`)

describe('a damaged note file', () => {
  it.each([
    ['holds 5', '5', /does not hold a note \(the file holds the number 5, where an object was expected\)/],
    [
      'holds 5 as its content',
      (id: string) => JSON.stringify({ schemaVersion: 1, id, content: 5 }),
      /\(content holds the number 5, where an object was expected\)/,
    ],
    [
      'has no content root',
      (id: string) => JSON.stringify({ schemaVersion: 1, id, content: {} }),
      /\(content\.root is missing, where an object was expected\)/,
    ],
    [
      'belongs to another note',
      () => JSON.stringify({ schemaVersion: 1, id: 'n-other', content: null }),
      /holds the note n-other/,
    ],
    [
      'is from a newer version',
      (id: string) => JSON.stringify({ schemaVersion: 99, id, content: null }),
      /newer Commonplace/,
    ],
  ])('that %s is a clear error naming it, through the API and the CLI', async (_case, write, reason) => {
    const note = await createNote(library.store, 'Damaged')
    const text = typeof write === 'string' ? write : write(note.id)
    await writeFile(noteFile(note.id), text)

    await expect(getNote(library.store, note.id)).rejects.toMatchObject({
      code: 'LIBRARY_UNREADABLE',
      message: expect.stringMatching(reason),
    })
    const reply = await invoke(library, 'notes.get', { id: note.id }, TERMINAL_CALL)
    expect(reply).toMatchObject({ ok: false, error: { code: 'LIBRARY_UNREADABLE' } })
    if (!reply.ok) {
      expect(reply.error.message).toContain(noteFile(note.id))
      expect(reply.error.message).toContain('.commonplace/backups')
      expect(reply.error.message).not.toMatch(/"code":|Invalid input|Cannot read/) // no raw zod JSON
    }
    const cli = await runCliInProcess('export', note.id, '--library', dir)
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain(noteFile(note.id))
    expect(cli.stderr).not.toMatch(/Cannot read properties/)
    expect(await readFile(noteFile(note.id), 'utf8')).toBe(text) // left as it is
  })
})

describe('a missing note file', () => {
  it('is reported as missing (never opened as an empty note), and the note can still be deleted', async () => {
    const note = await createNote(library.store, 'Vanished')
    await saveNote(library.store, note.id, { root: { type: 'root', children: [paragraph('gone')] } })
    await rm(noteFile(note.id))
    const reply = await invoke(library, 'notes.get', { id: note.id }, TERMINAL_CALL)
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'LIBRARY_FILE_MISSING',
        message: `The note “Vanished” cannot be opened: its file ${noteFile(note.id)} is missing. Nothing was changed. The library keeps backups in .commonplace/backups, and \`commonplace doctor\` lists the problems it finds.`,
      },
    })
    await deleteNote(library.store, note.id)
    expect(listNotes(library.store)).toEqual([])
  })

  it('does not stop another note from being made when it waits for that title', async () => {
    const waiting = await createNote(library.store, 'Waiting')
    await saveNote(library.store, waiting.id, {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [{ type: 'note-link', version: 1, noteId: '', title: 'Later', children: [] }],
          },
        ],
      },
    })
    await rm(noteFile(waiting.id))
    await expect(createNote(library.store, 'Later')).resolves.toMatchObject({ title: 'Later' })
  })
})

describe('a missing article body', () => {
  it.each([
    ['content.html', 'its stored page'],
    ['text.txt', 'its text'],
  ])('%s: a clear error naming the article and the file', async (file, what) => {
    const [outcome] = await importPaths(library.store, [SAMPLE_ARTICLE])
    const id = outcome!.articleId!
    const path = join(dir, 'articles', id, file)
    await rm(path)
    const expected = {
      code: 'LIBRARY_FILE_MISSING',
      message: expect.stringContaining(
        `The article “Iraq Kurdish Referendum 2017” (${id}) cannot be opened: ${what}, ${path}, is missing.`,
      ),
    }
    await expect(getArticle(library.store, id)).rejects.toMatchObject(expected)
    expect(await invoke(library, 'articles.get', { id }, TERMINAL_CALL)).toMatchObject({
      ok: false,
      error: expected,
    })
    if (file === 'text.txt') await expect(readArticleText(library.store, id)).rejects.toMatchObject(expected)
  })
})
