import { useRef, useState } from 'react'
import type { Excerpt, NoteSummary } from '../../src-main/core/records'
import type { ExcerptSource, NoteEditorHandle } from '../editor/NoteEditor'
import { useNotifier } from '../ui/notices'
import { useConfirm } from '../ui/confirm'
import { exportNote } from './NotePane'
import type { NotesState } from './use-notes'
import { revealPane } from '../layout/WorkspacePanes'

/**
 * The note open beside the article, and what the window does to notes: open another (saving what is
 * typed first), make one, delete one (after asking, with Undo), export it, insert an excerpt into it.
 */
export function useOpenNote(notes: NotesState) {
  const notifier = useNotifier()
  const confirm = useConfirm()
  const editorRef = useRef<NoteEditorHandle>(null)
  const [openNoteId, setOpenNoteId] = useState<string | null>(null)
  /** The note just made with New note, whose title comes up selected to be named first. */
  const [newNoteId, setNewNoteId] = useState<string | null>(null)
  const openNote = notes.notes?.find((note) => note.id === openNoteId) ?? null

  /** Saves what is typed in the open note; false (and the user told) if that failed. */
  const flushEditor = async (): Promise<boolean> => {
    try {
      await editorRef.current?.flush()
      return true
    } catch (error) {
      notifier.error('Could not save the note', error)
      return false
    }
  }

  const switchToNote = async (noteId: string | null) => {
    if (noteId === openNoteId) return
    if (!(await flushEditor())) return
    if (noteId) revealPane('note')
    setOpenNoteId(noteId)
    setNewNoteId(null)
  }

  const newNote = async () => {
    if (!(await flushEditor())) return
    const note = await notes.create()
    if (!note) return
    revealPane('note')
    setOpenNoteId(note.id)
    // The first thing to do with a new note is usually to name it: its title field, once shown, is selected.
    setNewNoteId(note.id)
  }

  const deleteNote = async (note: NoteSummary) => {
    const confirmed = await confirm({
      title: 'Delete this note?',
      message: `“${note.title}” will be deleted. You can undo this for a short while afterwards.`,
      confirmLabel: 'Delete note',
      danger: true,
    })
    if (!confirmed) return
    // A save still on its way must land before the note goes, or it would fail against a missing note.
    if (note.id === openNoteId) await flushEditor()
    const deleted = await notes.remove(note, (restored) => setOpenNoteId(restored.id))
    // Closed only if it is still the open note: another one may have been opened while it was deleted.
    if (deleted) setOpenNoteId((open) => (open === note.id ? null : open))
  }

  const exportOpenNote = async () => {
    if (!openNoteId) {
      notifier.show({ tone: 'info', message: 'Open a note to export it.', expiresAfterMs: 6000 })
      return
    }
    try {
      const fileName = await exportNote(openNoteId, editorRef.current)
      notifier.show({ tone: 'success', message: `Exported the note as ${fileName}.`, expiresAfterMs: 8000 })
    } catch (error) {
      notifier.error('Could not export the note', error)
    }
  }

  const insertExcerpt = (excerpt: Excerpt, source: ExcerptSource) => {
    if (!editorRef.current) {
      notifier.show({
        tone: 'info',
        message: 'Open a note first, then insert the excerpt.',
        expiresAfterMs: 6000,
      })
      return
    }
    editorRef.current.insertExcerpt(excerpt, source)
  }

  return {
    editorRef,
    openNoteId,
    openNote,
    newNoteId,
    switchToNote,
    newNote,
    deleteNote,
    exportOpenNote,
    insertExcerpt,
  }
}
