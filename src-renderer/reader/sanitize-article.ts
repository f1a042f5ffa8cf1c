import createDOMPurify from 'dompurify'
import { SANITIZE_POLICY } from '../../src-main/core/import/article-text'

// A private instance, so these hooks never leak into another use of DOMPurify.
const purify = createDOMPurify(window)

/** Attribute where the reader keeps the address of an image it has not loaded. */
export const REMOTE_SRC_ATTRIBUTE = 'data-remote-src'

// The importer keeps remote image addresses in data-remote-src, which the shared policy (rightly)
// strips from everything else; these hooks carry it across for <img> only, and only for http(s).
let remoteSources = new WeakMap<Element, string>()

purify.addHook('uponSanitizeAttribute', (node, data) => {
  if (node.nodeName !== 'IMG') return
  if (data.attrName === REMOTE_SRC_ATTRIBUTE || (data.attrName === 'src' && isRemote(data.attrValue))) {
    const url = httpUrl(data.attrValue)
    if (url) remoteSources.set(node, url)
    // Never loaded on its own: the user asks for each remote image.
    data.keepAttr = false
  }
})

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'IMG') {
    const url = remoteSources.get(node)
    if (url) node.setAttribute(REMOTE_SRC_ATTRIBUTE, url)
  }
  if (node.nodeName === 'A') {
    // A link must not take the app's own window away from it: web links open outside, anything else is inert.
    const href = node.getAttribute('href')
    if (href && /^(https?|mailto):/i.test(href)) {
      node.setAttribute('target', '_blank')
      node.setAttribute('rel', 'noopener noreferrer')
    } else if (href) {
      node.removeAttribute('href')
      node.setAttribute('title', href)
    }
  }
})

function isRemote(value: string): boolean {
  return /^\s*(https?:)?\/\//i.test(value)
}

function httpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim(), 'https://invalid.example/')
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    return url.hostname === 'invalid.example' ? null : url.href
  } catch {
    return null
  }
}

/**
 * Sanitizes a stored article body again, with the same policy the importer used: the reader never
 * trusts what is on disk. Returns a fragment ready to be put in the page.
 */
export function sanitizeArticleHtml(html: string): DocumentFragment {
  remoteSources = new WeakMap()
  return purify.sanitize(html, { ...SANITIZE_POLICY, RETURN_DOM_FRAGMENT: true })
}
