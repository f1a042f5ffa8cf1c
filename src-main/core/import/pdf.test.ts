import { describe, it, expect, beforeAll } from 'vitest'
import { libraryEntries } from '../../testing/library-files'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pdfImporter, pdfDocument, NO_TEXT_LAYER_NOTICE } from './pdf'
import { readPdf } from './pdf-reader'
import { ImportError, type ImportedDocument } from './importer'
import { importPaths, importSources } from './import-files'
import { LibraryStore } from '../store/library-store'
import { getArticle } from '../articles'
import { corpusFile } from '../../testing/corpus'

const pdf = (name: string) => corpusFile('pdf', name)

/** The text of one `<section data-page="N">` of an importer's HTML, tags dropped. */
function pageText(html: string, page: number): string {
  const section = new RegExp(`<section data-page="${page}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? ''
  return section
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

const parsed = new Map<string, ImportedDocument>()
beforeAll(async () => {
  // Each PDF is read once (a reader thread per file) and shared by the assertions below.
  const names = [
    'basicapi.pdf',
    'bug2013793.pdf',
    'issue10640.pdf',
    'issue13201.pdf',
    'issue13226.pdf',
    'tracemonkey_a11y.pdf',
    'xref_command_missing.pdf',
    'poppler-85140-0.pdf',
  ]
  await Promise.all(
    names.map(async (name) =>
      parsed.set(name, await pdfImporter.parse({ name, bytes: await readFile(pdf(name)) })),
    ),
  )
}, 60_000)

describe('known texts of the corpus PDFs (pdf/EXPECTED.md)', () => {
  it('basicapi.pdf: document info, one section per page, the table of contents on page 1', () => {
    const doc = parsed.get('basicapi.pdf')!
    expect(doc).toMatchObject({
      format: 'pdf',
      title: 'Basic API Test',
      byline: 'Brendan Dahl',
      lang: 'en',
      notices: [],
    })
    expect(doc.publishedAt).toBe('2012-04-10T21:30:26.000Z')
    expect(doc.html.match(/<section data-page="\d">/g)).toEqual([
      '<section data-page="1">',
      '<section data-page="2">',
      '<section data-page="3">',
    ])
    const page1 = pageText(doc.html, 1)
    expect(page1).toMatch(/^Table Of Content Chapter 1 \.+ 2 Paragraph 1\.1 \.+ 3 page 1 \/ 3$/)
    expect(doc.html).toContain('<p>Chapter 1 ....')
    expect(pageText(doc.html, 2)).toBe('Chapter 1 page 2 / 3')
  })

  it('bug2013793.pdf: two paragraphs rebuilt from nine lines, no words run together', () => {
    const doc = parsed.get('bug2013793.pdf')!
    const paragraphs = [...doc.html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1])
    const expected =
      'This is a great deal of nothing. The purpose is to help in identifying a bug when the PDF is read by Firefox. I want to know whether any of the two words in this paragraph run together. If they do, I will file a bug report. The problem seems to occur somewhere between the 240th and 260th character in the paragraph. I should have written that much by now. So, here’s to squashing bugs.'
    expect(paragraphs).toEqual([expected, expected])
    expect(doc.byline).toBe('Andrew Downie')
  })

  it('issue13201.pdf (Bitcoin paper): title from the first large heading, lines joined into paragraphs', () => {
    const doc = parsed.get('issue13201.pdf')!
    expect(doc.title).toBe('Bitcoin: A Peer-to-Peer Electronic Cash System')
    const text = pageText(doc.html, 1)
    for (const line of [
      'Abstract. A purely peer-to-peer version of electronic cash would allow online',
      'avoid mediating disputes. The cost of mediation increases transaction costs, limiting the',
      'system is secure as long as honest nodes collectively control more CPU power than any',
    ]) {
      expect(text).toContain(line)
    }
    expect(text).toContain('would allow online payments to be sent directly')
    expect(text).toContain('non-reversible payments for non-reversible services')
    expect(doc.html).toContain('<h3>1. Introduction</h3>')
  })

  it('issue10640.pdf: the Open Sans passage, with the word hyphenated at a line end made whole', () => {
    const text = pageText(parsed.get('issue10640.pdf')!.html, 1)
    expect(text).toContain('Open Sans is a humanist sans serif typeface designed by Steve Matteson.')
    expect(text).toContain('open forms and a neutral, yet friendly appearance')
    expect(text).not.toMatch(/[\u0080-\u009f]/)
  })

  it('issue13226.pdf: glyph runs joined without spurious spaces', () => {
    expect(pageText(parsed.get('issue13226.pdf')!.html, 1)).toBe(
      'Mitarbeiterinnen und Mitarbeiter arbeiten in über 100 Ländern engagiert im Dienste',
    )
  })

  it('tracemonkey_a11y.pdf: the paper title and its annotated words', () => {
    const doc = parsed.get('tracemonkey_a11y.pdf')!
    expect(doc.title).toBe('Trace-based Just-in-Time Type Specialization for Dynamic Languages')
    const text = pageText(doc.html, 1)
    for (const word of ['Languages', '@intel.com', 'Abstract', 'Introduction']) expect(text).toContain(word)
  })

  it('xref_command_missing.pdf: read although its xref keyword is missing', () => {
    expect(pageText(parsed.get('xref_command_missing.pdf')!.html, 1)).toBe('Reduced test-case')
  })

  it('poppler-85140-0.pdf: a page without text is imported with a "no text layer" notice', () => {
    const doc = parsed.get('poppler-85140-0.pdf')!
    expect(doc.notices).toEqual([NO_TEXT_LAYER_NOTICE])
    expect(doc.html).toContain('no text layer')
  })
})

describe('broken PDFs give a clear error naming the file, and leave the library unchanged', () => {
  it.each([
    [
      'poppler-742-0-fuzzed.pdf',
      /^poppler-742-0-fuzzed\.pdf is damaged: none of its 1 pages could be read \(Illegal character: 41\)$/,
    ],
    [
      'poppler-937-0-fuzzed.pdf',
      /^poppler-937-0-fuzzed\.pdf is damaged: none of its 1 pages could be read \(End of file inside array\.\)$/,
    ],
  ])('%s', async (name, message) => {
    const store = await LibraryStore.open(join(await mkdtemp(join(tmpdir(), 'commonplace-pdf-')), 'library'))
    const [outcome] = await importPaths(store, [pdf(name)])
    expect(outcome).toMatchObject({ status: 'failed', articleId: null })
    expect(outcome!.message).toMatch(message)
    expect(await libraryEntries(store.dir)).toEqual([])
  })

  it.each([
    [
      'a PNG named .pdf',
      'picture.pdf',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      /picture\.pdf is not a PDF file/,
    ],
    [
      'a header and garbage',
      'garbage.pdf',
      new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(5000)),
      /garbage\.pdf is (not a valid PDF|damaged)/,
    ],
  ])('%s', async (_label, name, bytes, message) => {
    await expect(pdfImporter.parse({ name, bytes })).rejects.toThrow(message)
  })

  it('a truncated PDF imports what can be read or fails clearly, never hangs', async () => {
    const bytes = await readFile(pdf('tracemonkey_a11y.pdf'))
    const truncated = bytes.subarray(0, Math.floor(bytes.length * 0.4))
    const store = await LibraryStore.open(join(await mkdtemp(join(tmpdir(), 'commonplace-pdf-')), 'library'))
    const [outcome] = await importSources(store, [{ name: 'truncated.pdf', bytes: truncated }])
    if (outcome!.status === 'failed') expect(outcome!.message).toMatch(/^truncated\.pdf /)
    else expect((await getArticle(store, outcome!.articleId!)).text.length).toBeGreaterThan(0)
  })

  it('stops reading when the time budget runs out', async () => {
    const bytes = await readFile(pdf('basicapi.pdf'))
    const error = await readPdf(bytes, 'slow.pdf', 1).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    expect((error as Error).message).toMatch(/^slow\.pdf took longer than 0\.001 s to open and was stopped/)
  })
})

describe('partly readable PDFs', () => {
  const line = (str: string, y: number) => ({
    str,
    x: 72,
    y,
    width: str.length * 5,
    size: 10,
    eol: true,
    dir: 'ltr',
  })

  it('imports the pages that could be read and names the ones that could not', () => {
    const doc = pdfDocument(
      {
        pageCount: 3,
        info: {},
        pages: [[line('First page.', 700)], null, [line('Third page.', 700)]],
        firstError: 'Bad XRef entry',
        timedOut: false,
      },
      'partial.pdf',
    )
    expect(doc.html).toBe(
      '<section data-page="1"><p>First page.</p></section>\n<section data-page="2"></section>\n<section data-page="3"><p>Third page.</p></section>',
    )
    expect(doc.notices).toEqual(['Page 2 could not be read (the file is damaged there).'])
  })

  it('keeps what was read before the time budget ran out, and says so', () => {
    const doc = pdfDocument(
      { pageCount: 500, info: {}, pages: [[line('Only page.', 700)]], firstError: null, timedOut: true },
      'long.pdf',
    )
    expect(doc.notices).toEqual(['Only the first 1 of 500 pages could be read within 30 s.'])
  })
})

describe('through the import pipeline', () => {
  it('stores the text of every page and the PDF metadata', async () => {
    const store = await LibraryStore.open(join(await mkdtemp(join(tmpdir(), 'commonplace-pdf-')), 'library'))
    const [outcome] = await importPaths(store, [pdf('issue13201.pdf')])
    const article = await getArticle(store, outcome!.articleId!)
    expect(article).toMatchObject({
      format: 'pdf',
      title: 'Bitcoin: A Peer-to-Peer Electronic Cash System',
      originalFile: 'original.pdf',
    })
    expect(article.text).toContain(
      'A purely peer-to-peer version of electronic cash would allow online payments',
    )
    expect(article.html).toContain('<section')
  })
})
