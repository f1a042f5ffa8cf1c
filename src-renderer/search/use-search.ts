import { useEffect, useRef, useState } from 'react'
import type { MethodOutput } from '../../src-main/api/contract'
import { api, messageOf } from '../api'

export type SearchKind = 'article' | 'excerpt' | 'note'
export type SearchAnswer = MethodOutput<'search.query'>
export type SearchHit = SearchAnswer['hits'][number]

/** How long typing may pause before the words are searched. */
const TYPING_PAUSE_MS = 120
/** While the index is being built, the same search is asked again this often to take in more. */
const BUILDING_POLL_MS = 700

/**
 * Searches as the user types: one call per pause, and only the answer to the latest words is
 * shown (an earlier, slower answer arriving late is dropped). While a new index is still being
 * built the answer says how far it is, and is asked for again until it is complete.
 */
export function useSearch(words: string, kind: SearchKind | null) {
  const [answer, setAnswer] = useState<SearchAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(0)

  useEffect(() => {
    const asked = ++latest.current
    if (!words.trim()) return
    let timer: ReturnType<typeof setTimeout>
    const ask = () => {
      api.call('search.query', { query: words, ...(kind ? { kind } : {}), limit: 50 }).then(
        (found) => {
          if (asked !== latest.current) return
          setAnswer(found)
          setError(null)
          if (!found.progress.ready) timer = setTimeout(ask, BUILDING_POLL_MS)
        },
        (failure: unknown) => asked === latest.current && setError(messageOf(failure)),
      )
    }
    timer = setTimeout(ask, TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [words, kind])

  return words.trim() ? { answer, error } : { answer: null, error: null }
}

/** The words to find again where the hit opens: the first the snippet marks. */
export const matchedWords = (hit: SearchHit): string | null =>
  hit.snippet.find((piece) => piece.marked)?.text.trim() || null
