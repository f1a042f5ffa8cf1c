import { useMemo, useState } from 'react'
import { Command } from 'cmdk'
import { FinderDialog } from './FinderDialog'
import { fuzzyRank } from './fuzzy'
import { useSearch, type SearchHit } from '../search/use-search'
import { useSwitcherArticles } from './use-switcher-articles'

/** Something the switcher can open. */
export interface SwitcherEntry {
  kind: 'article' | 'note'
  id: string
  title: string
  /** A second line: the article's author or site. */
  detail: string | null
}

/** What was chosen in the switcher. */
export type SwitcherChoice =
  | { kind: 'entry'; entry: SwitcherEntry }
  | { kind: 'hit'; hit: SearchHit }
  | { kind: 'search'; words: string }

/** Props of the quick switcher. */
export interface QuickSwitcherProps {
  /** The notes (few enough to hold); the articles are asked of the library as the user types. */
  notes: SwitcherEntry[]
  onClose(choice?: SwitcherChoice): void
}

/** How many title matches are listed; more words narrow them. */
const TITLE_LIMIT = 40
/** How many full-text matches are listed under the titles. */
const TEXT_LIMIT = 6

const texts = (entry: SwitcherEntry) => [entry.title]
const KIND_LABEL = { article: 'Article', note: 'Note', excerpt: 'Excerpt' } as const

/**
 * Opens any article or note by typing part of its title; under the titles, the full-text matches of
 * the library's search for the same words, and "Search everywhere" to see them all in the sidebar.
 */
export function QuickSwitcher({ notes, onClose }: QuickSwitcherProps) {
  const [typed, setTyped] = useState('')
  const words = typed.trim()
  const articles = useSwitcherArticles(words)
  const entries = useMemo(() => [...notes, ...articles], [notes, articles])
  const titles = useMemo(() => fuzzyRank(typed, entries, texts, TITLE_LIMIT), [typed, entries])
  // Full text only once there is something to look for; one letter matches nearly everything.
  const { answer } = useSearch(words.length >= 2 ? words : '', null)
  const shownIds = new Set(titles.map((entry) => entry.id))
  const hits = (answer?.hits ?? []).filter((hit) => !shownIds.has(hit.id)).slice(0, TEXT_LIMIT)

  return (
    <FinderDialog label="Open an article or note" testId="quick-switcher" wide onClose={() => onClose()}>
      <Command label="Articles and notes" shouldFilter={false} loop className="finder__command">
        <Command.Input
          className="finder__input"
          placeholder="Type part of a title…"
          value={typed}
          onValueChange={setTyped}
          data-testid="switcher-input"
        />
        <Command.List className="finder__list" label="Articles and notes">
          {titles.length === 0 && hits.length === 0 && !words && (
            <Command.Empty className="finder__empty">The library is empty.</Command.Empty>
          )}
          {titles.length > 0 && (
            <Command.Group heading={words ? 'Titles' : 'Recent'} className="finder__group">
              {titles.map((entry) => (
                <Command.Item
                  key={`${entry.kind}:${entry.id}`}
                  value={`${entry.kind}:${entry.id}`}
                  className="finder__item"
                  data-testid="switcher-item"
                  data-kind={entry.kind}
                  onSelect={() => onClose({ kind: 'entry', entry })}
                >
                  <span className={`finder__badge finder__badge--${entry.kind}`}>
                    {KIND_LABEL[entry.kind]}
                  </span>
                  <span className="finder__item-title">{entry.title || 'Untitled'}</span>
                  {entry.detail && <span className="finder__item-note">{entry.detail}</span>}
                </Command.Item>
              ))}
            </Command.Group>
          )}
          {hits.length > 0 && (
            <Command.Group heading="In the text" className="finder__group">
              {hits.map((hit) => (
                <Command.Item
                  key={`hit:${hit.kind}:${hit.id}`}
                  value={`hit:${hit.kind}:${hit.id}`}
                  className="finder__item finder__item--hit"
                  data-testid="switcher-hit"
                  data-kind={hit.kind}
                  onSelect={() => onClose({ kind: 'hit', hit })}
                >
                  <span className={`finder__badge finder__badge--${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
                  <span className="finder__item-title">{hit.title || 'Untitled'}</span>
                  <span className="finder__snippet">
                    {hit.snippet.map((piece, at) =>
                      piece.marked ? <mark key={at}>{piece.text}</mark> : piece.text,
                    )}
                  </span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
          {words && (
            <Command.Item
              value="search-everywhere"
              className="finder__item"
              data-testid="switcher-search"
              onSelect={() => onClose({ kind: 'search', words })}
            >
              <span className="finder__item-title">Search everywhere for “{words}”</span>
            </Command.Item>
          )}
        </Command.List>
      </Command>
    </FinderDialog>
  )
}
