import type { LexicalEditor } from 'lexical'
import * as Y from 'yjs'
import { createNoteEditor, loadNoteContent } from '../../notes/headless'
import type { SerializedNoteContent } from '../../notes/note-content'
import { bindEditorToDoc } from './note-binding'
import { LiveNoteProvider, type LiveNoteConnection, type LiveStatus } from './hocuspocus-adapter'

/** A DOM-free note editor joined to a shared document: for the command line and the tests. */
export interface HeadlessLiveNote {
  editor: LexicalEditor
  doc: Y.Doc
  provider: LiveNoteProvider
  /** The last status the connection reported. */
  status(): LiveStatus
  /** Resolves once the first sync with the server is done; rejects if the server refuses. */
  synced: Promise<void>
  close(): void
}

/**
 * Joins a shared note. `seed` is for the device that shares the note (Lexical's rule: only it
 * creates the document's state), and is written only if the server's document is still empty;
 * every other device joins with none and receives.
 */
export function openHeadlessLiveNote(
  connection: LiveNoteConnection,
  options: { seed?: SerializedNoteContent | null; state?: Uint8Array } = {},
): HeadlessLiveNote {
  const doc = new Y.Doc()
  const editor = createNoteEditor()
  let current: LiveStatus = 'connecting'
  let settle: { resolve(): void; reject(error: Error): void } | null = null
  const synced = new Promise<void>((resolve, reject) => (settle = { resolve, reject }))
  const provider = new LiveNoteProvider(
    connection,
    doc,
    (status, reason) => {
      current = status
      if (status === 'refused') settle?.reject(new Error(reason ?? 'refused'))
    },
    options.state ?? null,
  )
  const unbind = bindEditorToDoc(editor, doc, provider.lexical)
  provider.hocuspocus.on('synced', ({ state }: { state: boolean }) => {
    if (!state) return
    const root = doc.get('root', Y.XmlText)
    if (options.seed && root.length === 0) loadNoteContent(editor, options.seed)
    settle?.resolve()
  })
  void provider.connect()
  return {
    editor,
    doc,
    provider,
    status: () => current,
    synced,
    close() {
      unbind()
      provider.destroy()
      doc.destroy()
    },
  }
}
