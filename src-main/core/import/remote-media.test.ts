import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { JSDOM } from 'jsdom'
import { readDocument } from './read-document'
import { fetchForImport } from './url'
import { epubOf } from '../../testing/hostile-documents'
import { unsafeMarkupIn } from '../../testing/unsafe-markup'

// Every way a page can make the reader fetch from its server, in one body. Before the shared policy,
// a Markdown file kept most of them (the window's CSP was the only thing stopping five of them).
const REMOTE_MEDIA = `
<p>Words before the media.</p>
<video src="https://media.example/v.mp4" poster="https://media.example/poster.jpg" autoplay controls>
  <source src="https://media.example/v.webm" type="video/webm"><track src="https://media.example/t.vtt">Video fallback words.
</video>
<audio src="https://media.example/a.mp3" preload="auto"></audio>
<audio><source src="https://media.example/b.ogg"></audio>
<img src="small.jpg" srcset="https://media.example/large.jpg 2x, https://media.example/huge.jpg 3x" alt="responsive">
<img src="//media.example/scheme-relative.png" alt="scheme-relative">
<img src="https://media.example/plain.png" alt="plain">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="embedded">
<picture><source srcset="https://media.example/pic.webp"><img src="https://media.example/pic.jpg" alt="picture"></picture>
<table background="https://media.example/table.png"><tr><td background="https://media.example/cell.png">Cell words.</td></tr></table>
<p style="background-image: url(https://media.example/css.png)">Styled words.</p>
<object data="https://media.example/o.swf"></object><embed src="https://media.example/e.swf">
<input type="image" src="https://media.example/input.png">
<a href="https://example.org/article" ping="https://media.example/ping">A link.</a>
<p>Words after the media.</p>`

/** Where each address may still be: only in data-remote-src (loaded on a click) or a link's href. */
function addressesIn(html: string): { held: string[]; elsewhere: string[] } {
  const { window } = new JSDOM(`<!doctype html><body>${html}`)
  const held: string[] = []
  const elsewhere: string[] = []
  for (const element of window.document.body.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (name === 'data-remote-src') held.push(`${element.localName} ${value}`)
      else if (value.includes('media.example')) elsewhere.push(`${name} on ${element.localName}: ${value}`)
    }
  }
  window.close()
  return { held, elsewhere }
}

const HELD = [
  'video https://media.example/v.mp4',
  'audio https://media.example/a.mp3',
  'img https://media.example/scheme-relative.png',
  'img https://media.example/plain.png',
  'img https://media.example/pic.jpg',
]

const encode = (text: string) => new TextEncoder().encode(text)

describe('one remote-media policy for every importer', () => {
  it.each([
    ['Markdown', 'media.md', encode(`# Media\n\n${REMOTE_MEDIA}`)],
    ['text', 'media.txt', encode(REMOTE_MEDIA)],
    ['HTML', 'media.html', encode(`<!doctype html><title>Media</title><body>${REMOTE_MEDIA}</body>`)],
    ['EPUB (HTML chapter)', 'media.epub', epubOf([{ body: REMOTE_MEDIA, html: true }])],
    [
      'EPUB (XHTML chapter)',
      'media.epub',
      epubOf([{ body: REMOTE_MEDIA.replace(/<(img|input|embed|source|track)([^>]*[^/])>/g, '<$1$2/>') }]),
    ],
  ])('%s: nothing loads by itself, remote images and media wait for a click', async (_kind, name, bytes) => {
    const { body } = await readDocument({ name, bytes })
    expect(unsafeMarkupIn(body.html)).toEqual([])
    const { held, elsewhere } = addressesIn(body.html)
    expect(elsewhere).toEqual([])
    if (name.endsWith('.txt'))
      expect(held).toEqual([]) // text shows markup as words
    else expect(held.filter((entry) => !HELD.includes(entry))).toEqual([])
    expect(body.text).toContain('Words after the media.')
  })

  it('the Markdown path keeps each remote image and media address for the placeholder', async () => {
    const { body } = await readDocument({ name: 'media.md', bytes: encode(REMOTE_MEDIA) })
    expect(addressesIn(body.html).held.sort()).toEqual([...HELD].sort())
    expect(body.html).toContain('<img alt="embedded" src="data:image/png;base64,iVBORw0KGgo=">')
  })

  describe('a Markdown file fetched from a link', () => {
    let server: Server
    let base: string
    beforeAll(async () => {
      server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' })
        response.end('# Field notes\n\n![A lichen](img/lichen.png)\n\n<video src="clips/moss.mp4"></video>\n')
      })
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    afterAll(() => new Promise<void>((done) => server.close(() => done())))

    it('holds back its relative images and media at their address next to the file', async () => {
      const source = await fetchForImport(`${base}/notes/field.md`)
      const { body } = await readDocument(source)
      expect(addressesIn(body.html).held).toEqual([
        `img ${base}/notes/img/lichen.png`,
        `video ${base}/notes/clips/moss.mp4`,
      ])
    })
  })
})
