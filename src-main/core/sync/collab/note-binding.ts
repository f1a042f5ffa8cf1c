import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Provider,
} from '@lexical/yjs'
import { SKIP_COLLAB_TAG, type LexicalEditor } from 'lexical'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { createNoteEditor, loadNoteContent } from '../../notes/headless'
import { SerializedNoteContent } from '../../notes/note-content'

/** The Y.Doc key Lexical's binding keeps a note under (CollaborationPlugin's default too). */
export const NOTE_ROOT = 'root'

/** A DOM-free editor has no carets to draw. */
const noCursors = () => undefined

/**
 * Binds `editor` to `doc` both ways, the way Lexical's CollaborationPlugin does (without the DOM):
 * Yjs changes from elsewhere become editor updates, editor updates become Yjs changes.
 * `provider` supplies the awareness carets ride on. Returns the unbinding.
 */
export function bindEditorToDoc(editor: LexicalEditor, doc: Y.Doc, provider: Provider): () => void {
  const binding = createYjsBinding({ editor, id: NOTE_ROOT, doc, docMap: new Map([[NOTE_ROOT, doc]]) })
  const shared = binding.root.getSharedType()
  const onYjs = (events: Array<Y.YEvent<Y.XmlText>>, transaction: Y.Transaction) => {
    if (transaction.origin === binding) return
    syncYjsChangesToLexical(binding, provider, events, transaction.origin instanceof Y.UndoManager, noCursors)
  }
  shared.observeDeep(onYjs as (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, t: Y.Transaction) => void)
  const stopListening = editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (tags.has(SKIP_COLLAB_TAG)) return
      syncLexicalUpdateToYjs(
        binding,
        provider,
        prevEditorState,
        editorState,
        dirtyElements,
        dirtyLeaves,
        normalizedNodes,
        tags,
      )
    },
  )
  return () => {
    shared.unobserveDeep(
      onYjs as (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, t: Y.Transaction) => void,
    )
    stopListening()
  }
}

/** A provider stand-in for work with no server at all: a real awareness on the doc, nothing to connect. */
function offlineProvider(doc: Y.Doc): Provider {
  const awareness = new Awareness(doc)
  return {
    awareness: awareness as unknown as Provider['awareness'],
    connect: () => undefined,
    disconnect: () => awareness.destroy(),
    on: () => undefined,
    off: () => undefined,
  }
}

/** Flushes a headless editor's pending update (Lexical commits in a microtask). */
const settled = (editor: LexicalEditor) =>
  new Promise<void>((done) => editor.update(() => undefined, { onUpdate: done, discrete: true }))

/** A note's content as Lexical JSON, read from a stored Y.Doc state (what export sees). */
export async function noteContentFromState(state: Uint8Array): Promise<SerializedNoteContent> {
  const doc = new Y.Doc()
  const editor = createNoteEditor()
  const provider = offlineProvider(doc)
  const unbind = bindEditorToDoc(editor, doc, provider)
  try {
    Y.applyUpdate(doc, state, 'stored')
    await settled(editor)
    return SerializedNoteContent.parse(editor.getEditorState().toJSON())
  } finally {
    unbind()
    provider.disconnect()
    doc.destroy()
  }
}

/**
 * A Y.Doc state seeded from a note's content, the way the sharing device seeds it (for the tests,
 * and for seeding a document on the server side, which Lexical recommends over client bootstrap).
 */
export async function stateFromContent(content: SerializedNoteContent): Promise<Uint8Array> {
  const doc = new Y.Doc()
  const editor = createNoteEditor()
  const provider = offlineProvider(doc)
  const unbind = bindEditorToDoc(editor, doc, provider)
  try {
    loadNoteContent(editor, content)
    await settled(editor)
    return Y.encodeStateAsUpdate(doc)
  } finally {
    unbind()
    provider.disconnect()
    doc.destroy()
  }
}
