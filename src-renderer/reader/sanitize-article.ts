import createDOMPurify from 'dompurify'
import { SANITIZE_POLICY } from '../../src-main/core/import/article-text'
import { holdBackRemoteMedia, REMOTE_SRC_ATTRIBUTE } from '../../src-main/core/import/remote-media'

export { REMOTE_SRC_ATTRIBUTE }

// A private instance, so these hooks never leak into another use of DOMPurify.
const purify = createDOMPurify(window)

// The importer's own policy, applied again inside DOMPurify's inert document: an address that would
// load by itself never reaches the page (an element moved into the live page starts its fetch at
// once, even before it is shown), and a remote image or media address survives only in data-remote-src.
purify.addHook('afterSanitizeAttributes', (node) => {
  holdBackRemoteMedia(node)
  if (node.nodeName === 'A' || node.nodeName === 'AREA') {
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

/**
 * Sanitizes a stored article body again, with the same policy the importer used: the reader never
 * trusts what is on disk. Returns a fragment ready to be put in the page.
 */
export function sanitizeArticleHtml(html: string): DocumentFragment {
  return purify.sanitize(html, { ...SANITIZE_POLICY, RETURN_DOM_FRAGMENT: true })
}
