import { shell, type WebContents } from 'electron'
import type { RendererLocation } from './renderer-location'

// Frames the page may create inside itself (e.g. a sandboxed srcdoc reader view); never a web page.
const INNER_DOCUMENTS = new Set(['about:blank', 'about:srcdoc'])

/**
 * Keeps a window on the app's own page: navigation and redirects elsewhere are refused, no
 * window can open another (http/https links go to the system browser instead), and no
 * <webview> can be attached.
 */
export function keepOnRendererPage(contents: WebContents, renderer: RendererLocation): void {
  contents.on('will-navigate', (event) => {
    if (!renderer.contains(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!renderer.contains(event.url)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return // will-navigate decides for the main frame
    if (!INNER_DOCUMENTS.has(event.url) && !renderer.contains(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebLink(url)) {
      shell.openExternal(url).catch((error: unknown) => {
        console.warn(`Commonplace could not open ${url} in the browser: ${(error as Error).message}`)
      })
    }
    return { action: 'deny' }
  })
}

/** True for http: and https: addresses, the only kind handed to the system browser. */
export function isWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}
