import type { Socket } from 'node:net'
import { Server } from '@hocuspocus/server'
import * as Y from 'yjs'
import { isDocumentName } from './document-name'
import { tokensMatch } from './collab-token'
import { DocumentFiles } from './document-files'

export interface CollabServerOptions {
  /** 0 picks a free port. */
  port: number
  /** Loopback unless the user says otherwise. */
  host?: string
  /** Where the documents' files live. */
  dir: string
  /** Every connection must present this token. */
  token: string
  /** Called with each document stored (for logs). */
  onStored?(name: string): void
}

/** A running collab server. */
export interface CollabServer {
  /** ws://host:port */
  url: string
  port: number
  /** Stores every open document, then closes every connection and the port. */
  stop(): Promise<void>
}

/** What a refused connection is told (Hocuspocus hands the reason to the provider). */
export const REFUSED_TOKEN = 'The collab server refused the token'
export const REFUSED_NAME = 'Not a shared document name (use 1 to 100 letters, digits, - or _)'

/**
 * Starts a Hocuspocus server that keeps each document in its own file under `dir` and lets in
 * only connections with the token. Edits are stored a moment after they arrive and on stop.
 */
export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const files = new DocumentFiles(options.dir)
  await files.open()
  const server = new Server({
    port: options.port,
    address: options.host ?? '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    debounce: 300,
    maxDebounce: 2000,
    async onConnect({ documentName }) {
      if (!isDocumentName(documentName)) throw refusal(REFUSED_NAME)
    },
    async onAuthenticate({ token, documentName }) {
      if (!isDocumentName(documentName)) throw refusal(REFUSED_NAME)
      if (!tokensMatch(token ?? '', options.token)) throw refusal(REFUSED_TOKEN)
    },
    async onLoadDocument({ documentName, document }) {
      const state = await files.read(documentName)
      if (state) Y.applyUpdate(document, state)
      return document
    },
    async onStoreDocument({ documentName, document }) {
      await files.write(documentName, document)
      options.onStored?.(documentName)
    },
  })
  // Hocuspocus' destroy closes the port but leaves upgraded sockets open (the editors would think
  // they are still connected), so every socket is kept here and ended on stop.
  const sockets = new Set<Socket>()
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await server.listen()
  const { port } = server.address
  const host = options.host ?? '127.0.0.1'
  return {
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    async stop() {
      // Whatever arrived since the last store reaches the disk before the port closes.
      for (const [name, document] of server.hocuspocus.documents) await files.write(name, document)
      server.hocuspocus.closeConnections()
      for (const socket of sockets) socket.destroy()
      await server.destroy()
    },
  }
}

/** Hocuspocus sends a hook error's `reason` to the refused provider (its authenticationFailed event). */
function refusal(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason })
}
