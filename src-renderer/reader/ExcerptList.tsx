import { useState } from 'react'
import type { Excerpt } from '../../src-main/core/records'
import { countOf } from '../ui/format'
import { ExcerptItem, type CitingNote } from './ExcerptItem'
import type { ExcerptChanges } from './use-article'

/** Props of the list of an article's excerpts. */
export interface ExcerptListProps {
  excerpts: Excerpt[]
  activeId: string | null
  /** Excerpts whose words could not be found in the text shown. */
  missing: Set<string>
  /** The PDF page an excerpt starts on, or null for articles without pages. */
  pageOf(excerpt: Excerpt): number | null
  /** For each excerpt id, the notes citing it. */
  citing: Map<string, CitingNote[]>
  noteOpen: boolean
  onShow(excerpt: Excerpt): void
  onInsert(excerpt: Excerpt): void
  onDelete(excerpt: Excerpt): void
  onUpdate(excerpt: Excerpt, changes: ExcerptChanges): void
  /** Sets an excerpt's tags; resolves to them as stored. */
  saveTags(excerpt: Excerpt, tags: string[]): Promise<string[]>
  onReattach(excerpt: Excerpt): void
  onOpenNote(noteId: string): void
}

/** The article's excerpts in reading order, then those an update could not place (orphans). */
export function ExcerptList(props: ExcerptListProps) {
  const { excerpts } = props
  const [collapsed, setCollapsed] = useState(false)
  const placed = excerpts.filter((excerpt) => excerpt.state !== 'orphaned')
  const orphans = excerpts.filter((excerpt) => excerpt.state === 'orphaned')
  const item = (excerpt: Excerpt) => (
    <ExcerptItem
      key={excerpt.id}
      excerpt={excerpt}
      active={excerpt.id === props.activeId}
      missing={props.missing.has(excerpt.id)}
      page={props.pageOf(excerpt)}
      citing={props.citing.get(excerpt.id) ?? []}
      noteOpen={props.noteOpen}
      onShow={() => props.onShow(excerpt)}
      onInsert={() => props.onInsert(excerpt)}
      onDelete={() => props.onDelete(excerpt)}
      onUpdate={(changes) => props.onUpdate(excerpt, changes)}
      saveTags={(tags) => props.saveTags(excerpt, tags)}
      onReattach={() => props.onReattach(excerpt)}
      onOpenNote={props.onOpenNote}
    />
  )
  return (
    <section
      id="excerpt-margin"
      className={`excerpt-panel ${collapsed ? 'excerpt-panel--collapsed' : ''}`}
      aria-labelledby="excerpt-panel-title"
    >
      <h2 className="excerpt-panel__title">
        <button
          type="button"
          className="excerpt-panel__toggle"
          aria-expanded={!collapsed}
          aria-controls="excerpt-list"
          onClick={() => setCollapsed((c) => !c)}
        >
          <span id="excerpt-panel-title">Excerpts</span>
          <span className="excerpt-panel__count">{excerpts.length}</span>
        </button>
      </h2>
      {!collapsed && (
        <div id="excerpt-list" className="excerpt-panel__body">
          {excerpts.length === 0 && (
            <p className="excerpt-panel__hint">
              Select a passage and choose <strong>Excerpt</strong> (or press {shortcutLabel()}) to keep it
              here.
            </p>
          )}
          {placed.length > 0 && (
            <ol
              className="excerpt-list"
              data-testid="excerpt-list"
              aria-label={countOf(placed.length, 'excerpt')}
            >
              {placed.map(item)}
            </ol>
          )}
          {orphans.length > 0 && (
            <>
              <h3 className="excerpt-panel__subtitle">Not found in the updated article</h3>
              <ol
                className="excerpt-list"
                data-testid="orphan-list"
                aria-label={countOf(orphans.length, 'orphan')}
              >
                {orphans.map(item)}
              </ol>
            </>
          )}
        </div>
      )}
    </section>
  )
}

/** How the excerpt shortcut is written on this platform. */
export function shortcutLabel(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘E' : 'Ctrl+E'
}
