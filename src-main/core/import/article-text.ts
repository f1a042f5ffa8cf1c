// Shared by the core (on jsdom) and the reader (in the browser): no Node or DOM globals are used,
// only the nodes passed in, so both sides derive the same text and the same offsets.

/**
 * DOMPurify settings for article bodies, applied when importing and again when displaying, together
 * with the remote-media policy (remote-media.ts) run on every element kept. `source` and `track` only
 * ever point a media element at a remote file; `style` would carry CSS url()s; `id` and `name` could
 * shadow the page's own globals and document methods (DOM clobbering).
 */
export const SANITIZE_POLICY = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'iframe',
    'object',
    'embed',
    'source',
    'track',
  ],
  FORBID_ATTR: ['style', 'class', 'id', 'name'],
  ALLOW_DATA_ATTR: false,
  // The two data attributes our importers set: a remote image's address (loaded only on request) and a PDF page.
  ADD_ATTR: ['data-remote-src', 'data-page'],
}

/** Minimal view of a DOM node that both jsdom and the browser satisfy. */
export interface TextWalkable {
  nodeType: number
  nodeValue: string | null
  childNodes: ArrayLike<TextWalkable>
}

const TEXT_NODE = 3

/** The article text: every text node's data in document order. Offsets of excerpts index this string. */
export function articleTextOf(root: TextWalkable): string {
  const parts: string[] = []
  collect(root, parts)
  return parts.join('')
}

function collect(node: TextWalkable, parts: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    parts.push(node.nodeValue ?? '')
    return
  }
  for (let i = 0; i < node.childNodes.length; i++) collect(node.childNodes[i]!, parts)
}
