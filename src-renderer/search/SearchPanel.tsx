import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { api } from '../api'
import { useSearch, type SearchHit, type SearchKind } from './use-search'
import { useCommand } from '../commands/registry'
import './search.css'

const KINDS: { kind: SearchKind | null; label: string }[] = [
  { kind: null, label: 'All' },
  { kind: 'article', label: 'Articles' },
  { kind: 'excerpt', label: 'Excerpts' },
  { kind: 'note', label: 'Notes' },
]
const KIND_LABEL: Record<SearchKind, string> = { article: 'Article', excerpt: 'Excerpt', note: 'Note' }

export interface SearchPanelProps {
  /** Opens a hit where it matched. */
  onOpen(hit: SearchHit): void
  /** Whether a search is typed: the sidebar's lists give way to the results. */
  onActiveChange(active: boolean): void
}

/**
 * The sidebar's search box and its results. Ctrl+Shift+F (⌘⇧F) comes here from anywhere; ↓/↑ walk
 * the results, Enter opens one, Escape clears the box.
 */
export function SearchPanel({ onOpen, onActiveChange }: SearchPanelProps) {
  const [words, setWords] = useState('')
  const [kind, setKind] = useState<SearchKind | null>(null)
  const { answer, error } = useSearch(words, kind)
  // The chosen result, reset to the first whenever a new answer comes.
  const [cursor, setCursor] = useState<{ answer: typeof answer; index: number }>({ answer: null, index: 0 })
  const current = cursor.answer === answer ? cursor.index : 0
  const setCurrent = (next: (index: number) => number) => setCursor({ answer, index: next(current) })
  const inputRef = useRef<HTMLInputElement>(null)
  const listId = useId()
  const hits = answer?.hits ?? []
  const active = words.trim() !== ''

  useEffect(() => onActiveChange(active), [active, onActiveChange])
  // The index is brought up to date as the window opens, so the first search rarely waits.
  useEffect(() => void api.call('search.status', {}).catch(() => undefined), [])

  // Ctrl+Shift+F (⌘⇧F) and the palette come here; "Search everywhere for …" brings its words.
  useCommand('search', (text) => {
    if (text !== undefined) setWords(text)
    inputRef.current?.focus()
    if (text === undefined) inputRef.current?.select()
  })

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setCurrent((index) => (hits.length === 0 ? 0 : (index + step + hits.length) % hits.length))
    } else if (event.key === 'Enter' && hits[current]) {
      event.preventDefault()
      onOpen(hits[current])
    } else if (event.key === 'Escape' && words) {
      event.preventDefault()
      setWords('')
    }
  }

  const progress = answer?.progress
  return (
    <div className="search">
      <input
        ref={inputRef}
        type="search"
        className="search__input"
        placeholder="Search everything…"
        aria-label="Search articles, excerpts and notes"
        aria-keyshortcuts="Control+Shift+F Meta+Shift+F"
        role="combobox"
        aria-expanded={active}
        aria-controls={listId}
        aria-activedescendant={hits[current] ? `${listId}-${current}` : undefined}
        data-testid="search-input"
        value={words}
        spellCheck={false}
        onChange={(event) => setWords(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {active && (
        <section className="search__results" aria-label="Search results" data-testid="search-results">
          <div className="search__kinds" role="group" aria-label="Show">
            {KINDS.map((option) => (
              <button
                key={option.label}
                type="button"
                className="search__kind"
                aria-pressed={kind === option.kind}
                onClick={() => setKind(option.kind)}
              >
                {option.label}
              </button>
            ))}
          </div>
          <p className="search__status" role="status" data-testid="search-status">
            {error
              ? `Search failed: ${error}`
              : progress && !progress.ready
                ? `Indexing the library: ${progress.indexed.toLocaleString()} of ${progress.total.toLocaleString()}…`
                : answer
                  ? answer.total === 0
                    ? 'Nothing found.'
                    : answer.total > hits.length
                      ? `${hits.length} of ${answer.total.toLocaleString()} results`
                      : `${answer.total.toLocaleString()} ${answer.total === 1 ? 'result' : 'results'}`
                  : 'Searching…'}
          </p>
          <ul id={listId} role="listbox" className="search__list" aria-label="Results">
            {hits.map((hit, index) => (
              <li
                key={hit.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === current}
                className="search__hit"
                data-testid="search-hit"
                data-kind={hit.kind}
                onMouseDown={(event) => event.preventDefault()} // the box keeps the focus
                onClick={() => {
                  setCurrent(() => index)
                  onOpen(hit)
                }}
              >
                <span className="search__hit-head">
                  <span className={`search__badge search__badge--${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
                  <span className="search__hit-title">{hit.title || 'Untitled'}</span>
                </span>
                {hit.field !== 'title' && (
                  <span className="search__snippet">
                    {hit.snippet.map((piece, at) =>
                      piece.marked ? <mark key={at}>{piece.text}</mark> : piece.text,
                    )}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
