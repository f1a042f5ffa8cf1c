// Addresses that open one note or one excerpt in Commonplace: `commonplace://note/<id>` for the
// desktop app (the operating system hands the URL to it) and `#/note/<id>` in browser mode, where
// the page's own address carries it. Pure string code: the main process and the renderer share it.

/** The URL scheme the desktop app registers with the operating system. */
export const DEEP_LINK_SCHEME = 'commonplace'

/** What a deep link opens. */
export interface DeepLink {
  kind: 'note' | 'excerpt'
  id: string
}

// Ids are made by newId ([a-z0-9-] with a kind prefix); older or imported ones may use `_` or capitals.
const ID = /^[A-Za-z0-9_-]{1,200}$/

function linkOf(kind: string, encodedId: string): DeepLink | null {
  if (kind !== 'note' && kind !== 'excerpt') return null
  let id: string
  try {
    id = decodeURIComponent(encodedId)
  } catch {
    return null
  }
  return ID.test(id) ? { kind, id } : null
}

/** The `commonplace://` URL of a note or an excerpt. */
export function deepLinkUrl(link: DeepLink): string {
  return `${DEEP_LINK_SCHEME}://${link.kind}/${encodeURIComponent(link.id)}`
}

/** The note or excerpt a `commonplace://` URL names, or null for anything else. */
export function parseDeepLinkUrl(url: string): DeepLink | null {
  const match = /^commonplace:\/\/(note|excerpt)\/([^/?#]+)\/?$/i.exec(url.trim())
  return match ? linkOf(match[1]!.toLowerCase(), match[2]!) : null
}

/** The first `commonplace://` URL among command-line arguments (Windows and Linux pass it so). */
export function deepLinkInArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    const link = parseDeepLinkUrl(arg)
    if (link) return link
  }
  return null
}

/** The browser-mode address fragment of a note or an excerpt (`#/note/<id>`). */
export function deepLinkHash(link: DeepLink): string {
  return `#/${link.kind}/${encodeURIComponent(link.id)}`
}

/** The note or excerpt a browser-mode fragment (`#/note/<id>`, `#/excerpt/<id>`) names, or null. */
export function parseDeepLinkHash(hash: string): DeepLink | null {
  const match = /^#\/(note|excerpt)\/([^/?#]+)\/?$/.exec(hash)
  return match ? linkOf(match[1]!, match[2]!) : null
}
