import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type Ref,
} from 'react'
import type { EditorState, LexicalEditor } from 'lexical'
import { LexicalExtensionComposer } from '@lexical/react/LexicalExtensionComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin'
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { CommonplaceApi } from '../../src-main/api/contract'
import type { Excerpt, NoteSummary } from '../../src-main/core/records'
import { SerializedNoteContent } from '../../src-main/core/notes/note-content'
import { INSERT_EXCERPT_COMMAND, type ExcerptFields } from '../../src-main/core/notes/excerpt-node'
import { NOTE_TRANSFORMERS } from '../../src-main/core/notes/transformers'
import { createNoteEditor, loadNoteContent } from '../../src-main/core/notes/headless'
import { noteEditorExtension } from './note-extension'
import { NoteSaver, type SaveState } from './note-saver'
import { ExcerptBlockContext } from './ExcerptBlock'
import { ExcerptPlugin } from './ExcerptPlugin'
import { NoteLinkPlugin } from './NoteLinkPlugin'
import { NoteErrorBoundary } from './NoteErrorBoundary'
import { NoteLoadError } from './NoteLoadError'
import { Toolbar } from './Toolbar'
import { useExcerptStatuses, type QuotedExcerpt } from './use-excerpt-statuses'
import { QuoteSummary } from './QuoteSummary'
import { useLiveNote, type LiveNote } from '../collab/use-live-note'
import { useCommand } from '../commands/registry'
import { LivePlugin } from '../collab/LivePlugin'
import { LiveDialog, documentNameFor } from '../collab/LiveDialog'
import './editor.css'
import './quotes.css'

/** The article an excerpt comes from, as the excerpt block cites it. */
export interface ExcerptSource {
  id: string
  title: string
  sourceName: string | null
  sourceUrl: string | null
}

/** What the app can ask of the open editor. */
export interface NoteEditorHandle {
  /** Puts an excerpt block at the caret (or at the end if the note was never focused). */
  insertExcerpt(excerpt: Excerpt, source: ExcerptSource): void
  /** Resolves once everything typed is on disk; rejects if saving failed. */
  flush(): Promise<void>
  /** Puts the caret in the note's text (as soon as the note has loaded). */
  focus(): void
}

export interface NoteEditorProps {
  api: CommonplaceApi
  noteId: string
  onOpenExcerpt(target: { excerptId: string; articleId: string }): void
  onSaved?(note: NoteSummary): void
  ref?: Ref<NoteEditorHandle>
}

/** How long typing must pause before a save starts. */
const SAVE_DELAY_MS = 400

type Loaded =
  { noteId: string; content: SerializedNoteContent | null } | { noteId: string; error: string; code: string }

/** The note editor: loads the note, edits it as rich text, and saves it as you type. */
export function NoteEditor({ api, noteId, onOpenExcerpt, onSaved, ref }: NoteEditorProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [saveState, setSaveState] = useState<SaveState>({ status: 'saved' })
  // A note shared for live editing saves its Y.Doc state instead of its content (collab/).
  const live = useLiveNote(api, noteId, setSaveState)
  const [sharing, setSharing] = useState(false)
  const editorRef = useRef<LexicalEditor | null>(null)
  const queued = useRef<ExcerptFields[]>([])
  const focusWhenReady = useRef(false)
  const callbacks = useRef({ onOpenExcerpt })
  useEffect(() => {
    callbacks.current = { onOpenExcerpt }
  })

  useEffect(() => {
    let cancelled = false
    api.call('notes.get', { id: noteId }).then(
      ({ content }) => !cancelled && setLoaded(checkLoadable(noteId, content)),
      (error: unknown) =>
        !cancelled &&
        setLoaded({
          noteId,
          error: error instanceof Error ? error.message : String(error),
          code: codeOf(error),
        }),
    )
    return () => {
      cancelled = true
    }
  }, [api, noteId, attempt])

  const saver = useMemo(
    () =>
      new NoteSaver<SerializedNoteContent, NoteSummary>({
        save: (content) => api.call('notes.save', { id: noteId, content }),
        delayMs: SAVE_DELAY_MS,
        onState: setSaveState,
      }),
    [api, noteId],
  )
  useEffect(() => saver.setSavedListener(onSaved ?? null), [saver, onSaved])
  useEffect(() => live.saver.setSavedListener(onSaved ?? null), [live.saver, onSaved])
  useCommand(
    'share-live-note',
    () => void saver.flush().finally(() => setSharing(true)),
    () => live.connection === null,
  )

  // Whatever is typed reaches the disk when the note closes, the page goes away or the app quits.
  useEffect(() => {
    const flushQuietly = () =>
      void saver.flush().catch((error: unknown) => console.error('Could not save the note', error))
    window.addEventListener('pagehide', flushQuietly)
    window.addEventListener('beforeunload', flushQuietly)
    return () => {
      window.removeEventListener('pagehide', flushQuietly)
      window.removeEventListener('beforeunload', flushQuietly)
      flushQuietly()
    }
  }, [saver])

  const open = useCallback(
    (target: { excerptId: string; articleId: string }) => callbacks.current.onOpenExcerpt(target),
    [],
  )
  const statuses = useExcerptStatuses(api, open)

  const setEditor = useCallback((editor: LexicalEditor | null) => {
    editorRef.current = editor
    if (!editor) return
    for (const fields of queued.current.splice(0)) editor.dispatchCommand(INSERT_EXCERPT_COMMAND, fields)
    if (focusWhenReady.current) {
      focusWhenReady.current = false
      editor.focus()
    }
  }, [])

  const { markPresent } = statuses
  useImperativeHandle(
    ref,
    () => ({
      insertExcerpt(excerpt, source) {
        const fields: ExcerptFields = {
          excerptId: excerpt.id,
          articleId: excerpt.articleId,
          quote: excerpt.quote,
          sourceTitle: source.title,
          sourceName: source.sourceName,
          sourceUrl: source.sourceUrl,
          excerptedAt: excerpt.createdAt,
          ...(excerpt.area ? { area: { page: excerpt.area.page, rect: excerpt.area.rect } } : {}),
        }
        markPresent(excerpt.id, source.title, excerpt.quote)
        if (editorRef.current) editorRef.current.dispatchCommand(INSERT_EXCERPT_COMMAND, fields)
        else queued.current.push(fields)
      },
      flush: () => Promise.all([saver.flush(), live.saver.flush()]).then(() => undefined),
      focus() {
        if (editorRef.current) editorRef.current.focus()
        else focusWhenReady.current = true
      },
    }),
    [saver, live.saver, markPresent],
  )

  const current = loaded?.noteId === noteId ? loaded : null
  if (current === null || (live.connection && live.stored === undefined)) {
    return (
      <div className="note-editor note-editor--message" aria-busy="true" data-testid="note-editor-loading">
        Opening the note…
      </div>
    )
  }
  if ('error' in current) {
    return (
      <NoteLoadError
        api={api}
        noteId={noteId}
        code={current.code}
        message={current.error}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    )
  }
  return (
    <ExcerptBlockContext.Provider value={statuses.services}>
      <NoteErrorBoundary key={noteId}>
        <NoteComposer
          key={live.connection ? `live:${live.connection.documentName}` : 'local'}
          live={live}
          onShare={() => void saver.flush().finally(() => setSharing(true))}
          // The note reopens from the library, where the shared document's last state was saved.
          onStopLive={() => void live.saver.flush().finally(() => (live.stop(), setAttempt((n) => n + 1)))}
          content={current.content}
          saver={saver}
          saveState={saveState}
          setEditor={setEditor}
          onExcerpts={statuses.track}
          onOpen={open}
          summary={<QuoteSummary blocks={statuses.blocks} services={statuses.services} />}
        />
      </NoteErrorBoundary>
      {sharing ? (
        <LiveDialog
          mode="share"
          suggestedName={documentNameFor(live.connection?.documentName ?? `note-${noteId}`)}
          onSubmit={(fields) => {
            setSharing(false)
            live.share(fields, editorRef.current)
          }}
          onCancel={() => setSharing(false)}
        />
      ) : null}
    </ExcerptBlockContext.Provider>
  )
}

/** The core's error code an API failure carries (ApiError's), whichever client made the call. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'INTERNAL'
}

/**
 * Tries the note on a headless editor first: the editor would drop what it cannot read and then
 * autosave the rest over the file, so a note it cannot load is shown as an error instead.
 */
function checkLoadable(noteId: string, content: SerializedNoteContent | null): Loaded {
  try {
    loadNoteContent(createNoteEditor(), content)
    return { noteId, content }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { noteId, error: `${reason}. Its file was left untouched.`, code: 'LIBRARY_UNREADABLE' }
  }
}

interface NoteComposerProps {
  live: LiveNote
  onShare(): void
  onStopLive(): void
  content: SerializedNoteContent | null
  saver: NoteSaver<SerializedNoteContent, NoteSummary>
  saveState: SaveState
  setEditor(editor: LexicalEditor | null): void
  onExcerpts(blocks: QuotedExcerpt[]): void
  onOpen(target: { excerptId: string; articleId: string }): void
  /** Shown above the note: whether its quotes are verified. */
  summary: ReactNode
}

function NoteComposer({
  live,
  onShare,
  onStopLive,
  content,
  saver,
  saveState,
  setEditor,
  onExcerpts,
  onOpen,
  summary,
}: NoteComposerProps) {
  const isLive = live.connection !== null
  const extension = useMemo(
    () =>
      noteEditorExtension(content, (error) => console.error('The note editor hit an error', error), {
        live: isLive,
      }),
    [content, isLive],
  )
  return (
    <div className="note-editor">
      <LexicalExtensionComposer extension={extension} contentEditable={null}>
        <Toolbar
          status={
            <>
              <SaveStatus
                state={saveState}
                onRetry={() => void (isLive ? live.saver : saver).retry().catch(() => {})}
              />
              {isLive ? null : (
                <button type="button" className="live-share" onClick={onShare} data-testid="live-share">
                  Share live…
                </button>
              )}
            </>
          }
        />
        {live.connection ? (
          <LivePlugin
            connection={live.connection}
            stored={live.stored ?? null}
            seed={live.seed ?? content}
            onDocChange={(doc) => live.saver.change(() => doc)}
            onChangeConnection={onShare}
            onStop={onStopLive}
          />
        ) : null}
        <div className="ne-scroll">
          <div className="ne-page">
            {summary}
            <ContentEditable
              className="ne-content"
              data-testid="note-editor"
              aria-label="Note text"
              aria-placeholder="Write your note…"
              placeholder={<div className="ne-placeholder">Write your note…</div>}
            />
          </div>
        </div>
        <EditorRefPlugin editorRef={setEditor} />
        {isLive ? null : <AutosavePlugin saver={saver} />}
        <ExcerptPlugin onExcerpts={onExcerpts} onOpen={onOpen} />
        <NoteLinkPlugin />
        <MarkdownShortcutPlugin transformers={NOTE_TRANSFORMERS} />
      </LexicalExtensionComposer>
    </div>
  )
}

/** Hands every change of the document (not mere caret moves) to the saver. */
function AutosavePlugin({ saver }: { saver: NoteSaver<SerializedNoteContent, NoteSummary> }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
        saver.change(() => contentOf(editorState))
      }),
    [editor, saver],
  )
  return null
}

function contentOf(editorState: EditorState): SerializedNoteContent {
  return SerializedNoteContent.parse(editorState.toJSON())
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry(): void }) {
  return (
    <>
      <span className={`ne-save ne-save--${state.status}`} data-testid="save-status" role="status">
        {state.status === 'saving'
          ? 'Saving…'
          : state.status === 'saved'
            ? 'Saved'
            : `Not saved — ${state.reason}`}
      </span>
      {state.status === 'failed' ? (
        <button type="button" className="ne-save__retry" data-testid="save-retry" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </>
  )
}
