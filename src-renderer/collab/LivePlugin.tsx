import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin'
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { Provider } from '@lexical/yjs'
import * as Y from 'yjs'
import {
  LiveNoteProvider,
  STORED_ORIGIN,
  type LiveStatus,
} from '../../src-main/core/sync/collab/hocuspocus-adapter'
import type { SerializedNoteContent } from '../../src-main/core/notes/note-content'
import type { LiveConnection } from './live-connections'
import { PresenceBar, type Peer } from './PresenceBar'
import { caretColorFor } from './caret-colors'
import './live.css'

export interface LivePluginProps {
  connection: LiveConnection
  /** The Y.Doc state this device kept (notes/<id>.ydoc), or null the first time. */
  stored: Uint8Array | null
  /** What the sharing device seeds the shared document with, the first time only. */
  seed: SerializedNoteContent | null
  /** Called with the doc after every change that is not merely the kept state loading. */
  onDocChange(doc: Y.Doc): void
  onChangeConnection(): void
  onStop(): void
}

/**
 * Lexical's CollaborationPlugin on a Hocuspocus provider, and the bar that says who is here.
 * Only the sharing device, the first time, may bootstrap (seed) the shared document.
 */
export function LivePlugin({
  connection,
  stored,
  seed,
  onDocChange,
  onChangeConnection,
  onStop,
}: LivePluginProps) {
  const [status, setStatus] = useState<{ status: LiveStatus; reason?: string; everConnected: boolean }>({
    status: 'connecting',
    everConnected: false,
  })
  const [peers, setPeers] = useState<Peer[]>([])
  const live = useRef<LiveNoteProvider | null>(null)
  const changed = useRef(onDocChange)
  useEffect(() => {
    changed.current = onDocChange
  })
  const color = useMemo(() => caretColorFor(connection.userName), [connection.userName])

  const providerFactory = useCallback(
    (id: string, docs: Map<string, Y.Doc>): Provider => {
      const doc = new Y.Doc()
      docs.set(id, doc)
      const provider = new LiveNoteProvider(
        connection,
        doc,
        (next, reason) =>
          setStatus((previous) => ({
            status: next,
            reason,
            everConnected: previous.everConnected || next === 'connected',
          })),
        stored,
      )
      doc.on('update', (_update: Uint8Array, origin: unknown) => {
        if (origin !== STORED_ORIGIN) changed.current(doc)
      })
      const awareness = provider.hocuspocus.awareness
      // 'update' too, not only 'change': a state renewed after a reconnect is announced again.
      awareness?.on('update', () => {
        const states = [...(awareness.getStates() as Map<number, { name?: unknown; color?: unknown }>)]
        setPeers(
          states.map(([clientId, state]) => ({
            id: clientId,
            name: typeof state.name === 'string' ? state.name : 'Someone',
            color: typeof state.color === 'string' ? state.color : '',
            me: clientId === doc.clientID,
          })),
        )
      })
      live.current = provider
      return provider.lexical
    },
    // One provider per mounted note: the connection and the kept state are fixed for its life.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the factory must not change identity
    [],
  )

  // The provider goes with the note. The destroy waits a task so that React's development remount
  // (StrictMode unmounts and mounts again at once, and the plugin keeps its provider) cancels it.
  const pendingDestroy = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => {
    if (pendingDestroy.current !== null) clearTimeout(pendingDestroy.current)
    pendingDestroy.current = null
    return () => {
      pendingDestroy.current = setTimeout(() => {
        live.current?.destroy()
        live.current = null
      }, 0)
    }
  }, [])

  // Lexical places the others' carets when awareness changes, not when the text reflows: a resize
  // announces an awareness update here, with nobody's state changed, so they are placed again.
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const root = editor.getRootElement()
    const placeCarets = () => {
      const provider = live.current?.hocuspocus
      // With the provider as origin, Hocuspocus sends nothing: only the carets are placed again.
      provider?.awareness?.emit('update', [{ added: [], updated: [], removed: [] }, provider])
    }
    // The text reflows when its column changes size, and moves when the window does (a centred column).
    const observer = new ResizeObserver(placeCarets)
    if (root) observer.observe(root)
    window.addEventListener('resize', placeCarets)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', placeCarets)
    }
  }, [editor])

  return (
    <>
      <LexicalCollaboration>
        <CollaborationPlugin
          id={connection.documentName}
          providerFactory={providerFactory}
          shouldBootstrap={connection.sharer && stored === null}
          initialEditorState={seed ? JSON.stringify(seed) : undefined}
          username={connection.userName}
          cursorColor={color}
        />
      </LexicalCollaboration>
      <PresenceBar
        connection={connection}
        status={status.status}
        reason={status.reason}
        reconnecting={status.everConnected && status.status !== 'connected'}
        peers={peers}
        onChangeConnection={onChangeConnection}
        onStop={onStop}
      />
    </>
  )
}
