// The session half of the `electron` stand-in (see electron-stand-in.ts): response headers,
// permissions and downloads. Methods named `simulate…` are not Electron API.
import { EventEmitter } from 'node:events'
import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails, SaveDialogOptions } from 'electron'
import { StandInEvent, type WebContents } from './stand-in-windows'

type PermissionRequestHandler = (
  contents: WebContents,
  permission: string,
  callback: (granted: boolean) => void,
) => void
type HeadersListener = (
  details: OnHeadersReceivedListenerDetails,
  callback: (response: HeadersReceivedResponse) => void,
) => void

class WebRequest {
  headersListener: HeadersListener | null = null

  onHeadersReceived(
    filterOrListener: { urls: string[] } | HeadersListener | null,
    listener?: HeadersListener | null,
  ): void {
    this.headersListener = typeof filterOrListener === 'function' ? filterOrListener : (listener ?? null)
  }
}

/** A download in progress (DownloadItem). */
export class DownloadItem extends EventEmitter {
  private saveDialogOptions: SaveDialogOptions = {}
  private savePath = ''
  constructor(
    private readonly url: string,
    private readonly filename: string,
  ) {
    super()
  }
  getURL(): string {
    return this.url
  }
  getFilename(): string {
    return this.filename
  }
  setSaveDialogOptions(options: SaveDialogOptions): void {
    this.saveDialogOptions = options
  }
  getSaveDialogOptions(): SaveDialogOptions {
    return this.saveDialogOptions
  }
  setSavePath(path: string): void {
    this.savePath = path
  }
  getSavePath(): string {
    return this.savePath
  }
}

/** A browsing session (Session). */
export class Session extends EventEmitter {
  readonly webRequest = new WebRequest()
  private permissionRequestHandler: PermissionRequestHandler | null = null
  private permissionCheckHandler: ((contents: WebContents | null, permission: string) => boolean) | null =
    null

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler
  }

  setPermissionCheckHandler(
    handler: ((contents: WebContents | null, permission: string) => boolean) | null,
  ): void {
    this.permissionCheckHandler = handler
  }

  /** Stand-in: the server's response headers as the page will see them. */
  simulateResponse(url: string, responseHeaders: Record<string, string[]>): Promise<HeadersReceivedResponse> {
    const listener = this.webRequest.headersListener
    if (!listener) return Promise.resolve({ responseHeaders })
    const details = {
      id: 1,
      url,
      method: 'GET',
      resourceType: 'mainFrame',
      referrer: '',
      timestamp: Date.now(),
      statusLine: 'HTTP/1.1 200 OK',
      statusCode: 200,
      responseHeaders,
    } satisfies OnHeadersReceivedListenerDetails
    return new Promise((resolve) => listener(details, resolve))
  }

  /** Stand-in: a page asks for a permission; resolves whether it was granted (Electron's default: yes). */
  simulatePermissionRequest(contents: WebContents, permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler
    if (!handler) return Promise.resolve(true)
    return new Promise((resolve) => handler(contents, permission, resolve))
  }

  /** Stand-in: a page checks a permission (Electron's default: granted). */
  simulatePermissionCheck(contents: WebContents, permission: string): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler(contents, permission) : true
  }

  /** Stand-in: `contents` starts downloading `item`; returns the event, prevented when cancelled. */
  simulateDownload(item: DownloadItem, contents: WebContents): StandInEvent {
    const event = new StandInEvent()
    this.emit('will-download', event, item, contents)
    return event
  }

  reset(): void {
    this.removeAllListeners()
    this.webRequest.headersListener = null
    this.permissionRequestHandler = null
    this.permissionCheckHandler = null
  }
}
