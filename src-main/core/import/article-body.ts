import { JSDOM } from 'jsdom'
import createDOMPurify, { type DOMPurify } from 'dompurify'
import {
  parseFragment,
  serialize,
  defaultTreeAdapter,
  html as spec,
  type DefaultTreeAdapterTypes,
} from 'parse5'
import { SANITIZE_POLICY } from './article-text'
import { holdBackRemoteMedia } from './remote-media'
import { dropLeadingTitle } from './leading-title'

/** The body of an article as stored: sanitized HTML and the plain text that excerpt offsets index. */
export interface ArticleBody {
  html: string
  text: string
}

let shared: { window: JSDOM['window']; purify: DOMPurify } | null = null
/** The address relative media resolve against during one (synchronous) sanitize call. */
let currentBase: string | undefined

function dom(): { window: JSDOM['window']; purify: DOMPurify } {
  // One window for the whole process: creating a JSDOM costs tens of milliseconds.
  if (!shared) {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>')
    const purify = createDOMPurify(window)
    purify.addHook('afterSanitizeAttributes', (node) => holdBackRemoteMedia(node, currentBase))
    shared = { window, purify }
  }
  return shared
}

/**
 * Sanitizes imported HTML and derives its text; every importer's output comes through here, so one
 * policy holds for all: no scripts, handlers or forms, and no remote media that loads by itself
 * (remote-media.ts). `baseUrl` is the source's own address, when it has one, for relative media.
 * The text is read from the sanitized HTML parsed again, exactly as the reader will parse it (in an
 * element of the body), so offsets in the core and in the reader agree. That second parse is parse5's,
 * the HTML parser inside jsdom, without building jsdom's DOM: the same tree at a fifth of the cost.
 * `repeatedTitle`: the document's title, whose repetition as the body's first line is dropped
 * (leading-title.ts); for formats whose body opens with the title the header already shows.
 */
export function prepareArticleBody(
  untrustedHtml: string,
  baseUrl?: string,
  repeatedTitle?: string,
): ArticleBody {
  const { purify } = dom()
  currentBase = baseUrl
  let html: string
  try {
    html = purify.sanitize(untrustedHtml, SANITIZE_POLICY) as string
  } finally {
    currentBase = undefined
  }
  const fragment = parseFragment(bodyContext(), html, {})
  if (repeatedTitle) dropLeadingTitle(fragment, repeatedTitle)
  return { html: serialize(fragment), text: textOf(fragment) }
}

type ParsedNode = DefaultTreeAdapterTypes.Node

/** A `<div>`: the context the sanitized HTML is parsed in, as when it is set as an element's innerHTML. */
function bodyContext(): DefaultTreeAdapterTypes.Element {
  return defaultTreeAdapter.createElement('div', spec.NS.HTML, [])
}

/** articleTextOf (article-text.ts) for parse5's tree: every text node's data in document order. */
function textOf(root: ParsedNode): string {
  const parts: string[] = []
  const collect = (node: ParsedNode) => {
    if (defaultTreeAdapter.isTextNode(node)) parts.push(node.value)
    // As in a DOM, a <template>'s content is not among its children.
    else if ('childNodes' in node) for (const child of node.childNodes) collect(child)
  }
  collect(root)
  return parts.join('')
}

/** Escapes text for safe inclusion in HTML we build ourselves. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
