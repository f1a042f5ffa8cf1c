import { basename, dirname, join } from 'node:path'

/** The app's own scheme (desktop/app-protocol.ts serves it): the built page is app://commonplace/index.html. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'commonplace'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Where the app's own page lives: the built out/renderer/index.html, served as
 * app://commonplace/index.html (desktop/app-protocol.ts), or electron-vite's dev server in
 * development. Navigation, IPC and downloads trust only pages at this place.
 */
export class RendererLocation {
  private readonly page: URL

  private constructor(
    url: string,
    /** The folder app: serves (out/renderer); null for the dev server. */
    readonly builtDir: string | null,
  ) {
    this.page = new URL(url)
  }

  /** The built page: `indexHtmlPath` on disk, loaded as app://commonplace/<its name>. */
  static builtPage(indexHtmlPath: string): RendererLocation {
    return new RendererLocation(
      `${APP_SCHEME}://${APP_HOST}/${basename(indexHtmlPath)}`,
      dirname(indexHtmlPath),
    )
  }

  /** The dev server electron-vite announces in ELECTRON_RENDERER_URL. */
  static devServer(url: string): RendererLocation {
    return new RendererLocation(url, null)
  }

  /** The address a window loads. */
  get url(): string {
    return this.page.href
  }

  /** True while developing against electron-vite's dev server. */
  get isDevServer(): boolean {
    return this.builtDir === null
  }

  /** True when `candidate` is the app's own page (any query or hash); anything else is foreign. */
  contains(candidate: string): boolean {
    let other: URL
    try {
      other = new URL(candidate)
    } catch {
      return false
    }
    // URL gives app: (not a special scheme to it) no origin, so scheme and host are compared; the
    // built page is matched by its exact path, as the other files of the folder are no pages.
    if (this.builtDir !== null) {
      return (
        other.protocol === this.page.protocol &&
        other.host === this.page.host &&
        other.pathname === this.page.pathname
      )
    }
    return other.origin === this.page.origin
  }
}

/** What decides where the renderer is. */
export interface RendererSource {
  isPackaged: boolean
  /** ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  devServerUrl: string | undefined
  /** Folder of the built main script (out/main). */
  mainDir: string
}

/**
 * The dev server when electron-vite runs one (never in a packaged app, and only on this machine's
 * loopback address), otherwise the built page beside the main script.
 */
export function chooseRendererLocation({
  isPackaged,
  devServerUrl,
  mainDir,
}: RendererSource): RendererLocation {
  if (!isPackaged && devServerUrl && isLoopbackHttp(devServerUrl))
    return RendererLocation.devServer(devServerUrl)
  return RendererLocation.builtPage(join(mainDir, '..', 'renderer', 'index.html'))
}

function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.has(parsed.hostname)
    )
  } catch {
    return false
  }
}
