import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import { openLibrary } from './core/library'
import { startBrowserModeServer, type BrowserModeServer } from './server'
import { SAMPLE_ARTICLE } from './testing/corpus'

let server: BrowserModeServer
let base: string

beforeAll(async () => {
  const work = await mkdtemp(join(tmpdir(), 'commonplace-server-'))
  const rendererDir = join(work, 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Commonplace</title>')
  await writeFile(join(work, 'secret.txt'), 'outside the renderer')
  const library = await openLibrary(join(work, 'library'), SAMPLE_ARTICLE)
  server = await startBrowserModeServer({ library, rendererDir })
  base = `http://127.0.0.1:${server.port}`
})
afterAll(() => server.close())

const api = (name: string, body: unknown, token: string | null = server.token) =>
  fetch(`${base}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints a tokenised URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
  })

  it('refuses API calls without the token, or with a wrong one', async () => {
    expect((await api('articles.list', {}, null)).status).toBe(401)
    expect((await api('articles.list', {}, 'wrong')).status).toBe(401)
  })

  it('answers valid calls through the contract', async () => {
    const imported = await (await api('articles.importSample', {})).json()
    expect(imported).toMatchObject({ ok: true, result: { status: 'imported' } })
    const list = await (await api('articles.list', {})).json()
    expect(list.result[0].title).toBe('Iraq Kurdish Referendum 2017')
  })

  it('rejects invalid arguments with a clear message before the core', async () => {
    const response = await api('articles.get', { id: 42 })
    expect(response.status).toBe(400)
    expect((await response.json()).error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('at id'),
    })
    const unknown = await api('articles.nope', {})
    expect(unknown.status).toBe(404)
    const notJson = await fetch(`${base}/api/articles.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{',
    })
    expect(notJson.status).toBe(400)
  })

  it('serves the app with a strict CSP, and nothing outside it', async () => {
    const page = await fetch(`${base}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-eval')
    const escape = await rawGet('/../secret.txt')
    expect(escape.body).not.toContain('outside the renderer')
  })

  it.each(['/%c0%ae%c0%ae/secret.txt', '/%E0%A4%A', '/index.html%'])(
    'answers a malformed escape in an address (%s) with 400 and says so',
    async (path) => {
      const response = await rawGet(path)
      expect(response.status).toBe(400)
      expect(response.body).toMatch(/^Malformed request address .*check its %-escapes/)
    },
  )

  it('answers a malformed escape in an API method name with 400 INVALID_INPUT', async () => {
    for (const name of ['%E0%A4%A', 'articles.list%', '%c0%ae']) {
      const response = await fetch(`${base}/api/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}` },
        body: '{}',
      })
      expect(response.status).toBe(400)
      expect((await response.json()).error).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('Malformed request address'),
      })
    }
  })

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const response = await rawGet('/', 'evil.example:80')
    expect(response.status).toBe(421)
  })
})

function rawGet(path: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, headers: host ? { Host: host } : {} },
      (res) => {
        let body = ''
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}
