import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCouchServer, type CouchServer } from '../testing/couch-server'
import { runCliInProcess as cli } from '../testing/run-cli'
import { noteContent } from '../testing/note-content'
import { LibraryStore } from '../core/store/library-store'
import { getNote, saveNote } from '../core/notes/notes'

let server: CouchServer
beforeAll(async () => {
  server = await startCouchServer()
  process.env.COMMONPLACE_SYNC_PASSWORD = server.password
})
afterAll(async () => {
  delete process.env.COMMONPLACE_SYNC_PASSWORD
  await server.close()
})

const folder = (name: string) => mkdtemp(join(tmpdir(), `commonplace-cli-sync-${name}-`))

/** Saves a note's text in a library the way the app would, then lets the folder go. */
async function writeNote(library: string, id: string, text: string): Promise<void> {
  const store = await LibraryStore.open(library)
  await saveNote(store, id, noteContent(text))
  await store.close()
}

async function noteText(library: string, id: string): Promise<string> {
  const store = await LibraryStore.open(library)
  const { content } = await getNote(store, id)
  await store.close()
  return JSON.stringify(content)
}

describe('commonplace sync and conflicts', () => {
  it('syncs two folders, shows a conflict and resolves it with --keep theirs', async () => {
    const [a, b, notes] = await Promise.all([folder('a'), folder('b'), folder('md')])
    const url = server.newDatabase()
    await writeFile(join(notes, 'plan.md'), '# Plan\n\nFirst words.\n')
    const imported = await cli('note', 'import', join(notes, 'plan.md'), '--library', a, '--json')
    expect(imported.code).toBe(0)
    const id = (JSON.parse(imported.stdout) as { id: string }[])[0]!.id
    const user = ['--user', server.username]
    const first = await cli('sync', '--remote', url, ...user, '--library', a, '--json')
    expect(first.stderr).toBe('')
    expect(JSON.parse(first.stdout)).toMatchObject({ remote: url, pushed: 1 })
    // B remembers nothing yet; later runs of A remember the URL.
    expect((await cli('sync', '--remote', url, ...user, '--library', b)).stdout).toMatch(/received 1, sent/)
    expect(await noteText(b, id)).toContain('First words')

    await writeNote(a, id, 'A rewrote the plan')
    await writeNote(b, id, 'B rewrote it too')
    expect((await cli('sync', ...user, '--library', a)).code).toBe(0)
    const met = await cli('sync', ...user, '--library', b)
    expect(met.stdout).toMatch(/new conflicts 1/)
    const listed = await cli('conflicts', '--library', b, '--json')
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { id, kind: 'note', fields: ['updatedAt', 'content.json'] },
    ])
    const shown = await cli('conflicts', 'show', id, '--library', b)
    expect(shown.stdout).toMatch(/B rewrote it too[\s\S]*Theirs:[\s\S]*A rewrote the plan/)
    const resolved = await cli('conflicts', 'resolve', id, '--keep', 'theirs', '--library', b)
    expect(resolved.stdout).toMatch(/kept theirs/)
    await cli('sync', ...user, '--library', b)
    await cli('sync', ...user, '--library', a)
    for (const library of [a, b]) {
      expect(await noteText(library, id)).toContain('A rewrote the plan')
      expect((await cli('conflicts', '--library', library)).stdout).toBe('No conflicts.\n')
    }
    const status = JSON.parse((await cli('sync', 'status', '--library', a, '--json')).stdout)
    expect(status).toMatchObject({ lastSync: { remote: url }, openConflicts: 0 })
  })

  it('says what is wrong: the password, the server, the URL, the resolution', async () => {
    const library = await folder('errors')
    process.env.COMMONPLACE_SYNC_PASSWORD = 'wrong'
    const wrong = await cli(
      'sync',
      '--remote',
      server.newDatabase(),
      '--user',
      server.username,
      '--library',
      library,
    )
    process.env.COMMONPLACE_SYNC_PASSWORD = server.password
    expect(wrong).toMatchObject({ code: 1, stderr: expect.stringMatching(/wrong user name or password/) })
    const refused = await cli('sync', '--remote', 'http://192.0.2.1/db', '--library', library)
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/must be https/) })
    const usage = await cli('conflicts', 'resolve', 'n-abc', '--library', library)
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringMatching(/--keep mine, theirs or both/) })
    const none = await cli('conflicts', 'resolve', 'n-abc', '--keep', 'mine', '--library', library)
    expect(none).toMatchObject({ code: 1, stderr: expect.stringMatching(/No sync conflict for n-abc/) })
  })
})
