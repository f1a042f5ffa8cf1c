import { parseHTML } from 'linkedom'
import { absoluteHttpUrl } from './html-metadata'

// Saved pages are parsed with linkedom, not jsdom: Readability reads the same text from both (checked
// on the 90 corpus pages), and linkedom builds the tree several times faster because it computes no
// layout, styles or live collections. Nothing trusts this tree: the extracted article is serialized
// and sanitized by DOMPurify on jsdom (article-body.ts), the DOM it was built and tested for.

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg'
const MATHML_NAMESPACE = 'http://www.w3.org/1998/Math/MathML'

/** A parsed page: its window (for the clobbering defence's prototypes) and its document. */
export interface PageDom {
  window: PageWindow
  document: Document
}

/** The parts of a window the import code uses; jsdom's and linkedom's both have them. */
export interface PageWindow {
  document: Document
  Document: typeof Document
  Element: typeof Element
  HTMLFormElement: typeof HTMLFormElement
}

/**
 * Parses a page as HTML. `pageUrl` is the page's own address, when known; the document's `baseURI`
 * then follows the HTML rules (a `<base href>` resolved against the address, else the address), which
 * linkedom leaves to its caller.
 */
export function parsePage(html: string, pageUrl?: string): PageDom {
  const { window, document } = parseHTML(html) as unknown as { window: PageWindow; document: Document }
  lowerCaseCreatedElements(document)
  ensureHeadAndBody(document)
  lowerCaseAttributeNames(document)
  const baseElement = document.querySelector('base[href]')?.getAttribute('href')
  setDocumentAddress(
    document,
    absoluteHttpUrl(baseElement, pageUrl) ?? pageUrl ?? 'about:blank',
    pageUrl ?? 'about:blank',
  )
  return { window, document }
}

/** Sets the address relative links resolve against (Readability reads `baseURI` and `documentURI`). */
export function setDocumentAddress(document: Document, baseUri: string, documentUri?: string): void {
  Object.defineProperty(document, 'baseURI', { value: baseUri, configurable: true })
  if (documentUri !== undefined)
    Object.defineProperty(document, 'documentURI', { value: documentUri, configurable: true })
}

/**
 * In an HTML document `createElement('DIV')` makes a `div`; linkedom keeps the case given, and
 * Readability creates its wrappers and paragraphs in upper case, which `localName` and selectors miss.
 */
function lowerCaseCreatedElements(document: Document): void {
  const create = document.createElement.bind(document)
  Object.defineProperty(document, 'createElement', {
    value: (name: string, options?: ElementCreationOptions) => create(name.toLowerCase(), options),
    configurable: true,
  })
}

/** Elements an HTML parser puts in the head when they come before the page's content. */
const HEAD_ELEMENTS = new Set(['base', 'link', 'meta', 'noscript', 'script', 'style', 'template', 'title'])

/**
 * An HTML parser always builds `<html>` with `<head>` then `<body>`, whichever tags the page left out
 * ("<title>…</title><p>…" is valid HTML); linkedom builds only what is written, and its `head` and
 * `body` are then empty elements of its own. This gives the tree the shape a browser would.
 */
function ensureHeadAndBody(document: Document): void {
  let html = document.documentElement
  if (!html || html.localName !== 'html') {
    html = document.createElement('html')
    for (const node of [...document.childNodes]) if (node.nodeType !== DOCUMENT_TYPE_NODE) html.append(node)
    document.append(html)
  }
  const children = [...html.childNodes]
  const head = children.find((node) => isElement(node, 'head')) ?? document.createElement('head')
  const body = children.find((node) => isElement(node, 'body')) ?? document.createElement('body')
  const beforeBody: Node[] = []
  let passedBody = false
  let content = false
  for (const node of children) {
    if (node === head) continue
    if (node === body) {
      passedBody = true
      continue
    }
    const blank = node.nodeType === COMMENT_NODE || (node.nodeType === TEXT_NODE && !node.nodeValue?.trim())
    if (blank) continue
    if (!passedBody && !content && HEAD_ELEMENTS.has((node as Element).localName)) head.append(node)
    else if (passedBody) body.append(node)
    else {
      content = true
      beforeBody.push(node)
    }
  }
  body.prepend(...beforeBody)
  html.prepend(head)
  head.after(body)
}

/** Every element under `root` (itself included), in document order, without a selector engine. */
function* elementsOf(root: Element): Generator<Element> {
  for (let element: Element | null = root; element;) {
    yield element
    if (element.firstElementChild) {
      element = element.firstElementChild
      continue
    }
    while (element && element !== root && !element.nextElementSibling) element = element.parentElement
    element = element && element !== root ? element.nextElementSibling : null
  }
}

const TEXT_NODE = 3
const COMMENT_NODE = 8
const DOCUMENT_TYPE_NODE = 10

function isElement(node: Node, localName: string): node is Element {
  return node.nodeType === 1 && (node as Element).localName === localName
}

/**
 * HTML attribute names are case-insensitive (`<IMG SRC>` is `src`), but linkedom keeps them as written;
 * Readability and our own code ask for lower-case names. SVG and MathML keep their case (viewBox).
 */
function lowerCaseAttributeNames(document: Document): void {
  for (const element of elementsOf(document.documentElement)) {
    if (element.namespaceURI === SVG_NAMESPACE || element.namespaceURI === MATHML_NAMESPACE) continue
    const attributes = [...element.attributes].map(({ name, value }) => ({ name, value }))
    if (attributes.every(({ name }) => name === name.toLowerCase())) continue
    for (const { name } of attributes) element.removeAttribute(name)
    // As in an HTML parser, the first of two spellings of one attribute wins.
    for (const { name, value } of attributes)
      if (!element.hasAttribute(name.toLowerCase())) element.setAttribute(name.toLowerCase(), value)
  }
}
