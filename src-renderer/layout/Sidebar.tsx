import { useState, type RefObject } from 'react'
import type { NoteSummary } from '../../src-main/core/records'
import { ImportIcon, PlusIcon, SettingsIcon } from '../ui/icons'
import type { LibraryState } from '../library/use-library'
import { LibraryList } from '../library/LibraryList'
import { NoteList } from '../notes/NoteList'
import { TagFilter, TagList } from '../tags/TagList'
import type { TagCount } from '../tags/tag-counts'
import { SearchPanel } from '../search/SearchPanel'
import type { SearchHit } from '../search/use-search'
import { SidebarSplit } from './SidebarSplit'
import { settingsShortcutLabel } from './shortcuts'
import { SyncStatus } from '../sync/SyncStatus'
import { ConflictsList } from '../sync/ConflictsList'

/** Props of the library sidebar. */
export interface SidebarProps {
  library: LibraryState
  notes: NoteSummary[] | null
  tags: TagCount[]
  /** The tag the lists are filtered by, or null. */
  activeTag: string | null
  onTagFilter(tag: string | null): void
  openArticleId: string | null
  openNoteId: string | null
  fileInputRef: RefObject<HTMLInputElement | null>
  onOpenArticle(articleId: string): void
  onArticleDeleted(articleId: string): void
  onOpenNote(noteId: string): void
  onNewNote(): void
  onDeleteNote(note: NoteSummary): void
  onOpenSearchHit(hit: SearchHit): void
  onOpenSettings(): void
}

/** The sidebar: settings, full-text search, and the library, notes and tags in a resizable split. */
export function Sidebar(props: SidebarProps) {
  const { library, activeTag } = props
  const [searching, setSearching] = useState(false)
  return (
    <aside className="sidebar" aria-label="Library and notes">
      <div className="sidebar__brand">
        <span>Commonplace</span>
        <button
          type="button"
          className="icon-button"
          data-testid="open-settings"
          aria-label={`Settings (${settingsShortcutLabel()})`}
          title={`Settings (${settingsShortcutLabel()})`}
          onClick={props.onOpenSettings}
        >
          <SettingsIcon />
        </button>
      </div>
      <SyncStatus />
      <ConflictsList />
      <SearchPanel onOpen={props.onOpenSearchHit} onActiveChange={setSearching} />
      {activeTag && !searching && <TagFilter tag={activeTag} onClear={() => props.onTagFilter(null)} />}
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
                onClick={() => props.fileInputRef.current?.click()}
              >
                <ImportIcon />
              </button>
            </div>
            <LibraryList
              library={library}
              openArticleId={props.openArticleId}
              onOpen={props.onOpenArticle}
              onDeleted={props.onArticleDeleted}
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
                onClick={props.onNewNote}
              >
                <PlusIcon /> New note
              </button>
            </div>
            <NoteList
              notes={props.notes}
              openNoteId={props.openNoteId}
              onOpen={props.onOpenNote}
              onDelete={props.onDeleteNote}
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
              counts={props.tags}
              active={activeTag}
              onToggle={(tag) => props.onTagFilter(tag === activeTag ? null : tag)}
            />
          </section>
        }
      />
    </aside>
  )
}
