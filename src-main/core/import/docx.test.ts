import { describe, it, expect } from 'vitest'
import { libraryEntries } from '../../testing/library-files'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { docxImporter, MAX_UNPACKED_BYTES } from './docx'
import { importPaths } from './import-files'
import { LibraryStore } from '../store/library-store'
import { getArticle } from '../articles'
import { corpusFile } from '../../testing/corpus'

const docx = (name: string) => corpusFile('docx', name)
const parse = async (name: string, file = name) =>
  docxImporter.parse({ name, bytes: await readFile(docx(file)) })

async function emptyStore(): Promise<LibraryStore> {
  return LibraryStore.open(join(await mkdtemp(join(tmpdir(), 'commonplace-docx-')), 'library'))
}

describe('the HTML mammoth is known to produce (docx/EXPECTED.md)', () => {
  it.each([
    ['single-paragraph.docx', '<p>Walking on imported air</p>'],
    ['embedded-style-map.docx', '<h1>Walking on imported air</h1>'],
    ['simple-list.docx', '<ul><li>Apple</li><li>Banana</li></ul>'],
    ['underline.docx', '<p><strong>The Sunset Tree</strong></p>'],
    ['strikethrough.docx', "<p><s>Today's Special: Salmon</s> Sold out</p>"],
    ['strict-format.docx', '<p>Test</p>'],
    ['comments.docx', '<p>Ouch.</p>'],
    ['empty.docx', ''],
  ])('%s', async (name, html) => {
    // We add a line break after each block so that the words of adjacent blocks stay apart in the text.
    expect((await parse(name)).html.replace(/\n/g, '')).toBe(html)
  })

  it('puts line breaks between blocks so that their words stay apart', async () => {
    expect((await parse('simple-list.docx')).html).toBe('<ul><li>Apple</li>\n<li>Banana</li></ul>')
  })

  it.each(['tiny-picture.docx', 'tiny-picture-target-base-relative.docx'])(
    '%s embeds its picture as a data URI',
    async (name) => {
      const png = (await readFile(docx('tiny-picture.png'))).toString('base64')
      expect((await parse(name)).html).toBe(`<p><img src="data:image/png;base64,${png}"></p>`)
    },
  )

  it('endnotes.docx: the notes follow the text, linked from their references', async () => {
    const { html } = await parse('endnotes.docx')
    expect(html).toContain('<a href="#endnote-2" id="endnote-ref-2">[1]</a>')
    expect(html).toContain('<li id="endnote-2"><p> A tachyon walks into a bar.')
    expect(html).toContain('<li id="endnote-3"><p> Fin.')
  })

  it('footnote-hyperlink.docx: a link inside a footnote', async () => {
    expect((await parse('footnote-hyperlink.docx')).html).toContain(
      '<a href="http://www.example.com">Example</a>',
    )
  })

  it('external-picture.docx: the picture outside the document is not read, and the reader is told', async () => {
    const doc = await parse('external-picture.docx')
    expect(doc.html).toBe('')
    expect(doc.notices).toEqual(['1 picture is linked to files outside the document and was not imported.'])
  })
})

describe('metadata', () => {
  it('takes the author and date from the core properties and the title from the first heading', async () => {
    expect(await parse('embedded-style-map.docx')).toMatchObject({
      title: 'Walking on imported air',
      byline: 'Michael Williamson',
      publishedAt: '2013-04-03T20:15:00Z',
    })
  })

  it('falls back to the file name when there is no title or heading', async () => {
    expect((await parse('strikethrough.docx')).title).toBe('Strikethrough')
  })

  it('prefers the title in the core properties', async () => {
    const core = `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>A Proper Title</dc:title><dc:language>fr-FR</dc:language></cp:coreProperties>`
    const files = unzipSync(await readFile(docx('single-paragraph.docx')))
    files['docProps/core.xml'] = new TextEncoder().encode(core)
    const doc = await docxImporter.parse({ name: 'titled.docx', bytes: zipSync(files) })
    expect(doc).toMatchObject({ title: 'A Proper Title', lang: 'fr-FR' })
  })
})

describe('bad input gives a clear error naming the file', () => {
  it('empty.zip renamed to .docx is not a Word document', async () => {
    await expect(parse('empty.docx', 'empty.zip')).rejects.toThrow(
      'empty.docx is not a readable Word document: Could not find main document part. Are you sure this is a valid .docx file?',
    )
  })

  it('bytes that are not a zip at all', async () => {
    await expect(
      docxImporter.parse({ name: 'fake.docx', bytes: new TextEncoder().encode('just some text') }),
    ).rejects.toThrow(/^fake\.docx is not a Word document \(it is not a valid zip package/)
  })

  it('a zip that claims to unpack to more than the limit is refused before anything is unpacked', async () => {
    const zip = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>') })
    // Patch the uncompressed size in the central directory entry (signature PK\x01\x02, size at +24).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
    for (let i = 0; i < zip.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, MAX_UNPACKED_BYTES + 1, true)
    }
    await expect(docxImporter.parse({ name: 'bomb.docx', bytes: zip })).rejects.toThrow(
      /^bomb\.docx would unpack to 300\.0 MB; the limit for a Word document is 300\.0 MB$/,
    )
  })

  it.each([
    ['empty.zip', /^empty\.zip is not a supported file type/],
    ['empty.docx', /^empty\.docx contains no text$/],
  ])('through the pipeline, %s fails and the library stays empty', async (name, message) => {
    const store = await emptyStore()
    const [outcome] = await importPaths(store, [docx(name)])
    expect(outcome).toMatchObject({ status: 'failed', articleId: null })
    expect(outcome!.message).toMatch(message)
    expect(await libraryEntries(store.dir)).toEqual([])
  })
})

describe('through the import pipeline', () => {
  it('stores the sanitized HTML and its text', async () => {
    const store = await emptyStore()
    const [outcome] = await importPaths(store, [docx('endnotes.docx')])
    const article = await getArticle(store, outcome!.articleId!)
    expect(article).toMatchObject({ format: 'docx', title: 'Endnotes', originalFile: 'original.docx' })
    expect(article.text).toContain('Ouch[1].[2]')
    expect(article.text).toContain('A tachyon walks into a bar.')
  })
})
