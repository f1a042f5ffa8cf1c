import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readDocument } from './read-document'
import { fetchForImport } from './url'
import { ImportError, type ImportSource } from './importer'
import { prepareArticleBody } from './article-body'
import { pdfDocument } from './pdf'
import { docxOf, epubOf } from '../../testing/hostile-documents'
import { unsafeMarkupIn } from '../../testing/unsafe-markup'
import { vectorMarkdown, vectorPage, xssVectors, type XssVector } from '../../testing/xss-vectors'

// The XSS corpus (../shared/corpus/xss/all.json: 529 vectors from DOMPurify, OWASP, H5SC and Joplin)
// through every import path, checked on the body that would be stored: no script, no handler, no
// javascript: (or data:, vbscript:) link, no form, no frame, no id or name, no remote media that loads
// by itself (remote-media.ts). 529 vectors × 8 paths = 4,232 vector imports:
//   each vector alone: an HTML file, a Markdown file, a text file, a link to a Markdown file;
//   8 vectors a page or chapter (Readability and jsdom cost some 40 ms a document, so 529 more pages
//   would double this file's time; the HTML file path above already takes each vector alone through
//   the same parser): a link to an HTML page (a loopback server), an EPUB whose XHTML chapters are read
//   as HTML when not well-formed;
//   all in one: a Word document (each vector as text and as a hyperlink target) and a PDF text layer.
// The e2e spec xss-reader.spec.ts renders them in Chromium, in the reader and in a note.

const VECTORS = xssVectors()
const encode = (text: string) => new TextEncoder().encode(text)

/** What a path did with the vectors: the ones it stored, the ones it refused with a reason, and any unsafe output. */
interface PathResult {
  stored: number
  refused: number
  findings: string[]
}

/** Imports each source, checks what would be stored; a refusal must be an ImportError naming the file. */
async function importEach(sources: (vector: XssVector) => Promise<ImportSource>): Promise<PathResult> {
  const result: PathResult = { stored: 0, refused: 0, findings: [] }
  for (const vector of VECTORS) {
    const source = await sources(vector)
    try {
      const { body } = await readDocument(source)
      result.stored++
      for (const finding of unsafeMarkupIn(body.html)) result.findings.push(`${vector.id}: ${finding}`)
    } catch (error) {
      if (error instanceof ImportError && error.message.includes(source.name)) result.refused++
      else result.findings.push(`${vector.id}: failed without a clear reason: ${(error as Error).message}`)
    }
  }
  return result
}

/** One container file holding every vector: checks what would be stored. */
async function importAll(source: ImportSource): Promise<PathResult> {
  const { body } = await readDocument(source)
  return { stored: VECTORS.length, refused: 0, findings: unsafeMarkupIn(body.html) }
}

/** The vectors in groups of 8, for the paths that read one page or chapter per group. */
const GROUPS = Array.from({ length: Math.ceil(VECTORS.length / 8) }, (_, i) =>
  VECTORS.slice(i * 8, i * 8 + 8),
)
const groupBody = (group: XssVector[]) => group.map((v) => `<div>${v.payload}</div>`).join('\n')

/** Imports each group's source, checks what would be stored. */
async function importGroups(source: (index: number) => Promise<ImportSource>): Promise<PathResult> {
  const result: PathResult = { stored: 0, refused: 0, findings: [] }
  for (const [index, group] of GROUPS.entries()) {
    const { body } = await readDocument(await source(index))
    result.stored += group.length
    for (const finding of unsafeMarkupIn(body.html))
      result.findings.push(`${group.map((v) => v.id).join(', ')}: ${finding}`)
  }
  return result
}

let server: Server
let base: string
beforeAll(async () => {
  // Serves group N as a page at /html/N (text/html) and vector N at /md/N (text/markdown), on 127.0.0.1 only.
  server = createServer((request, response) => {
    const [, kind, index] = /^\/(html|md)\/(\d+)$/.exec(request.url ?? '') ?? []
    const group = GROUPS[Number(index)]
    const vector = VECTORS[Number(index)]
    if (kind === 'html' && group) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.end(vectorPage({ id: `group-${index}`, set: 'group', payload: groupBody(group) }))
    } else if (kind === 'md' && vector) {
      response.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' })
      response.end(vectorMarkdown(vector))
    } else response.writeHead(404).end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((done) => server.close(() => done())))

const PATHS: [string, () => Promise<PathResult>][] = [
  ['an HTML file', () => importEach(async (v) => ({ name: `${v.id}.html`, bytes: encode(vectorPage(v)) }))],
  [
    'a Markdown file',
    () => importEach(async (v) => ({ name: `${v.id}.md`, bytes: encode(vectorMarkdown(v)) })),
  ],
  ['a text file', () => importEach(async (v) => ({ name: `${v.id}.txt`, bytes: encode(v.payload) }))],
  ['a link to a Markdown file', () => importEach((v) => fetchForImport(`${base}/md/${VECTORS.indexOf(v)}`))],
  ['a link to an HTML page', () => importGroups((index) => fetchForImport(`${base}/html/${index}`))],
  [
    'an EPUB (XHTML chapters, read as HTML when not well-formed)',
    () =>
      importAll({ name: 'vectors.epub', bytes: epubOf(GROUPS.map((group) => ({ body: groupBody(group) }))) }),
  ],
  [
    'a Word document (each vector as text and as a hyperlink target)',
    () =>
      importAll({
        name: 'vectors.docx',
        bytes: docxOf(VECTORS.map((v) => ({ text: v.payload, link: v.payload }))),
      }),
  ],
  [
    // pdf.js's reader thread is not involved: its output, text items, is what a PDF can carry.
    'a PDF text layer (each vector as a line of text)',
    async () => {
      const items = VECTORS.map((v, line) => ({
        str: v.payload,
        x: 72,
        y: 10_000 - line * 14,
        width: 400,
        size: 12,
        eol: true,
        dir: 'ltr',
      }))
      const document = pdfDocument(
        { pageCount: 1, info: {}, pages: [items], firstError: null, timedOut: false },
        'vectors.pdf',
      )
      return {
        stored: VECTORS.length,
        refused: 0,
        findings: unsafeMarkupIn(prepareArticleBody(document.html).html),
      }
    },
  ],
]

describe(`the XSS corpus: ${VECTORS.length} vectors × ${PATHS.length} import paths`, () => {
  it('has the vectors the corpus promises', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(529)
  })

  it.each(PATHS)(
    'through %s: nothing unsafe is stored',
    async (_path, run) => {
      const result = await run()
      expect(result.findings).toEqual([])
      expect(result.stored + result.refused).toBe(VECTORS.length)
    },
    600_000,
  )
})
