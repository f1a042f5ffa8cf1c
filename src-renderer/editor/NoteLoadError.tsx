import { useState } from 'react'
import type { CommonplaceApi } from '../../src-main/api/contract'
import { SerializedNoteContent } from '../../src-main/core/notes/note-content'
import { createNoteEditor } from '../../src-main/core/notes/headless'

/** Props of the message shown instead of a note the app could not open. */
export interface NoteLoadErrorProps {
  api: CommonplaceApi
  noteId: string
  /** The core's error code (LIBRARY_FILE_MISSING, LIBRARY_UNREADABLE …) and its message. */
  code: string
  message: string
  onRetry(): void
}

/**
 * A note that could not be opened: the reason (which names the file, and where backups are), "Try
 * again", and — only when the note's file is missing, so that nothing on disk can be lost by it — the
 * offer to start the note again, empty, under the same title and links. A damaged file is never
 * written over from here: it may still be rescued by hand or from a backup.
 */
export function NoteLoadError({ api, noteId, code, message, onRetry }: NoteLoadErrorProps) {
  const [failure, setFailure] = useState<string | null>(null)
  const startEmpty = async () => {
    try {
      const empty = SerializedNoteContent.parse(createNoteEditor().getEditorState().toJSON())
      await api.call('notes.save', { id: noteId, content: empty })
      onRetry()
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    }
  }
  return (
    <div
      className="note-editor note-editor--message"
      role="alert"
      data-testid="note-editor-error"
      data-code={code}
    >
      <p>Could not open this note — {message}</p>
      <div className="note-editor__recovery">
        <button type="button" className="ne-link-prompt__button" onClick={onRetry}>
          Try again
        </button>
        {code === 'LIBRARY_FILE_MISSING' && (
          <button
            type="button"
            className="ne-link-prompt__button"
            data-testid="note-start-empty"
            onClick={() => void startEmpty()}
          >
            Start it again, empty
          </button>
        )}
      </div>
      {failure && <p>That did not work either — {failure}</p>}
    </div>
  )
}
