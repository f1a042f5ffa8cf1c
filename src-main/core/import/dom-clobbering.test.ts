import { describe, it, expect } from 'vitest'
import { JSDOM } from 'jsdom'
import { readDocument } from './read-document'
import { prepareArticleBody } from './article-body'
import { docxOf, epubOf } from '../../testing/hostile-documents'
import { unsafeMarkupIn } from '../../testing/unsafe-markup'

// Every property name of a document and of a form (with their prototypes: Node, EventTarget, Object),
// given to an image and to a form's input (the two shapes that shadow document and form methods), and
// the first few also to every other element that can shadow one. Frames are few on purpose: jsdom
// builds a window for each, and a page of hundreds takes minutes.
const names = (() => {
  const { window } = new JSDOM('')
  const found = new Set<string>()
  for (const start of [Object.getPrototypeOf(window.document), window.HTMLFormElement.prototype])
    for (let proto = start as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null)
      for (const name of Object.getOwnPropertyNames(proto)) if (/^[\w$]+$/.test(name)) found.add(name)
  window.close()
  return [...found]
})()
const FEW = ['createElement', 'body', 'title', 'querySelectorAll', 'getElementsByTagName', 'createTextNode']

/** The clobbering elements; `xml` writes them well-formed, for an XHTML chapter. */
function clobbering(xml: boolean): string {
  const end = xml ? '/>' : '>'
  const everyName = names.map(
    (name) =>
      `<img name="${name}"${end}<img id="${name}" name="n${name}"${end}<form name="f${name}"><input name="${name}"${end}</form>`,
  )
  const fewNames = FEW.map(
    (name) =>
      `<form name="${name}"><button id="${name}">b</button></form><object name="${name}"></object>` +
      `<embed name="${name}"${end}<iframe name="${name}"></iframe>`,
  )
  return [...everyName, ...fewNames].join('\n')
}

const WORDS = 'Lichens grow a millimetre a year on the north side of old gravestones.'
const ARTICLE = (xml: boolean) =>
  `<article><h1>Lichens</h1><p>${WORDS}</p>${clobbering(xml)}<p>${WORDS.replace('Lichens', 'Mosses')}</p></article>`

// The vectors of the XSS corpus that clobber (dompurify-011 made every HTML import fail), and the issue's own.
const CORPUS_VECTORS = [
  '<img src=x name=createElement><img src=y id=createElement>',
  '<image name=body><image name=adoptNode>@mmrupp<image name=firstElementChild><svg onload=alert(1)>',
  '<image name=body><img src=x><svg onload=alert(1); autofocus>, <keygen onfocus=alert(1); autofocus>',
  '<form onmouseover=\'alert(1)\'><input name="attributes"><input name="attributes">',
  '<img name=createElement>',
]

const encode = (text: string) => new TextEncoder().encode(text)
const page = (body: string) =>
  `<!doctype html><html><head><title>Lichens</title></head><body>${body}</body></html>`

describe('named elements cannot stand in for document or form methods (DOM clobbering)', () => {
  it(`checks ${names.length} names, among them the ones that broke imports`, () => {
    expect(names).toEqual(expect.arrayContaining(['createElement', 'body', 'title', 'getAttribute']))
    expect(names.length).toBeGreaterThan(300)
  })

  it.each([
    ['an HTML page', 'lichens.html', () => encode(page(ARTICLE(false)))],
    ['a Markdown file', 'lichens.md', () => encode(`# Lichens\n\n${ARTICLE(false)}`)],
    [
      'an EPUB (an HTML and an XHTML chapter)',
      'lichens.epub',
      () => epubOf([{ body: ARTICLE(false), html: true }, { body: ARTICLE(true) }], 'Lichens'),
    ],
    [
      'a Word document',
      'lichens.docx',
      () => docxOf([{ text: 'Lichens' }, { text: ARTICLE(false) }, { text: WORDS }]),
    ],
  ])('%s full of them imports, sanitized, with its words', async (_kind, name, bytes) => {
    const { document, body } = await readDocument({ name, bytes: bytes() })
    expect(document.title).toBe('Lichens')
    expect(body.text).toContain(WORDS)
    expect(unsafeMarkupIn(body.html)).toEqual([])
  })

  it.each(CORPUS_VECTORS)('a page with %s imports', async (vector) => {
    for (const [name, bytes] of [
      ['vector.html', encode(page(`<p>${WORDS}</p>${vector}`))],
      ['vector.md', encode(`# Lichens\n\n${WORDS}\n\n${vector}`)],
      ['vector.epub', epubOf([{ body: `<p>${WORDS}</p>${vector}`, html: true }], 'Lichens')],
    ] as const) {
      const { body } = await readDocument({ name, bytes })
      expect(body.text).toContain(WORDS)
      expect(unsafeMarkupIn(body.html)).toEqual([])
    }
  })

  it('the sanitizer keeps no name or id a reader page could be clobbered by', () => {
    const { html, text } = prepareArticleBody(`<p>${WORDS}</p>${clobbering(false)}`)
    expect(text).toContain(WORDS)
    expect(html).not.toMatch(/\s(name|id)=/)
  })
})
