import { useCallback, useEffect, useRef, useState } from 'react'
import type { Article } from '../../src-main/core/records'
import type { ArticleSort } from '../../src-main/core/article-pages'
import { api } from '../api'
import { useNotifier } from '../ui/notices'

// The sidebar's article list, fetched a page at a time around what the virtualized list shows
// (`articles.page`), so a library of 10,000 articles sends the window a few hundred rows, not all.

/** Rows per request: a few screenfuls, so a scroll asks again only now and then. */
export const PAGE_SIZE = 100

export interface ArticleListView {
  sort: ArticleSort
  /** Typed words every article listed has in its title, author, site or file name. */
  filter: string
  tag: string | null
}

export interface ArticlePages {
  /** Articles in this order and filter; null until the first page has answered. */
  total: number | null
  /** The article at a place in the list, once its page is here. */
  articleAt(index: number): Article | undefined
  /** Asks for the pages holding rows `start` to `end` (those in view and around them). */
  want(start: number, end: number): void
  /** Where the open article stands in this order, or null when it is not listed. */
  openIndex: number | null
}

interface Loaded {
  /** What these pages are of: a change of order, filter or tag starts afresh. */
  key: string
  total: number | null
  pages: Map<number, Article[]>
}

/**
 * Pages of the article list in the order and filter asked. `revision` changes when the library
 * changed (an import, a rename, another process's write): the pages already shown stay until their
 * fresh copies arrive, so the list does not blink.
 */
export function useArticlePages(
  view: ArticleListView,
  openArticleId: string | null,
  revision: unknown,
): ArticlePages {
  const notifier = useNotifier()
  const key = JSON.stringify([view.sort, view.filter.trim(), view.tag])
  const [loaded, setLoaded] = useState<Loaded>({ key, total: null, pages: new Map() })
  const [openIndex, setOpenIndex] = useState<number | null>(null)
  /** Pages asked for in this key and revision (answered or not), so a scroll asks once. */
  const asked = useRef(new Set<number>())
  const current = useRef({ key, revision })

  const fetchPage = useCallback(
    (page: number) => {
      const asking = { key, revision }
      asked.current.add(page)
      api
        .call('articles.page', {
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
          sort: view.sort,
          filter: view.filter.trim() || undefined,
          tag: view.tag ?? undefined,
        })
        .then(
          (answer) => {
            // An answer for an order, filter or library that is no longer shown is dropped.
            if (current.current.key !== asking.key || current.current.revision !== asking.revision) return
            setLoaded((before) => {
              const pages = new Map(before.key === asking.key ? before.pages : [])
              pages.set(page, answer.articles)
              return { key: asking.key, total: answer.total, pages }
            })
          },
          (error: unknown) => {
            asked.current.delete(page)
            notifier.error('Could not load the library', error)
          },
        )
    },
    [key, revision, view.sort, view.filter, view.tag, notifier],
  )

  // A new order, filter or library version: the pages shown are asked for again, the first at once.
  useEffect(() => {
    const sameKey = current.current.key === key
    current.current = { key, revision }
    const shown = sameKey ? [...asked.current] : []
    asked.current = new Set()
    for (const page of new Set([0, ...shown])) fetchPage(page)
  }, [key, revision, fetchPage])

  // Where the open article stands (the list brings it into view).
  useEffect(() => {
    if (!openArticleId) return
    let stale = false
    api
      .call('articles.page', {
        offset: 0,
        limit: 1,
        sort: view.sort,
        filter: view.filter.trim() || undefined,
        tag: view.tag ?? undefined,
        find: openArticleId,
      })
      .then(
        (answer) => !stale && setOpenIndex(answer.position),
        () => undefined, // the list itself reports a library that cannot be read
      )
    return () => {
      stale = true
    }
  }, [openArticleId, view.sort, view.filter, view.tag, revision])

  const want = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++)
        if (!asked.current.has(page)) fetchPage(page)
    },
    [fetchPage],
  )

  const articleAt = useCallback(
    (index: number) => loaded.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [loaded],
  )

  // Until a new order or filter answers, the old one stays on screen rather than an empty list.
  return {
    total: loaded.total,
    articleAt,
    want,
    openIndex: openArticleId ? openIndex : null,
  }
}
