import { useMemo, useSyncExternalStore } from 'react'
import { isDocumentName } from '../../src-main/core/sync/collab/document-name'

/**
 * How this device reaches a note shared for live editing. It is kept per device, in the app's own
 * storage (the browser profile, or Electron's user data folder), never in the library folder: the
 * token is a secret, and another device joining the same library has connections of its own.
 */
export interface LiveConnection {
  url: string
  documentName: string
  token: string
  /** The name others see beside this device's caret. */
  userName: string
  /** True on the device that shared the note: only it seeds the shared document (Lexical's rule). */
  sharer: boolean
}

const KEY_PREFIX = 'commonplace.live.'
const listeners = new Set<() => void>()

/** A reason the connection cannot be used, or null when it can. */
export function connectionProblem(fields: Omit<LiveConnection, 'sharer'>): string | null {
  let url: URL
  try {
    url = new URL(fields.url)
  } catch {
    return 'The server address is not an address (ws://127.0.0.1:1234, or wss://…)'
  }
  const loopback = ['127.0.0.1', 'localhost'].includes(url.hostname)
  if (url.protocol === 'ws:' && !loopback)
    return 'Use wss:// for a server on another machine (ws:// only for this one: 127.0.0.1 or localhost)'
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    return 'The server address must start with ws:// or wss://'
  if (!isDocumentName(fields.documentName))
    return 'The document name may hold 1 to 100 letters, digits, - or _'
  if (fields.token.trim().length === 0) return 'The server’s token is needed'
  if (fields.userName.trim().length === 0) return 'Give the name others will see beside your caret'
  return null
}

export function readLiveConnection(noteId: string): LiveConnection | null {
  const raw = localStorage.getItem(KEY_PREFIX + noteId)
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as Partial<LiveConnection>
    const connection: LiveConnection = {
      url: String(value.url ?? ''),
      documentName: String(value.documentName ?? ''),
      token: String(value.token ?? ''),
      userName: String(value.userName ?? ''),
      sharer: value.sharer === true,
    }
    return connectionProblem(connection) === null ? connection : null
  } catch {
    return null
  }
}

export function saveLiveConnection(noteId: string, connection: LiveConnection): void {
  localStorage.setItem(KEY_PREFIX + noteId, JSON.stringify(connection))
  for (const listener of listeners) listener()
}

/** Stops live editing of a note on this device (its content and kept state stay in the library). */
export function forgetLiveConnection(noteId: string): void {
  localStorage.removeItem(KEY_PREFIX + noteId)
  for (const listener of listeners) listener()
}

/** The last name this device used, offered again in the dialogs. */
export function lastUserName(): string {
  return localStorage.getItem(KEY_PREFIX + 'user-name') ?? ''
}

export function rememberUserName(name: string): void {
  localStorage.setItem(KEY_PREFIX + 'user-name', name)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** A note's live connection on this device, re-read when it changes. */
export function useLiveConnection(noteId: string): LiveConnection | null {
  const raw = useSyncExternalStore(subscribe, () => localStorage.getItem(KEY_PREFIX + noteId))
  return useMemo(() => (raw === null ? null : readLiveConnection(noteId)), [raw, noteId])
}
