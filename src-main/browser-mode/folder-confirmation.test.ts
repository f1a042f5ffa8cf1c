// Defect (issue 10): whoever held browser mode's token — or any script in its page — could read any
// importable file and write any path (a probe overwrote a fake ~/.bashrc). Now a call may name only the
// library, the default export folder and folders the person at the browser confirmed on a page of
// another origin, which no script in the app's page can read or press.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../core/library'
import { startBrowserModeServer, type BrowserModeServer } from '../server'
import { SAMPLE_ARTICLE } from '../testing/corpus'
import { realPathOf } from './allowed-folders'

let server: BrowserModeServer
let work: string
let home: string
let noteId: string

beforeAll(async () => {
  work = await realPathOf(await mkdtemp(join(tmpdir(), 'commonplace-confirm-')))
  home = join(work, 'home')
  await mkdir(join(work, 'renderer'), { recursive: true })
  await mkdir(home)
  await writeFile(join(work, 'renderer', 'index.html'), '<!doctype html><title>Commonplace</title>')
  await writeFile(join(home, '.bashrc'), 'echo original\n')
  const library = await openLibrary(join(work, 'library'), SAMPLE_ARTICLE)
  server = await startBrowserModeServer({
    library,
    rendererDir: join(work, 'renderer'),
    defaultExportDir: join(work, 'Commonplace vault'),
  })
  noteId = ((await api('notes.create', { title: 'Payload' })).body.result as { id: string }).id
})
afterAll(() => server.close())

interface Answer {
  status: number
  body: { ok: boolean; result?: unknown; error?: { code: string; message: string } }
  text: string
}

/** An HTTP request to the server with the given Host header (127.0.0.1 or localhost, same port). */
function send(
  method: string,
  path: string,
  options: { host?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path,
        headers: { Host: `${options.host ?? '127.0.0.1'}:${server.port}`, ...options.headers },
      },
      (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk.toString()))
        response.on('end', () => {
          let body: Answer['body'] = { ok: false }
          try {
            body = JSON.parse(text) as Answer['body']
          } catch {
            // a page, not JSON
          }
          resolve({ status: response.statusCode ?? 0, body, text })
        })
      },
    )
    outgoing.on('error', reject)
    outgoing.end(options.body)
  })
}

const withToken = { Authorization: `Bearer ${'TOKEN'}`, 'Content-Type': 'application/json' }
const authorized = () => ({ ...withToken, Authorization: `Bearer ${server.token}` })
const api = (name: string, input: unknown) =>
  send('POST', `/api/${name}`, { headers: authorized(), body: JSON.stringify(input) })
const folders = (route: string, input: unknown, headers = authorized()) =>
  send('POST', `/folders/${route}`, { headers, body: JSON.stringify(input) })

describe('paths over HTTP', () => {
  it.each<[string, () => unknown]>([
    ['export.noteToFile', () => ({ id: noteId, path: join(home, '.bashrc') })],
    ['export.noteToFile', () => ({ id: noteId, path: join(home, 'note.md') })],
    ['export.vault', () => ({ outDir: home })],
    ['articles.importPaths', () => ({ paths: [SAMPLE_ARTICLE] })],
    ['articles.importablePaths', () => ({ paths: [home] })],
  ])('refuses %s outside the allowed folders with 403 and writes nothing', async (name, input) => {
    const answer = await api(name, input())
    expect(answer.status).toBe(403)
    expect(answer.body.error).toMatchObject({
      code: 'PATH_REFUSED',
      message: expect.stringContaining('outside them'),
    })
    expect(await readFile(join(home, '.bashrc'), 'utf8')).toBe('echo original\n')
    expect(await readdir(home)).toEqual(['.bashrc'])
  })

  it('writes a vault into the default export folder without asking', async () => {
    const answer = await api('export.vault', { outDir: join(work, 'Commonplace vault') })
    expect(answer.body).toMatchObject({ ok: true, result: { created: ['notes/Payload.md'] } })
  })
})

describe('confirming a folder', () => {
  it('says yes at once for the default export folder', async () => {
    const answer = await folders('ask', { path: join(work, 'Commonplace vault', 'sub') })
    expect(answer.body).toEqual({
      ok: true,
      result: { state: 'confirmed', folder: join(work, 'Commonplace vault', 'sub') },
    })
  })

  it('needs the token to ask, and refuses hidden folders and the home folder outright', async () => {
    expect((await folders('ask', { path: join(work, 'Mine') }, withToken)).status).toBe(401)
    const hidden = await folders('ask', { path: join(home, '.config', 'autostart') })
    expect(hidden.status).toBe(403)
    expect(hidden.body.error?.message).toMatch(/hidden folder/)
  })

  it('is answered only on the page of the other origin, by a form carrying its secret', async () => {
    const folder = join(work, 'Mine')
    const asked = await folders('ask', { path: folder })
    const { id, confirmUrl, state } = asked.body.result as { id: string; confirmUrl: string; state: string }
    expect(state).toBe('waiting')
    expect(confirmUrl).toBe(`http://localhost:${server.port}/folders/confirm/${id}`)
    const page = `/folders/confirm/${id}`

    // The app's own origin cannot read the page (its secret would be within reach of the app's scripts).
    expect((await send('GET', page)).status).toBe(404)
    const shown = await send('GET', page, { host: 'localhost' })
    expect(shown.status).toBe(200)
    expect(shown.text).toContain(folder)
    const nonce = /name="nonce" value="([^"]+)"/.exec(shown.text)![1]!

    const form = (origin: string, secret: string) => ({
      host: 'localhost',
      headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `nonce=${secret}&answer=allow`,
    })
    const app = `http://127.0.0.1:${server.port}`
    const confirmOrigin = `http://localhost:${server.port}`
    expect((await send('POST', page, form(app, nonce))).status).toBe(403)
    expect((await send('POST', page, form(confirmOrigin, 'guessed'))).status).toBe(403)
    expect((await folders('status', { id })).body.result).toEqual({ state: 'waiting' })
    expect((await api('export.vault', { outDir: folder })).status).toBe(403)

    const answered = await send('POST', page, form(confirmOrigin, nonce))
    expect(answered.status).toBe(200)
    expect(answered.text).toContain('may now write into')
    expect((await folders('status', { id })).body.result).toEqual({ state: 'confirmed' })
    expect((await api('export.vault', { outDir: folder })).body).toMatchObject({
      ok: true,
      result: { notes: 1 },
    })
    expect((await api('export.noteToFile', { id: noteId, path: join(folder, '.bashrc') })).status).toBe(403)
    expect((await send('POST', page, form(confirmOrigin, nonce))).status).toBe(409)
  })
})
