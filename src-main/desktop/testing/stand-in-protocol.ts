// The protocol half of the `electron` stand-in (see electron-stand-in.ts), as Electron 45 documents
// `protocol`: schemes made privileged before the app is ready, and handlers that answer a Request with
// a Response. Methods named `simulate…` are not Electron API: they play Chromium loading a URL.
import type { CustomScheme } from 'electron'

type ProtocolHandler = (request: Request) => Response | Promise<Response>

/** The `protocol` module of the default session. */
export class Protocol {
  /** Stand-in record: the schemes registered as privileged, as given. */
  privilegedSchemes: CustomScheme[] = []
  private readonly handlers = new Map<string, ProtocolHandler>()
  private registeredPrivileged = false

  constructor(private readonly isReady: () => boolean) {}

  /** Documented: only before the app's `ready` event, and only once. */
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (this.isReady())
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    if (this.registeredPrivileged)
      throw new Error('protocol.registerSchemesAsPrivileged can be called only once')
    this.registeredPrivileged = true
    this.privilegedSchemes = customSchemes.map((scheme) => structuredClone(scheme))
  }

  /** Documented: like every protocol method not said otherwise, only after `ready`; one handler per scheme. */
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!this.isReady()) throw new Error('The protocol module can only be used after the app is ready')
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    this.handlers.set(scheme, handler)
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme)
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme)
  }

  /** Stand-in: what the page receives when it loads `url` (a network error when no handler answers). */
  async simulateRequest(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1)
    const handler = this.handlers.get(scheme)
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${url})`)
    return handler(new Request(url, init))
  }

  /** Stand-in: a protocol module of a freshly started app. */
  reset(): void {
    this.privilegedSchemes = []
    this.handlers.clear()
    this.registeredPrivileged = false
  }
}
