import { useEffect, useState } from 'react'
import { api } from '../api'
import type { SwitcherEntry } from './QuickSwitcher'

/** How many articles the switcher asks the library for at a time: its fuzzy ranking works on these. */
const ASKED = 200
/** With no title holding the typed words, this many recent titles are ranked loosely ("nwnt" still finds "New note"). */
const LOOSE = 500

/**
 * The articles the quick switcher ranks for what was typed: a page of those whose title, author, site or
 * file name holds every typed word (the most recent with nothing typed), or, when none does, the most
 * recent ones for a looser match. Never the whole library.
 */
export function useSwitcherArticles(words: string): SwitcherEntry[] {
  const [entries, setEntries] = useState<SwitcherEntry[]>([])
  useEffect(() => {
    let current = true
    const ask = async () => {
      const page = await api.call('articles.page', { offset: 0, limit: ASKED, sort: 'recent', filter: words })
      if (page.total > 0 || !words) return page.articles
      return (await api.call('articles.page', { offset: 0, limit: LOOSE, sort: 'recent' })).articles
    }
    ask().then(
      (articles) =>
        current &&
        setEntries(
          articles.map((article) => ({
            kind: 'article' as const,
            id: article.id,
            title: article.title,
            detail: article.byline ?? article.siteName ?? article.sourceName,
          })),
        ),
      (error: unknown) => console.error('Could not list the articles for the switcher', error),
    )
    return () => {
      current = false
    }
  }, [words])
  return entries
}
