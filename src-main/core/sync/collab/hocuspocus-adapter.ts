import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import type { Provider } from '@lexical/yjs'
import * as Y from 'yjs'

/** Where a shared note lives and who is writing; the token is never stored in the library. */
export interface LiveNoteConnection {
  /** ws:// or wss:// address of the collab server. */
  url: string
  /** The shared document's name on the server (document-name.ts). */
  documentName: string
  token: string
}

/** The origin of the Yjs transaction that loads the state kept in the library (not an edit to save). */
export const STORED_ORIGIN = 'commonplace-stored-state'

/** How a connection stands, in the words the presence bar shows. */
export type LiveStatus = 'connecting' | 'connected' | 'offline' | 'refused'

/**
 * A Hocuspocus provider for one note's Y.Doc, plus the shape Lexical's binding expects of a
 * provider: Hocuspocus says `synced` where Lexical listens for `sync`, so those are translated.
 */
export class LiveNoteProvider {
  readonly hocuspocus: HocuspocusProvider
  readonly socket: HocuspocusProviderWebsocket
  /** What Lexical's CollaborationPlugin and the core binding are given. */
  readonly lexical: Provider
  private refusedReason: string | null = null
  private stored: Uint8Array | null

  /**
   * `stored` is the state this device kept of the document (notes/<id>.ydoc): it goes into the
   * doc on the first connect, after the editor is bound, so the editor shows it even offline.
   */
  constructor(
    connection: LiveNoteConnection,
    private readonly doc: Y.Doc,
    onStatus: (status: LiveStatus, reason?: string) => void,
    stored: Uint8Array | null = null,
  ) {
    this.stored = stored
    // Reconnects soon after the server comes back (Hocuspocus' default waits up to 30 s), and only
    // once Lexical's plugin (or the caller) connects.
    this.socket = new HocuspocusProviderWebsocket({
      url: connection.url,
      autoConnect: false,
      delay: 250,
      minDelay: 250,
      factor: 1.5,
      maxDelay: 3000,
    })
    this.hocuspocus = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: connection.documentName,
      token: connection.token,
      document: doc,
      onStatus: ({ status }) => {
        if (this.refusedReason !== null) return
        onStatus(status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline')
      },
      onAuthenticationFailed: ({ reason }) => {
        this.refusedReason = reason
        onStatus('refused', reason)
        // A refused token will not become right by retrying.
        this.socket.disconnect()
      },
    })
    this.hocuspocus.attach()
    this.lexical = this.asLexicalProvider()
  }

  /** Why the server refused this connection, once it has. */
  get refusal(): string | null {
    return this.refusedReason
  }

  connect(): Promise<unknown> {
    if (this.stored) Y.applyUpdate(this.doc, this.stored, STORED_ORIGIN)
    this.stored = null
    return this.socket.connect()
  }

  disconnect(): void {
    this.socket.disconnect()
  }

  destroy(): void {
    this.hocuspocus.destroy()
    this.socket.destroy()
  }

  private asLexicalProvider(): Provider {
    const hp = this.hocuspocus
    const wrapped = new Map<unknown, (payload: { state?: boolean; status?: string }) => void>()
    const translate = (type: string) => (type === 'sync' ? 'synced' : type)
    return {
      awareness: hp.awareness as unknown as Provider['awareness'],
      connect: () => void this.connect(),
      disconnect: () => this.disconnect(),
      on: (type: string, callback: (value: never) => void) => {
        const listener = (payload: { state?: boolean; status?: string }) =>
          type === 'sync' ? callback(Boolean(payload.state) as never) : callback(payload as never)
        wrapped.set(callback, listener)
        hp.on(translate(type), listener)
      },
      off: (type: string, callback: (value: never) => void) => {
        const listener = wrapped.get(callback)
        if (listener) hp.off(translate(type), listener)
        wrapped.delete(callback)
      },
    } as Provider
  }
}
