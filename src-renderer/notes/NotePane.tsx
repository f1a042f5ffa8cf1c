import { useState, type RefObject } from 'react'
import type { NoteSummary } from '../../src-main/core/records'
import { api } from '../api'
import { NoteEditor, type NoteEditorHandle } from '../editor/NoteEditor'
import { useNotifier } from '../ui/notices'
import { CloseIcon, ExportIcon, TrashIcon } from '../ui/icons'
import { downloadTextFile } from './download'
import { NoteTitleField } from './NoteTitleField'
import { runCommand } from '../commands/registry'
import { copyText, shareableDeepLink } from '../deep-links'
import './notes.css'

/** Props of the open note. */
export interface NotePaneProps {
  note: NoteSummary
  /** Selects the title when the note opens (a new note, to be named first). */
  selectTitle?: boolean
  editorRef: RefObject<NoteEditorHandle | null>
  onRename(title: string): void
  onDelete(): void
  onClose(): void
  onOpenExcerpt(target: { excerptId: string; articleId: string }): void
  onSaved(note: NoteSummary): void
  /** The notes that link to this one. */
  linkedFrom: NoteSummary[]
  onOpenNote(noteId: string): void
}

/** Writes a note out as Markdown and hands it to the user (a download; a save dialog in the desktop app). */
export async function exportNote(noteId: string, editor: NoteEditorHandle | null): Promise<string> {
  // The export is made from the saved note, so the last keystrokes must be on disk first.
  await editor?.flush()
  const { fileName, markdown } = await api.call('export.note', { id: noteId })
  downloadTextFile(fileName, markdown)
  return fileName
}

/** The open note: its title, its actions, and the editor. */
export function NotePane({
  note,
  selectTitle = false,
  editorRef,
  onRename,
  onDelete,
  onClose,
  onOpenExcerpt,
  onSaved,
  linkedFrom,
  onOpenNote,
}: NotePaneProps) {
  const notifier = useNotifier()
  const [exporting, setExporting] = useState(false)

  const runExport = async () => {
    setExporting(true)
    try {
      const fileName = await exportNote(note.id, editorRef.current)
      notifier.show({
        tone: 'success',
        message: `Exported “${note.title}” as ${fileName}.`,
        expiresAfterMs: 8000,
      })
    } catch (error) {
      notifier.error('Could not export the note', error)
    } finally {
      setExporting(false)
    }
  }

  const copyLink = async () => {
    const link = shareableDeepLink({ kind: 'note', id: note.id })
    try {
      await copyText(link)
      notifier.show({ tone: 'success', message: `Copied ${link}`, expiresAfterMs: 6000 })
    } catch (error) {
      notifier.error('Could not copy the link', error)
    }
  }

  return (
    <section className="pane note-pane" data-testid="note-pane" data-note-id={note.id} aria-label="Note">
      <div className="pane__toolbar note-pane__toolbar">
        <span className="pane__label">Note</span>
        <button
          type="button"
          className="button button--small"
          data-testid="export-note"
          disabled={exporting}
          onClick={() => void runExport()}
        >
          <ExportIcon /> Export Markdown
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="copy-note-link"
          title="Copy a link that opens this note in Commonplace"
          onClick={() => void copyLink()}
        >
          Copy link
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="export-vault"
          onClick={() => runCommand('export-vault')}
        >
          <ExportIcon /> Export library as vault…
        </button>
        <button
          type="button"
          className="icon-button icon-button--danger"
          aria-label="Delete note"
          title="Delete note"
          onClick={onDelete}
        >
          <TrashIcon />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Close note"
          title="Close note"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </div>
      <div className="note-pane__title">
        <NoteTitleField
          key={note.id}
          title={note.title}
          selectOnMount={selectTitle}
          onRename={onRename}
          onDone={() => editorRef.current?.focus()}
        />
      </div>
      <div className="note-pane__editor">
        <NoteEditor
          key={note.id}
          ref={editorRef}
          api={api}
          noteId={note.id}
          onOpenExcerpt={onOpenExcerpt}
          onSaved={onSaved}
        />
      </div>
      {linkedFrom.length > 0 && (
        <nav className="note-pane__backlinks" aria-label="Linked from" data-testid="note-backlinks">
          <span className="note-pane__backlinks-label">Linked from</span>
          {linkedFrom.map((other) => (
            <button key={other.id} type="button" className="link-button" onClick={() => onOpenNote(other.id)}>
              {other.title}
            </button>
          ))}
        </nav>
      )}
    </section>
  )
}
