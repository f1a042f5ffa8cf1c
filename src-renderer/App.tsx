import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react'
import type { Excerpt, NoteSummary } from '../src-main/core/records'
import type { PathGrant } from '../src-main/api/bridge'
import type { ExcerptSource, NoteEditorHandle } from './editor/NoteEditor'
import { api, onDesktopImport } from './api'
import { useNotifier } from './ui/notices'
import { useConfirm } from './ui/confirm'
import { ImportIcon, PlusIcon, SettingsIcon } from './ui/icons'
import { useLibrary } from './library/use-library'
import { useFileDrop } from './library/use-file-drop'
import { localFile } from './library/import-queue'
import { LibraryList } from './library/LibraryList'
import { ImportProgress } from './library/ImportProgress'
import { EmptyLibrary } from './library/EmptyLibrary'
import { ImportInput } from './library/ImportInput'
import { LibraryOverview } from './library/LibraryOverview'
import { Reader, type ExcerptFocus } from './reader/Reader'
import { useNotes } from './notes/use-notes'
import { NoteList } from './notes/NoteList'
import { NotePane, exportNote } from './notes/NotePane'
import { VerifyQuotesDialog } from './notes/VerifyQuotes'
import { useDeepLinks } from './deep-links'
import { useNoteLinks, notesLinkingTo } from './notes/use-note-links'
import { NoteLinkContext } from './editor/note-link-services'
import { TagFilter, TagList } from './tags/TagList'
import { useTagCounts } from './tags/use-tag-counts'
import { useArticleRecord } from './library/use-article-record'
import { useChangesElsewhere } from './library/use-changes-elsewhere'
import { SearchPanel } from './search/SearchPanel'
import { matchedWords, type SearchHit } from './search/use-search'
import { flashWhenShown } from './search/flash-match'
import { WindowLayout } from './layout/WindowLayout'
import { WorkspacePanes } from './layout/WorkspacePanes'
import { SidebarSplit } from './layout/SidebarSplit'
import { useFocusMode } from './layout/use-focus-mode'
import { useLibrarySettings } from './settings/use-library-settings'
import { SettingsDialog } from './settings/SettingsDialog'
import { OpenSettingsContext } from './settings/settings-context'
import { SyncStatus } from './sync/SyncStatus'
import { ConflictsList } from './sync/ConflictsList'
import { settingsShortcutLabel } from './layout/shortcuts'
import { useCommand } from './commands/registry'
import { Finder } from './commands/Finder'
import type { SwitcherEntry } from './commands/QuickSwitcher'
import { useCommandKeys } from './commands/use-command-keys'
import { useAppCommands } from './commands/use-app-commands'
import { JoinLiveNote } from './collab/JoinLiveNote'
import './ui/layout.css'

/** The window: the library and notes on the left; the article and the note being written side by side. */
export function App() {
  const notifier = useNotifier()
  const confirm = useConfirm()
  const library = useLibrary()
  const notes = useNotes()
  // The CLI or another window wrote to the library: the lists show it.
  const { refresh: refreshArticles } = library
  const { reload: reloadNotes } = notes
  useChangesElsewhere(
    useCallback(() => {
      void refreshArticles()
      void reloadNotes()
    }, [refreshArticles, reloadNotes]),
  )
  const [openArticleId, setOpenArticleId] = useState<string | null>(null)
  const [focus, setFocus] = useState<ExcerptFocus | null>(null)
  const [openNoteId, setOpenNoteId] = useState<string | null>(null)
  /** The note just made with New note, whose title comes up selected to be named first. */
  const [newNoteId, setNewNoteId] = useState<string | null>(null)
  const [tagFilter, setTagFilter] = useState<string | null>(null)
  const editorRef = useRef<NoteEditorHandle>(null)
  const workspaceRef = useRef<HTMLElement>(null)
  const [searching, setSearching] = useState(false)
  /** The words a search result was opened for, to be shown lit where they stand. */
  const [match, setMatch] = useState<{ words: string; in: 'article' | 'note'; request: number } | null>(null)
  const fileInputRef = useRef<HTMLInputElement>(null)
  const focusMode = useFocusMode(openArticleId !== null)
  const librarySettings = useLibrarySettings()
  const [settingsOpen, setSettingsOpen] = useState(false)
  const openSettings = useCallback(() => setSettingsOpen(true), [])
  useCommand('settings', openSettings)

  const openNote = notes.notes?.find((note) => note.id === openNoteId) ?? null
  const openArticle = useArticleRecord(openArticleId, library.revision)

  const tags = useTagCounts(library.revision, notes.notes)
  // A filter by a tag nothing carries any more (its last use removed) would hide everything for no reason.
  const activeTag = tags.some((count) => count.tag === tagFilter) ? tagFilter : null

  useEffect(() => {
    const showing = openNote?.title ?? openArticle?.title
    document.title = showing ? `${showing} — Commonplace` : 'Commonplace'
  }, [openNote?.title, openArticle?.title])

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

  const openArticleAt = useCallback((articleId: string, excerptId: string | null) => {
    setOpenArticleId(articleId)
    setFocus(excerptId ? { excerptId } : null)
  }, [])

  // Imported files join the list and the notice says how each fared; what to read next is the user's call.
  const { importFiles } = library
  const dragging = useFileDrop(importFiles)

  // The sample is asked for in order to try the app, so it opens at once.
  const importSample = async () => {
    const outcome = await library.importSample()
    if (outcome?.articleId) openArticleAt(outcome.articleId, null)
  }

  const onOpenExcerpt = (target: { excerptId: string; articleId: string }) => {
    // The library says whether the article is still there; if it cannot say, the reader reports what it finds.
    void api
      .call('articles.record', { id: target.articleId })
      .catch(() => undefined)
      .then((article) => {
        if (article !== null) return openArticleAt(target.articleId, target.excerptId)
        notifier.show({
          tone: 'info',
          message:
            'The article this excerpt came from is no longer in the library; the note keeps its words.',
          expiresAfterMs: 10_000,
        })
      })
  }

  const switchToNote = async (noteId: string | null) => {
    if (noteId === openNoteId) return
    if (!(await flushEditor())) return
    setOpenNoteId(noteId)
    setNewNoteId(null)
  }

  const openLinkedNote = (noteId: string) => void switchToNote(noteId)
  const noteLinks = useNoteLinks(notes.notes, openNoteId, openLinkedNote, notes.update)
  useDeepLinks({
    openNote: openLinkedNote,
    openExcerpt: onOpenExcerpt,
    onMissing: (message) => notifier.show({ tone: 'info', message, expiresAfterMs: 10_000 }),
  })

  const openSearchHit = async (hit: SearchHit) => {
    const words = matchedWords(hit)
    const request = Date.now()
    if (hit.kind === 'excerpt' && hit.articleId)
      onOpenExcerpt({ excerptId: hit.id, articleId: hit.articleId })
    else if (hit.kind === 'article') {
      openArticleAt(hit.id, null)
      if (words) setMatch({ words, in: 'article', request })
    } else {
      await switchToNote(hit.id)
      if (words) setMatch({ words, in: 'note', request })
    }
  }

  useEffect(() => {
    const workspace = workspaceRef.current
    if (!match || !workspace) return
    const selector = match.in === 'article' ? '.reader-body' : '[data-testid="note-editor"]'
    return flashWhenShown(workspace, () => workspace.querySelector(selector), match.words)
  }, [match])

  const newNote = async () => {
    if (!(await flushEditor())) return
    const note = await notes.create()
    if (!note) return
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

  // Keys, the command palette and the desktop menu all run the commands of one table.
  useCommandKeys()
  useAppCommands({
    importFiles: () => fileInputRef.current?.click(),
    importSample: () => void importSample(),
    newNote: () => void newNote(),
    exportNote: () => void exportOpenNote(),
    closeArticle: () => setOpenArticleId(null),
    closeNote: () => void switchToNote(null),
    articleOpen: openArticleId !== null,
    noteOpen: openNote !== null,
  })
  const switcherNotes = useMemo<SwitcherEntry[]>(
    () =>
      (notes.notes ?? []).map((note) => ({
        kind: 'note' as const,
        id: note.id,
        title: note.title,
        detail: null,
      })),
    [notes.notes],
  )
  const workspaceFocus = useCallback(() => workspaceRef.current, [])

  // File ▸ Import in the desktop app: the picked files go through the same queue as the chooser's.
  const onNativeImport = useEffectEvent((grants: PathGrant[]) => importFiles(grants.map(localFile)))
  useEffect(() => onDesktopImport((grants) => onNativeImport(grants)), [])

  const libraryEmpty = library.total === 0

  return (
    <OpenSettingsContext.Provider value={openSettings}>
      <div className="app">
        <JoinLiveNote
          onJoined={async (note) => {
            if (!(await flushEditor())) return
            notes.update(note)
            setOpenNoteId(note.id)
          }}
        />
        <a className="skip-link" href="#workspace">
          Skip to the workspace
        </a>
        <WindowLayout
          focusMode={focusMode.on && openArticleId !== null}
          sidebar={
            <aside className="sidebar" aria-label="Library and notes">
              <div className="sidebar__brand">
                <span>Commonplace</span>
                <button
                  type="button"
                  className="icon-button"
                  data-testid="open-settings"
                  aria-label={`Settings (${settingsShortcutLabel()})`}
                  title={`Settings (${settingsShortcutLabel()})`}
                  onClick={openSettings}
                >
                  <SettingsIcon />
                </button>
              </div>
              <SyncStatus />
              <ConflictsList />
              <SearchPanel onOpen={(hit) => void openSearchHit(hit)} onActiveChange={setSearching} />
              {activeTag && !searching && <TagFilter tag={activeTag} onClear={() => setTagFilter(null)} />}
              <SidebarSplit
                hidden={searching}
                library={
                  <section className="sidebar__section" aria-labelledby="library-heading">
                    <div className="sidebar__heading">
                      <h2 id="library-heading">Library</h2>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label="Add articles from files"
                        title="Import files into the library"
                        disabled={library.importing}
                        onClick={() => fileInputRef.current?.click()}
                      >
                        <ImportIcon />
                      </button>
                    </div>
                    <LibraryList
                      library={library}
                      openArticleId={openArticleId}
                      onOpen={(articleId) => openArticleAt(articleId, null)}
                      onDeleted={(articleId) => articleId === openArticleId && setOpenArticleId(null)}
                      tagFilter={activeTag}
                    />
                  </section>
                }
                notes={
                  <section className="sidebar__section" aria-labelledby="notes-heading">
                    <div className="sidebar__heading">
                      <h2 id="notes-heading">Notes</h2>
                      <button
                        type="button"
                        className="button button--small"
                        data-testid="new-note"
                        onClick={() => void newNote()}
                      >
                        <PlusIcon /> New note
                      </button>
                    </div>
                    <NoteList
                      notes={notes.notes}
                      openNoteId={openNoteId}
                      onOpen={(noteId) => void switchToNote(noteId)}
                      onDelete={(note) => void deleteNote(note)}
                      tagFilter={activeTag}
                    />
                  </section>
                }
                tags={
                  <section className="sidebar__section sidebar__section--tags" aria-labelledby="tags-heading">
                    <div className="sidebar__heading">
                      <h2 id="tags-heading">Tags</h2>
                    </div>
                    <TagList
                      counts={tags}
                      active={activeTag}
                      onToggle={(tag) => setTagFilter(tag === activeTag ? null : tag)}
                    />
                  </section>
                }
              />
            </aside>
          }
        >
          <main ref={workspaceRef} id="workspace" tabIndex={-1} className="workspace">
            {(openArticleId || openNote) && (
              <WorkspacePanes
                reader={
                  openArticleId && (
                    <Reader
                      key={openArticleId}
                      articleId={openArticleId}
                      title={openArticle?.title ?? null}
                      focus={focus}
                      noteOpen={openNote !== null}
                      notes={notes.notes}
                      libraryRevision={library.revision}
                      focusMode={focusMode.on}
                      onToggleFocusMode={focusMode.toggle}
                      onArticlesChanged={() => void library.refresh()}
                      onOpenNote={(noteId) => void switchToNote(noteId)}
                      onInsertExcerpt={insertExcerpt}
                      onClose={() => setOpenArticleId(null)}
                    />
                  )
                }
                note={
                  openNote && (
                    <NoteLinkContext.Provider value={noteLinks}>
                      <NotePane
                        note={openNote}
                        selectTitle={openNote.id === newNoteId}
                        editorRef={editorRef}
                        onRename={(title) => void notes.rename(openNote.id, title)}
                        onDelete={() => void deleteNote(openNote)}
                        onClose={() => void switchToNote(null)}
                        onOpenExcerpt={onOpenExcerpt}
                        onSaved={notes.update}
                        linkedFrom={notesLinkingTo(notes.notes, openNote.id)}
                        onOpenNote={openLinkedNote}
                      />
                    </NoteLinkContext.Provider>
                  )
                }
              />
            )}
            {!openArticleId && !openNote && libraryEmpty && (
              <EmptyLibrary
                importing={library.importing}
                onImportSample={() => void importSample()}
                onImportFiles={() => fileInputRef.current?.click()}
              />
            )}
            {!openArticleId && !openNote && !libraryEmpty && library.total !== null && (
              <LibraryOverview articleCount={library.total} noteCount={notes.notes?.length ?? 0} />
            )}
          </main>
          <ImportProgress />
        </WindowLayout>

        <Finder
          notes={switcherNotes}
          onOpenEntry={(entry) =>
            entry.kind === 'article' ? openArticleAt(entry.id, null) : void switchToNote(entry.id)
          }
          onOpenSearchHit={(hit) => void openSearchHit(hit)}
          fallbackFocus={workspaceFocus}
        />
        <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} state={librarySettings} />
        <VerifyQuotesDialog />
        <ImportInput ref={fileInputRef} onFiles={(files) => void importFiles(files)} />
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <p>Drop the files to import them into the library</p>
          </div>
        )}
      </div>
    </OpenSettingsContext.Provider>
  )
}
