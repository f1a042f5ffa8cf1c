import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react'
import type { PathGrant } from '../src-main/api/bridge'
import { api, onDesktopImport } from './api'
import { useNotifier } from './ui/notices'
import { useLibrary } from './library/use-library'
import { useFileDrop } from './library/use-file-drop'
import { localFile } from './library/import-queue'
import { ImportProgress } from './library/ImportProgress'
import { EmptyLibrary } from './library/EmptyLibrary'
import { ImportInput } from './library/ImportInput'
import { LibraryOverview } from './library/LibraryOverview'
import { Reader, type ExcerptFocus } from './reader/Reader'
import { useNotes } from './notes/use-notes'
import { useOpenNote } from './notes/use-open-note'
import { NotePane } from './notes/NotePane'
import { VaultExportDialog } from './notes/VaultExport'
import { VerifyQuotesDialog } from './notes/VerifyQuotes'
import { useDeepLinks } from './deep-links'
import { useNoteLinks, notesLinkingTo } from './notes/use-note-links'
import { NoteLinkContext } from './editor/note-link-services'
import { useTagCounts } from './tags/use-tag-counts'
import { useArticleRecord } from './library/use-article-record'
import { useChangesElsewhere } from './library/use-changes-elsewhere'
import { matchedWords, type SearchHit } from './search/use-search'
import { flashWhenShown } from './search/flash-match'
import { WindowLayout } from './layout/WindowLayout'
import { WorkspacePanes, revealPane } from './layout/WorkspacePanes'
import { Sidebar } from './layout/Sidebar'
import { useFocusMode } from './layout/use-focus-mode'
import { useLibrarySettings } from './settings/use-library-settings'
import { SettingsDialog } from './settings/SettingsDialog'
import { OpenSettingsContext } from './settings/settings-context'
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
  const noteActions = useOpenNote(notes)
  const { editorRef, openNoteId, openNote, newNoteId, switchToNote, newNote, deleteNote } = noteActions
  const [tagFilter, setTagFilter] = useState<string | null>(null)
  const workspaceRef = useRef<HTMLElement>(null)
  /** The words a search result was opened for, to be shown lit where they stand. */
  const [match, setMatch] = useState<{ words: string; in: 'article' | 'note'; request: number } | null>(null)
  const fileInputRef = useRef<HTMLInputElement>(null)
  const focusMode = useFocusMode(openArticleId !== null)
  const librarySettings = useLibrarySettings()
  const [settingsOpen, setSettingsOpen] = useState(false)
  const openSettings = useCallback(() => setSettingsOpen(true), [])
  useCommand('settings', openSettings)

  const openArticle = useArticleRecord(openArticleId, library.revision)

  const tags = useTagCounts(library.revision, notes.notes)
  // A filter by a tag nothing carries any more (its last use removed) would hide everything for no reason.
  const activeTag = tags.some((count) => count.tag === tagFilter) ? tagFilter : null

  useEffect(() => {
    const showing = openNote?.title ?? openArticle?.title
    document.title = showing ? `${showing} — Commonplace` : 'Commonplace'
  }, [openNote?.title, openArticle?.title])

  const openArticleAt = useCallback((articleId: string, excerptId: string | null) => {
    revealPane('reader')
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

  // Keys, the command palette and the desktop menu all run the commands of one table.
  useCommandKeys()
  useAppCommands({
    importFiles: () => fileInputRef.current?.click(),
    importSample: () => void importSample(),
    newNote: () => void newNote(),
    exportNote: () => void noteActions.exportOpenNote(),
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
            notes.update(note)
            await switchToNote(note.id)
          }}
        />
        <a className="skip-link" href="#workspace">
          Skip to the workspace
        </a>
        <WindowLayout
          focusMode={focusMode.on && openArticleId !== null}
          sidebar={
            <Sidebar
              library={library}
              notes={notes.notes}
              tags={tags}
              activeTag={activeTag}
              onTagFilter={setTagFilter}
              openArticleId={openArticleId}
              openNoteId={openNoteId}
              fileInputRef={fileInputRef}
              onOpenArticle={(articleId) => openArticleAt(articleId, null)}
              onArticleDeleted={(articleId) => articleId === openArticleId && setOpenArticleId(null)}
              onOpenNote={(noteId) => void switchToNote(noteId)}
              onNewNote={() => void newNote()}
              onDeleteNote={(note) => void deleteNote(note)}
              onOpenSearchHit={(hit) => void openSearchHit(hit)}
              onOpenSettings={openSettings}
            />
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
                      onInsertExcerpt={noteActions.insertExcerpt}
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
        <VaultExportDialog />
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
