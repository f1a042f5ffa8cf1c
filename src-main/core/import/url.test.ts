import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createServer, type Server, type ServerResponse } from 'node:http'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { fetchForImport } from './url'
import { importSources } from './import-files'
import { LibraryStore } from '../store/library-store'
import { getArticle } from '../articles'
import { corpusFile } from '../../testing/corpus'

// A real HTTP server on the loopback interface serving corpus files and misbehaving on purpose.
let server: Server
let base: string
let page: Buffer
let pdf: Buffer

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  body?: Buffer | string,
): void {
  res.writeHead(status, headers)
  res.end(body)
}

beforeAll(async () => {
  page = await readFile(corpusFile('readability', '001', 'source.html'))
  pdf = await readFile(corpusFile('pdf', 'basicapi.pdf'))
  server = createServer((req, res) => {
    const path = req.url ?? '/'
    const chain = /^\/chain\/(\d+)$/.exec(path)
    if (path === '/articles/frontend-coverage')
      send(res, 200, { 'content-type': 'text/html; charset=utf-8' }, page)
    else if (path === '/paper.pdf') send(res, 200, { 'content-type': 'application/pdf' }, pdf)
    else if (path === '/download?id=7') send(res, 200, { 'content-type': 'application/octet-stream' }, pdf)
    else if (path === '/untyped')
      send(
        res,
        200,
        {},
        '<!doctype html><html><head><title>Untyped</title></head><body><p>Hello there.</p></body></html>',
      )
    else if (path === '/mystery') send(res, 200, {}, Buffer.from([0, 1, 2, 3]))
    else if (path === '/notes.txt')
      send(res, 200, { 'content-type': 'text/plain; charset=utf-8' }, 'Plain notes.\n\nSecond paragraph.')
    else if (path === '/latin') {
      const html =
        '<html><head><title>Café</title></head><body><article><p>' +
        'Un café très crème, s’il vous plaît. '.repeat(20) +
        '</p></article></body></html>'
      send(
        res,
        200,
        { 'content-type': 'text/html; charset=windows-1252' },
        iconv.encode(html, 'windows-1252'),
      )
    } else if (path === '/r1') send(res, 302, { location: '/r2' })
    else if (path === '/r2') send(res, 301, { location: `${base}/r3` })
    else if (path === '/r3') send(res, 307, { location: '/articles/frontend-coverage#top' })
    else if (path === '/loop-a') send(res, 302, { location: '/loop-b' })
    else if (path === '/loop-b') send(res, 302, { location: '/loop-a' })
    else if (chain) send(res, 302, { location: `/chain/${Number(chain[1]) + 1}` })
    else if (path === '/to-ftp') send(res, 302, { location: 'ftp://example.org/file.pdf' })
    else if (path === '/silent')
      req.socket.setTimeout(0) // never answers
    else if (path === '/trickle') {
      res.writeHead(200, { 'content-type': 'text/html' })
      const timer = setInterval(() => res.write('<p>.</p>'), 50)
      res.on('close', () => clearInterval(timer))
    } else if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' })
      const chunk = Buffer.alloc(64 * 1024, 'a')
      const pump = () => {
        while (res.write(chunk)) if (res.writableLength > 4 * 1024 * 1024) return
        res.once('drain', pump)
      }
      res.on('close', () => res.removeAllListeners('drain'))
      pump()
    } else if (path === '/declared-huge')
      send(
        res,
        200,
        { 'content-type': 'application/pdf', 'content-length': 10 * 1024 * 1024 },
        pdf.subarray(0, 10),
      )
    else if (path === '/photo.png')
      send(res, 200, { 'content-type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    else send(res, 404, { 'content-type': 'text/plain' }, 'not here')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('fetching a link', () => {
  it('fetches a page and imports it with its source URL', async () => {
    const source = await fetchForImport(`${base}/articles/frontend-coverage`)
    expect(source).toMatchObject({
      name: 'frontend-coverage.html',
      url: `${base}/articles/frontend-coverage`,
      contentType: 'text/html; charset=utf-8',
    })
    expect(Buffer.from(source.bytes).equals(page)).toBe(true)
    const store = await LibraryStore.open(join(await mkdtemp(join(tmpdir(), 'commonplace-url-')), 'library'))
    const [outcome] = await importSources(store, [source])
    const article = await getArticle(store, outcome!.articleId!)
    expect(article).toMatchObject({
      format: 'html',
      title: 'Get your Frontend JavaScript Code Covered | Code',
      byline: 'Nicolas Perriault',
      sourceUrl: `${base}/articles/frontend-coverage`,
    })
  })

  it('follows redirects and keeps the final address', async () => {
    const source = await fetchForImport(`${base}/r1`)
    expect(source.url).toBe(`${base}/articles/frontend-coverage`)
    expect(source.name).toBe('frontend-coverage.html')
  })

  it.each([
    ['a PDF', '/paper.pdf', 'paper.pdf'],
    ['a PDF served as octet-stream, recognised by its bytes', '/download?id=7', 'download.pdf'],
    ['a page served without a type, recognised by its bytes', '/untyped', 'untyped.html'],
    ['plain text', '/notes.txt', 'notes.txt'],
  ])('names %s for the importer that reads it', async (_label, path, name) => {
    expect((await fetchForImport(base + path)).name).toBe(name)
  })

  it('imports a PDF link through the PDF importer', async () => {
    const store = await LibraryStore.open(join(await mkdtemp(join(tmpdir(), 'commonplace-url-')), 'library'))
    const [outcome] = await importSources(store, [await fetchForImport(`${base}/paper.pdf`)])
    expect(await getArticle(store, outcome!.articleId!)).toMatchObject({
      format: 'pdf',
      title: 'Basic API Test',
      sourceUrl: `${base}/paper.pdf`,
    })
  })

  it('decodes a page with the charset the server declared', async () => {
    const store = await LibraryStore.open(join(await mkdtemp(join(tmpdir(), 'commonplace-url-')), 'library'))
    const [outcome] = await importSources(store, [await fetchForImport(`${base}/latin`)])
    const article = await getArticle(store, outcome!.articleId!)
    expect(article.title).toBe('Café')
    expect(article.text).toContain('Un café très crème, s’il vous plaît.')
  })
})

describe('links that cannot be imported give a clear error naming the URL', () => {
  it.each([
    [
      'a redirect loop',
      '/loop-a',
      { maxRedirects: 5 },
      (u: string) => `${u} could not be fetched: it redirects in a loop (back to ${base}/loop-a)`,
    ],
    [
      'too many redirects',
      '/chain/1',
      { maxRedirects: 3 },
      (u: string) => `${u} could not be fetched: more than 3 redirects`,
    ],
    [
      'a redirect to another scheme',
      '/to-ftp',
      {},
      (u: string) => `${u} cannot be imported: only http and https links can be (this one is ftp)`,
    ],
    [
      'a server that never answers',
      '/silent',
      { timeoutMs: 300 },
      (u: string) => `${u} could not be fetched: no complete answer within 0.3 s`,
    ],
    [
      'a body that never ends',
      '/trickle',
      { timeoutMs: 300 },
      (u: string) => `${u} could not be fetched: no complete answer within 0.3 s`,
    ],
    [
      'a body over the size limit',
      '/huge',
      { maxBytes: 1024 * 1024 },
      (u: string) => `${u} is too large (more than 1.0 MB, the limit)`,
    ],
    [
      'a declared length over the limit',
      '/declared-huge',
      { maxBytes: 1024 * 1024 },
      (u: string) => `${u} is too large (10.0 MB; the limit is 1.0 MB)`,
    ],
    [
      'the wrong type',
      '/photo.png',
      {},
      (u: string) => `${u} is image/png, not a web page, PDF or text file, so it cannot be imported`,
    ],
    [
      'no type and unrecognisable bytes',
      '/mystery',
      {},
      (u: string) =>
        `${u} did not say what it is and does not look like a web page or PDF, so it cannot be imported`,
    ],
    [
      'a missing page',
      '/missing',
      {},
      (u: string) => `${u} could not be fetched: the server answered 404 Not Found`,
    ],
  ])('%s', async (_label, path, limits, message) => {
    const started = Date.now()
    await expect(fetchForImport(base + path, limits)).rejects.toThrow(message(base + path))
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it.each([
    [
      'file:///etc/passwd',
      'file:///etc/passwd cannot be imported: only http and https links can be (this one is file)',
    ],
    [
      'javascript:alert(1)',
      'javascript:alert(1) cannot be imported: only http and https links can be (this one is javascript)',
    ],
    ['not a link', 'not a link is not a valid link'],
  ])('%s', async (link, message) => {
    await expect(fetchForImport(link)).rejects.toThrow(message)
  })

  it('a host that refuses the connection', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as { port: number }).port
    await new Promise((resolve) => closed.close(resolve))
    await expect(fetchForImport(`http://127.0.0.1:${port}/x`)).rejects.toThrow(
      `http://127.0.0.1:${port}/x could not be fetched: the connection was refused`,
    )
  })
})
