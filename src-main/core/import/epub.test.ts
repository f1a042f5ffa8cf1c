import { describe, it, expect } from 'vitest'
import { libraryEntries } from '../../testing/library-files'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync, strToU8 } from 'fflate'
import { epubImporter, MAX_EPUB_UNPACKED_BYTES } from './epub'
import { importPaths, importSources } from './import-files'
import { LibraryStore } from '../store/library-store'
import { getArticle } from '../articles'
import { corpusFile } from '../../testing/corpus'

const parseCorpus = async (name: string) =>
  epubImporter.parse({ name, bytes: await readFile(corpusFile('epub', name)) })

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`

const chapter = (title: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title></head><body><h2>${title}</h2>${body}</body></html>`

/** A package document listing chapters in `spine` order (the manifest lists them in reverse). */
function packageDocument(spine: string[], metadata = '<dc:title>A Small Book</dc:title>'): string {
  const items = [...spine]
    .reverse()
    .map((id) => `<item id="${id}" href="text/${id}.xhtml" media-type="application/xhtml+xml"/>`)
  return `<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${metadata}</metadata>
  <manifest>${items.join('')}<item id="cover" href="images/cover.png" media-type="image/png"/></manifest>
  <spine>${spine.map((id) => `<itemref idref="${id}"/>`).join('')}</spine>
</package>`
}

/** Zips an EPUB the way the spec asks: mimetype first, stored. */
function book(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = { mimetype: strToU8('application/epub+zip') }
  for (const [path, content] of Object.entries(files))
    entries[path] = typeof content === 'string' ? strToU8(content) : content
  return zipSync(entries, { level: 0 })
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

describe('the corpus EPUBs (epub/README.md)', () => {
  it.each(['minimal-v2.epub', 'minimal-v3.epub'])(
    '%s: one section, metadata from the package document',
    async (name) => {
      const doc = await parseCorpus(name)
      expect(doc).toMatchObject({ format: 'epub', title: 'Your title here', lang: 'en', notices: [] })
      expect(doc.html.replace(/\s+/g, ' ').trim()).toBe(
        '<section> <h1>Section 1</h1> <p>This is a paragraph.</p> </section>',
      )
    },
  )

  it('alice_without_cover.epub: its only chapter (the title page) is imported; the off-spine table of contents is not', async () => {
    const doc = await parseCorpus('alice_without_cover.epub')
    expect(doc).toMatchObject({
      title: "Alice's Adventures in Wonderland",
      byline: 'Lewis Carroll',
      lang: 'en-US',
    })
    expect(doc.html.match(/<section>/g)).toHaveLength(1)
    expect(doc.html).toContain('Alice in the Room of the Duchess.')
    expect(doc.html).not.toContain('Contents')
    // Serialized as HTML: an empty anchor must not become a self-closing tag that swallows the text after it.
    expect(doc.html).toContain('<a id="Page_1" class="pageno" title="[Pg 1]"></a>')
  })
})

describe('a book is one article, chapters in reading order', () => {
  const files = {
    'META-INF/container.xml': CONTAINER,
    'OEBPS/content.opf': packageDocument(
      ['one', 'two', 'three'],
      '<dc:title>A Small Book</dc:title><dc:creator>Ann Author</dc:creator><dc:creator>Bo Writer</dc:creator><dc:language>de</dc:language><dc:date>1901-02-03</dc:date>',
    ),
    'OEBPS/text/one.xhtml': chapter(
      'One',
      '<p>First <a href="two.xhtml#x">see two</a> and <a href="https://example.org/">the web</a>.</p><img src="../images/cover.png" alt="cover"/>',
    ),
    'OEBPS/text/two.xhtml': chapter('Two', '<p>Second.</p>'),
    'OEBPS/text/three.xhtml': chapter('Three', '<p>Third.</p>'),
    'OEBPS/images/cover.png': PNG,
  }

  it('follows the spine, not the manifest, and reads the package metadata', async () => {
    const doc = await epubImporter.parse({ name: 'small.epub', bytes: book(files) })
    expect([...doc.html.matchAll(/<h2>(\w+)<\/h2>/g)].map((m) => m[1])).toEqual(['One', 'Two', 'Three'])
    expect(doc.html.match(/<section>/g)).toHaveLength(3)
    expect(doc).toMatchObject({
      title: 'A Small Book',
      byline: 'Ann Author, Bo Writer',
      lang: 'de',
      publishedAt: '1901-02-03',
    })
  })

  it('embeds pictures from the book and keeps only outside links', async () => {
    const doc = await epubImporter.parse({ name: 'small.epub', bytes: book(files) })
    expect(doc.html).toContain(
      `<img alt="cover" src="data:image/png;base64,${Buffer.from(PNG).toString('base64')}">`,
    )
    expect(doc.html).toContain('<a>see two</a>')
    expect(doc.html).toContain('<a href="https://example.org/">the web</a>')
  })

  it('imports what exists of a book with missing chapters, and says which are missing', async () => {
    const { 'OEBPS/text/two.xhtml': _missing, ...rest } = files
    const doc = await epubImporter.parse({ name: 'gappy.epub', bytes: book(rest) })
    expect(doc.html.match(/<section>/g)).toHaveLength(2)
    expect(doc.notices).toEqual([
      'This EPUB is incomplete: 1 of 3 chapter files are missing (OEBPS/text/two.xhtml); the rest was imported.',
    ])
  })

  it('is stored through the pipeline as one article', async () => {
    const store = await LibraryStore.open(join(await mkdtemp(join(tmpdir(), 'commonplace-epub-')), 'library'))
    const [outcome] = await importSources(store, [{ name: 'small.epub', bytes: book(files) }])
    const article = await getArticle(store, outcome!.articleId!)
    expect(article).toMatchObject({ format: 'epub', title: 'A Small Book', byline: 'Ann Author, Bo Writer' })
    expect(article.text.replace(/\s+/g, ' ')).toContain(
      'One First see two and the web. Two Second. Three Third.',
    )
    expect(store.data.articles).toHaveLength(1)
  })
})

describe('an incomplete or broken EPUB gives a clear error naming the file', () => {
  it.each([
    [
      'not a zip',
      new TextEncoder().encode('plain text'),
      /^bad\.epub is not an EPUB \(it is not a valid zip archive/,
    ],
    [
      'no container.xml',
      book({ 'OEBPS/content.opf': packageDocument(['one']) }),
      /^bad\.epub is not a complete EPUB: META-INF\/container\.xml is missing$/,
    ],
    [
      'container without rootfile',
      book({
        'META-INF/container.xml': '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"/>',
      }),
      /^bad\.epub is not a complete EPUB: container\.xml names no package document$/,
    ],
    [
      'package document missing',
      book({ 'META-INF/container.xml': CONTAINER }),
      /^bad\.epub is not a complete EPUB: its package document OEBPS\/content\.opf is missing$/,
    ],
    [
      'package document not XML',
      book({ 'META-INF/container.xml': CONTAINER, 'OEBPS/content.opf': '<package><unclosed>' }),
      /^bad\.epub is damaged: OEBPS\/content\.opf is not well-formed XML/,
    ],
    [
      'empty spine',
      book({ 'META-INF/container.xml': CONTAINER, 'OEBPS/content.opf': packageDocument([]) }),
      /^bad\.epub is not a complete EPUB: its package lists no chapters$/,
    ],
    [
      'every chapter missing',
      book({ 'META-INF/container.xml': CONTAINER, 'OEBPS/content.opf': packageDocument(['one', 'two']) }),
      /^bad\.epub is not a complete EPUB: none of its 2 chapter files are in the archive \(OEBPS\/text\/two\.xhtml, OEBPS\/text\/one\.xhtml\)$|^bad\.epub is not a complete EPUB: none of its 2 chapter files are in the archive \(OEBPS\/text\/one\.xhtml, OEBPS\/text\/two\.xhtml\)$/,
    ],
  ])('%s', async (_label, bytes, message) => {
    await expect(epubImporter.parse({ name: 'bad.epub', bytes })).rejects.toThrow(message)
  })

  it('a zip that claims to unpack to more than the limit', async () => {
    const zip = book({ 'META-INF/container.xml': CONTAINER })
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
    for (let i = 0; i < zip.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, MAX_EPUB_UNPACKED_BYTES, true)
    }
    await expect(epubImporter.parse({ name: 'bomb.epub', bytes: zip })).rejects.toThrow(
      /^bomb\.epub unpacks to more than the 300 MB an EPUB may have$/,
    )
  })

  it('through the pipeline the library stays unchanged', async () => {
    const store = await LibraryStore.open(join(await mkdtemp(join(tmpdir(), 'commonplace-epub-')), 'library'))
    const [outcome] = await importSources(store, [
      { name: 'bad.epub', bytes: book({ 'META-INF/container.xml': CONTAINER }) },
    ])
    expect(outcome).toMatchObject({ status: 'failed', articleId: null })
    expect(await libraryEntries(store.dir)).toEqual([])
  })

  it('the corpus files all import without error', async () => {
    const store = await LibraryStore.open(join(await mkdtemp(join(tmpdir(), 'commonplace-epub-')), 'library'))
    const outcomes = await importPaths(
      store,
      ['alice_without_cover.epub', 'minimal-v2.epub'].map((name) => corpusFile('epub', name)),
    )
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported'])
  })
})
