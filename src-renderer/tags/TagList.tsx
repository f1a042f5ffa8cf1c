import { countOf } from '../ui/format'
import { total, type TagCount } from './tag-counts'
import './tags.css'

/** Props of the sidebar's tag list. */
export interface TagListProps {
  counts: TagCount[]
  /** The tag the lists are filtered by, if any. */
  active: string | null
  onToggle(tag: string): void
}

/** Every tag in use with how many articles, notes and excerpts carry it; a click filters the lists by it. */
export function TagList({ counts, active, onToggle }: TagListProps) {
  if (counts.length === 0) {
    return <p className="sidebar__hint">No tags yet. Tag an article, or write #tag in a note.</p>
  }
  return (
    <ul className="tag-list" data-testid="tag-list" aria-label="Tags">
      {counts.map((count) => {
        const { tag, articles, notes, excerpts } = count
        return (
          <li key={tag}>
            <button
              type="button"
              className="tag-item"
              data-testid="tag-item"
              data-tag={tag}
              aria-pressed={tag === active}
              title={[
                articles > 0 && countOf(articles, 'article'),
                notes > 0 && countOf(notes, 'note'),
                excerpts > 0 && countOf(excerpts, 'excerpt'),
              ]
                .filter(Boolean)
                .join(', ')}
              onClick={() => onToggle(tag)}
            >
              <span className="tag-item__name">#{tag}</span>
              <span className="tag-item__count" data-testid="tag-count">
                {total(count)}
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}

/** Props of the filter notice. */
export interface TagFilterProps {
  tag: string
  onClear(): void
}

/** Says the lists are filtered by a tag, with the way out. */
export function TagFilter({ tag, onClear }: TagFilterProps) {
  return (
    <div className="tag-filter" data-testid="tag-filter" role="status">
      <span>
        Filtered by <strong>#{tag}</strong>
      </span>
      <button type="button" className="button button--small" onClick={onClear}>
        Clear
      </button>
    </div>
  )
}
