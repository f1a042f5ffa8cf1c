import { useState } from 'react'
import type { Excerpt } from '../../src-main/core/records'
import { countOf } from '../ui/format'
import { InsertIcon, TrashIcon } from '../ui/icons'

/** Props of the list of an article's excerpts. */
export interface ExcerptListProps {
  excerpts: Excerpt[]
  activeId: string | null
  /** Excerpts whose words could not be found in the text shown. */
  missing: Set<string>
  noteOpen: boolean
  onShow(excerpt: Excerpt): void
  onInsert(excerpt: Excerpt): void
  onDelete(excerpt: Excerpt): void
}

/** The article's excerpts in reading order, each with "Insert into note" and delete. */
export function ExcerptList({
  excerpts,
  activeId,
  missing,
  noteOpen,
  onShow,
  onInsert,
  onDelete,
}: ExcerptListProps) {
  const [collapsed, setCollapsed] = useState(false)
  return (
    <section
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
          {excerpts.length === 0 ? (
            <p className="excerpt-panel__hint">
              Select a passage and choose <strong>Excerpt</strong> (or press {shortcutLabel()}) to keep it
              here.
            </p>
          ) : (
            <ol
              className="excerpt-list"
              data-testid="excerpt-list"
              aria-label={countOf(excerpts.length, 'excerpt')}
            >
              {excerpts.map((excerpt) => (
                <li
                  key={excerpt.id}
                  className={`excerpt-item ${excerpt.id === activeId ? 'excerpt-item--active' : ''}`}
                  data-testid="excerpt-item"
                  data-excerpt-id={excerpt.id}
                >
                  <button
                    type="button"
                    className="excerpt-item__quote"
                    onClick={() => onShow(excerpt)}
                    title="Show this passage in the article"
                  >
                    {excerpt.quote.replace(/\s*\n\s*/g, '\n')}
                  </button>
                  {missing.has(excerpt.id) && (
                    <p className="excerpt-item__warning">
                      These words are no longer in the article text shown.
                    </p>
                  )}
                  <div className="excerpt-item__actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={!noteOpen}
                      title={
                        noteOpen ? 'Insert this excerpt at the cursor in the open note' : 'Open a note first'
                      }
                      onClick={() => onInsert(excerpt)}
                    >
                      <InsertIcon /> Insert into note
                    </button>
                    <button
                      type="button"
                      className="icon-button icon-button--danger"
                      aria-label="Delete excerpt"
                      title="Delete excerpt"
                      onClick={() => onDelete(excerpt)}
                    >
                      <TrashIcon />
                    </button>
                  </div>
                </li>
              ))}
            </ol>
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
