import { useCallback, useEffect, useMemo, useState } from 'react'
import * as Y from 'yjs'
import type { LexicalEditor } from 'lexical'
import type { CommonplaceApi } from '../../src-main/api/contract'
import type { NoteSummary } from '../../src-main/core/records'
import { SerializedNoteContent } from '../../src-main/core/notes/note-content'
import { NoteSaver, type SaveState } from '../editor/note-saver'
import { base64ToBytes, bytesToBase64 } from './base64'
import {
  forgetLiveConnection,
  rememberUserName,
  saveLiveConnection,
  useLiveConnection,
  type LiveConnection,
} from './live-connections'

/** How long edits (anyone's) must pause before the shared state is saved into the library. */
const LIVE_SAVE_DELAY_MS = 600

/** A note's live side on this device: its connection, the state kept of it, and its saver. */
export interface LiveNote {
  connection: LiveConnection | null
  /** Undefined while the kept state is being read. */
  stored: Uint8Array | null | undefined
  /** What this device seeds the shared document with when it shares the note. */
  seed: SerializedNoteContent | null
  saver: NoteSaver<Y.Doc, NoteSummary>
  /** Shares the note: its current content seeds the shared document (if the server's is empty). */
  share(fields: Omit<LiveConnection, 'sharer'>, editor: LexicalEditor | null): void
  /** Joins: the note starts empty here and receives the server's document. */
  join(fields: Omit<LiveConnection, 'sharer'>): void
  stop(): void
}

export function useLiveNote(
  api: CommonplaceApi,
  noteId: string,
  onState: (state: SaveState) => void,
): LiveNote {
  const connection = useLiveConnection(noteId)
  const [stored, setStored] = useState<{ key: string; state: Uint8Array | null } | null>(null)
  const [seed, setSeed] = useState<SerializedNoteContent | null>(null)
  const key = connection ? `${noteId}\n${connection.documentName}\n${connection.url}` : null

  useEffect(() => {
    if (key === null) return
    let cancelled = false
    api.call('notes.liveState', { id: noteId }).then(
      ({ state }) => !cancelled && setStored({ key, state: state ? base64ToBytes(state) : null }),
      () => !cancelled && setStored({ key, state: null }),
    )
    return () => {
      cancelled = true
    }
  }, [api, noteId, key])

  const saver = useMemo(
    () =>
      new NoteSaver<Y.Doc, NoteSummary>({
        save: (doc) =>
          api.call('notes.saveLive', { id: noteId, state: bytesToBase64(Y.encodeStateAsUpdate(doc)) }),
        delayMs: LIVE_SAVE_DELAY_MS,
        onState,
      }),
    [api, noteId, onState],
  )

  // What arrived or was typed reaches the library when the note closes or the page goes away.
  useEffect(() => {
    const flushQuietly = () =>
      void saver.flush().catch((error: unknown) => console.error('Could not save the shared note', error))
    window.addEventListener('pagehide', flushQuietly)
    return () => {
      window.removeEventListener('pagehide', flushQuietly)
      flushQuietly()
    }
  }, [saver])

  const share = useCallback(
    (fields: Omit<LiveConnection, 'sharer'>, editor: LexicalEditor | null) => {
      setSeed(editor ? SerializedNoteContent.parse(editor.getEditorState().toJSON()) : null)
      rememberUserName(fields.userName)
      // Changing the server of a joined note does not make this device its sharer.
      saveLiveConnection(noteId, { ...fields, sharer: connection?.sharer ?? true })
    },
    [noteId, connection],
  )
  const join = useCallback(
    (fields: Omit<LiveConnection, 'sharer'>) => {
      rememberUserName(fields.userName)
      saveLiveConnection(noteId, { ...fields, sharer: false })
    },
    [noteId],
  )
  const stop = useCallback(() => forgetLiveConnection(noteId), [noteId])

  return {
    connection,
    stored: stored !== null && stored.key === key ? stored.state : undefined,
    seed,
    saver,
    share,
    join,
    stop,
  }
}
