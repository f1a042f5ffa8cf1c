import { JSDOM } from 'jsdom'
import createDOMPurify, { type DOMPurify } from 'dompurify'
import { SANITIZE_POLICY, articleTextOf } from './article-text'
import { holdBackRemoteMedia } from './remote-media'

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
 * The text is read from the sanitized HTML parsed again, exactly as the reader will parse it, so
 * offsets in the core and in the reader agree.
 */
export function prepareArticleBody(untrustedHtml: string, baseUrl?: string): ArticleBody {
  const { window, purify } = dom()
  currentBase = baseUrl
  let html: string
  try {
    html = purify.sanitize(untrustedHtml, SANITIZE_POLICY) as string
  } finally {
    currentBase = undefined
  }
  const container = window.document.createElement('div')
  container.innerHTML = html
  return { html: container.innerHTML, text: articleTextOf(container) }
}

/** Escapes text for safe inclusion in HTML we build ourselves. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
