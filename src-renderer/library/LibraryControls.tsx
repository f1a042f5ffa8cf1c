import type { ArticleSort } from '../../src-main/core/article-pages'
import './library-controls.css'
import type { ArticleListView } from './use-article-pages'

/** Props of the sort and filter controls above the sidebar's article list. */
export interface LibraryControlsProps {
  view: ArticleListView
  onChange(view: ArticleListView): void
}

const SORTS: { value: ArticleSort; label: string }[] = [
  { value: 'recent', label: 'Recently added' },
  { value: 'title', label: 'Title' },
  { value: 'author', label: 'Author' },
  { value: 'published', label: 'Date published' },
]

/** How the article list is ordered, and a filter that narrows it as the user types. */
export function LibraryControls({ view, onChange }: LibraryControlsProps) {
  return (
    <div className="library-controls">
      <input
        type="search"
        className="library-controls__filter"
        aria-label="Filter articles"
        placeholder="Filter…"
        title="Filter by title, author, site or file name"
        value={view.filter}
        onChange={(event) => onChange({ ...view, filter: event.target.value })}
      />
      <select
        className="library-controls__sort"
        aria-label="Sort articles"
        value={view.sort}
        onChange={(event) => onChange({ ...view, sort: event.target.value as ArticleSort })}
      >
        {SORTS.map((sort) => (
          <option key={sort.value} value={sort.value}>
            {sort.label}
          </option>
        ))}
      </select>
    </div>
  )
}
