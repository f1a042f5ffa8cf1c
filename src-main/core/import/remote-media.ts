// Shared by the core (on jsdom) and the reader (in the browser), like article-text.ts: no Node or DOM
// globals, only the element passed in. It runs on every element the sanitizer keeps, inside the
// sanitizer's inert document, so that nothing in an article can fetch anything once it is shown.
//
// Why not rely on the window's Content-Security-Policy alone: a stored article outlives any one
// window, and a policy that is relaxed, mis-sent or bypassed (an embedding, a test harness, a future
// change) would then let a page tell its server what you read. With this policy the stored HTML and
// the reader's DOM hold no address that loads by itself, so the CSP is a second wall, not the only one.

/** Attribute where an image's (or a video's, an audio's) remote address is kept; only a click loads it. */
export const REMOTE_SRC_ATTRIBUTE = 'data-remote-src'

/**
 * Attributes that make a browser fetch on its own and that articles never need: responsive image
 * candidates, a video's poster frame, the legacy table and body backgrounds, hyperlink auditing,
 * plugin data. `src` is decided per element below; `style` (CSS url()) is refused by SANITIZE_POLICY.
 */
const FETCHING_ATTRIBUTES = [
  'srcset',
  'sizes',
  'poster',
  'background',
  'lowsrc',
  'dynsrc',
  'ping',
  'data',
  'codebase',
  'archive',
  'manifest',
  'action',
  'formaction',
  'xlink:href',
  'autoplay',
  'preload',
]

/** Elements that may carry a remote address for the reader's click-to-load placeholder. */
const MEDIA = new Set(['img', 'video', 'audio'])

/** The minimal element both jsdom's and the browser's satisfy; nothing else is touched. */
export interface MediaElement {
  localName: string
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
}

/**
 * Applies the remote-media policy to one sanitized element: a `data:` image stays; an image, video or
 * audio with an http(s) address keeps it only in `data-remote-src` (resolved against `baseUrl` when
 * the source had an address, e.g. a fetched Markdown file); every other address that would load by
 * itself is removed. `href` stays on links and image-map areas only (a link loads on a click).
 */
export function holdBackRemoteMedia(element: MediaElement, baseUrl?: string): void {
  const tag = element.localName.toLowerCase()
  for (const name of FETCHING_ATTRIBUTES) element.removeAttribute(name)
  if (tag !== 'a' && tag !== 'area') element.removeAttribute('href')

  const src = element.getAttribute('src')?.trim() ?? ''
  const kept = element.getAttribute(REMOTE_SRC_ATTRIBUTE) ?? ''
  element.removeAttribute('src')
  element.removeAttribute(REMOTE_SRC_ATTRIBUTE)
  if (!MEDIA.has(tag)) return
  if (tag === 'img' && /^data:image\//i.test(src)) {
    element.setAttribute('src', src)
    return
  }
  const remote = httpUrl(kept) ?? httpUrl(src, baseUrl)
  if (remote) element.setAttribute(REMOTE_SRC_ATTRIBUTE, remote)
}

/** An absolute http(s) address, or null (relative without a base, another scheme, unparsable). */
export function httpUrl(value: string, baseUrl?: string): string | null {
  const trimmed = value.trim()
  if (!trimmed) return null
  let url: URL
  try {
    // A scheme-relative address ("//cdn…") names its host even without a base; https is the safe reading.
    url = baseUrl
      ? new URL(trimmed, baseUrl)
      : new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed)
  } catch {
    return null
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
}
