import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Article } from '../../src-main/core/records'
import { api } from '../api'
import { useConfirm } from '../ui/confirm'
import { InlineEdit } from '../ui/InlineEdit'
import { PencilIcon, TrashIcon } from '../ui/icons'
import { formatDate } from '../ui/format'
import { focusRow, listKeyAction, rowIndexOf, useTabRow } from '../ui/list-keys'
import { excerptsGoingWith, type LibraryState } from './use-library'
import { UrlImport } from './UrlImport'
import { LibraryControls } from './LibraryControls'
import { useArticlePages, type ArticleListView, type ArticlePages } from './use-article-pages'

/** Props of the sidebar's article list. */
export interface LibraryListProps {
  library: LibraryState
  openArticleId: string | null
  onOpen(articleId: string): void
  onDeleted(articleId: string): void
  /** Only the articles carrying this tag are listed, when set. */
  tagFilter: string | null
}

/** The articles of the library, newest first: open, rename in place, delete after asking. */
export function LibraryList({ library, openArticleId, onOpen, onDeleted, tagFilter }: LibraryListProps) {
  const [renamingId, setRenamingId] = useState<string | null>(null)
  const confirm = useConfirm()
  const { revision } = library
  const [view, setView] = useState<Omit<ArticleListView, 'tag'>>({ sort: 'recent', filter: '' })
  // The rows come a page at a time; the library's revision only says when to ask again.
  const pages = useArticlePages({ ...view, tag: tagFilter }, openArticleId, revision)

  const askToDelete = async (article: Article) => {
    let excerptCount: number | null = null
    let citing: string[] = []
    try {
      excerptCount = (await api.call('excerpts.list', { articleId: article.id })).length
      const links = await api.call('graph.backlinks', { id: article.id })
      citing = links.notes.map((note) => `“${note.title}”`)
    } catch {
      // The count only informs the question; the deletion itself will report any real failure.
    }
    const cited = citing.length
      ? ` Cited in ${citing.join(', ')}: those notes keep the quoted words and will say the source is gone.`
      : ''
    const confirmed = await confirm({
      title: 'Delete this article?',
      message: `“${article.title}” will be removed from the library. ${
        excerptCount === null ? 'Its excerpts go with it.' : excerptsGoingWith(excerptCount)
      }${cited}`,
      confirmLabel: 'Delete article',
      danger: true,
    })
    if (confirmed && (await library.remove(article))) onDeleted(article.id)
  }

  // The batch progress is docked under the workspace (App.tsx), not squeezed into this list.
  const importers = <UrlImport importUrl={library.importUrl} />
  const unfiltered = !view.filter.trim() && tagFilter === null
  if (pages.total === null) return <p className="sidebar__hint">Loading…</p>
  if (pages.total === 0 && unfiltered) {
    return (
      <>
        {importers}
        <p className="sidebar__hint">No articles yet.</p>
      </>
    )
  }

  return (
    <>
      {importers}
      <LibraryControls
        view={{ ...view, tag: tagFilter }}
        onChange={({ sort, filter }) => setView({ sort, filter })}
      />
      {pages.total === 0 && (
        <p className="sidebar__hint">
          {view.filter.trim() ? `No articles match “${view.filter.trim()}”` : 'No articles'}
          {tagFilter ? ` tagged #${tagFilter}` : ''}.
        </p>
      )}
      <ArticleRows
        pages={pages}
        order={`${view.sort}\n${view.filter}\n${tagFilter}`}
        openArticleId={openArticleId}
        renamingId={renamingId}
        onOpen={onOpen}
        onRename={setRenamingId}
        onRenamed={(id, title) => void library.rename(id, title)}
        onDelete={(article) => void askToDelete(article)}
      />
    </>
  )
}

interface ArticleRowsProps {
  pages: ArticlePages
  /** The order and filter shown: when they change the list starts again at its top. */
  order: string
  openArticleId: string | null
  renamingId: string | null
  onOpen(articleId: string): void
  onRename(articleId: string | null): void
  onRenamed(articleId: string, title: string): void
  onDelete(article: Article): void
}

/**
 * Every article row is this tall (a line each for the title and its meta line; layout.css
 * `.row--article`). Rows of one height never move while the list scrolls: measured rows of differing
 * heights made the virtualizer correct the scroll position under the pointer as they came into view.
 */
const ROW_PX = 50

/**
 * The rows, virtualized: only those in view (and a few around them) are in the DOM, so a library
 * of 10,000 articles scrolls like one of ten.
 */
function ArticleRows(props: ArticleRowsProps) {
  const { pages, openArticleId, renamingId } = props
  const count = pages.total ?? 0
  const listRef = useRef<HTMLUListElement>(null)
  // The virtualizer is a mutable object that re-renders through its own state; this app is not built
  // with the React Compiler, whose memoizing the rule warns about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_PX,
    getItemKey: (index) => pages.articleAt(index)?.id ?? `row-${index}`,
    overscan: 8,
  })
  const items = virtualizer.getVirtualItems()
  const [first, last] = [items[0]?.index ?? 0, items.at(-1)?.index ?? 0]
  // The pages of the rows in view (and the few around them) are asked for as the list scrolls.
  useEffect(() => pages.want(first, last), [pages, first, last])
  useEffect(() => {
    if (listRef.current) listRef.current.scrollTop = 0
  }, [props.order])

  // The open article (from a search, a link or an excerpt) is brought into view in the list…
  const openIndex = pages.openIndex ?? -1
  // Also once the list is shown again (it is hidden while search results take the sidebar).
  const shown = (virtualizer.scrollRect?.height ?? 0) > 0
  // Scrolled once, by hand: rows are all ROW_PX tall, and the virtualizer's scrollToIndex keeps
  // steering towards its target for a while, against the user's own scrolling.
  useEffect(() => {
    const list = listRef.current
    if (openIndex < 0 || !shown || !list) return
    const top = openIndex * ROW_PX
    if (top < list.scrollTop || top + ROW_PX > list.scrollTop + list.clientHeight)
      list.scrollTop = top - (list.clientHeight - ROW_PX) / 2
  }, [openIndex, shown])

  // Arrow keys move between rows; a row not drawn yet (the list is virtualized) is scrolled to first
  // and focused once the virtualizer has drawn it.
  const pendingFocus = useRef<number | null>(null)
  useEffect(() => {
    if (pendingFocus.current !== null && focusRow(listRef.current, pendingFocus.current))
      pendingFocus.current = null
  })
  const onKeyDown = (event: KeyboardEvent) => {
    const index = rowIndexOf(event.target)
    const action = index === null ? null : listKeyAction(event, index, count)
    if (!action || index === null) return
    event.preventDefault()
    if ('delete' in action) {
      const article = pages.articleAt(index)
      if (article) props.onDelete(article)
      return
    }
    const list = listRef.current
    if (focusRow(list, action.move) || !list) return
    pendingFocus.current = action.move
    list.scrollTop = Math.max(0, action.move * ROW_PX - (list.clientHeight - ROW_PX) / 2)
  }

  const tabRow = useTabRow(
    count,
    openIndex,
    items.map((item) => item.index),
  )
  const before = items[0]?.start ?? 0
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  // Two empty items stand in for the rows above and below the ones shown (padding would not do: a
  // scrolling list cannot shrink below its own padding).
  return (
    <ul
      ref={listRef}
      className="row-list"
      aria-label="Articles"
      onKeyDown={onKeyDown}
      onFocus={tabRow.onFocus}
    >
      {before > 0 && <li aria-hidden="true" className="row-list__spacer" style={{ height: before }} />}
      {items.map((item) => {
        const article = pages.articleAt(item.index)
        if (!article)
          return (
            <li
              key={item.key}
              style={{ height: ROW_PX }}
              aria-setsize={count}
              aria-posinset={item.index + 1}
              aria-busy="true"
              className="row row--article row--loading"
            />
          )
        return (
          <li
            key={item.key}
            style={{ height: ROW_PX }}
            aria-setsize={count}
            aria-posinset={item.index + 1}
            className={`row row--article ${article.id === openArticleId ? 'row--current' : ''}`}
            data-testid="article-row"
            data-article-id={article.id}
          >
            {renamingId === article.id ? (
              <InlineEdit
                value={article.title}
                label="Article title"
                className="row__edit"
                onCommit={(title) => props.onRenamed(article.id, title)}
                onDone={() => props.onRename(null)}
              />
            ) : (
              <button
                type="button"
                className="row__main"
                tabIndex={tabRow.tabIndexOf(item.index)}
                aria-current={article.id === openArticleId ? 'page' : undefined}
                onClick={() => props.onOpen(article.id)}
                onDoubleClick={() => props.onRename(article.id)}
                title="Open (double-click to rename)"
              >
                <span className="row__title" title={article.title}>
                  {article.title}
                </span>
                <span className="row__meta" title={article.sourceUrl ?? article.sourceName ?? undefined}>
                  {rowMeta(article)}
                </span>
              </button>
            )}
            {renamingId !== article.id && (
              <span className="row__actions">
                <button
                  type="button"
                  className="icon-button"
                  tabIndex={tabRow.tabIndexOf(item.index)}
                  aria-label={`Rename “${article.title}”`}
                  title="Rename"
                  onClick={() => props.onRename(article.id)}
                >
                  <PencilIcon />
                </button>
                <button
                  type="button"
                  className="icon-button icon-button--danger"
                  tabIndex={tabRow.tabIndexOf(item.index)}
                  aria-label={`Delete “${article.title}”`}
                  title="Delete"
                  onClick={() => props.onDelete(article)}
                >
                  <TrashIcon />
                </button>
              </span>
            )}
          </li>
        )
      })}
      {after > 0 && <li aria-hidden="true" className="row-list__spacer" style={{ height: after }} />}
    </ul>
  )
}

/**
 * One line under an article's title: who and where it is from, and when. A page saved from the web is
 * named by its site and author, not by the file it came in (every saved page is a "source.html"); a
 * file of the user's own with neither is named by its file name.
 */
function rowMeta(article: Article): string {
  const host = article.sourceUrl ? hostOf(article.sourceUrl) : null
  const origin = [article.siteName ?? host, article.byline].filter(Boolean)
  const when = formatDate(article.publishedAt ?? article.importedAt)
  return [...(origin.length > 0 ? origin : [article.sourceName]), when].filter(Boolean).join(' · ')
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.replace(/^www\./, '') || null
  } catch {
    return null
  }
}
