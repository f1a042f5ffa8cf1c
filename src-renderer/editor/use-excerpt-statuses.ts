import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { CommonplaceApi, MethodOutput } from '../../src-main/api/contract'
import type { ExcerptBlockServices } from './ExcerptBlock'

/** An excerpt block as the checks see it: which excerpt, and the words the note holds. */
export interface QuotedExcerpt {
  excerptId: string
  quote: string
  /** The source's words the writer chose not to take (ExcerptFields.keptOver). */
  keptOver?: string | null
}

export type QuoteCheck = MethodOutput<'quotes.check'>[number]

/** Sent on the window when an article was updated here, so open notes check their quotes again. */
export const SOURCES_CHANGED = 'commonplace:sources-changed'

const keyOf = ({ excerptId, quote }: QuotedExcerpt) => `${excerptId}\u0000${quote}`

/**
 * Whether each excerpt block's words are still what its source says (`quotes.check`), asked when
 * blocks appear or change, when an article is updated here, and whenever the window comes back into focus.
 */
export function useExcerptStatuses(
  api: CommonplaceApi,
  open: (target: { excerptId: string; articleId: string }) => void,
): {
  services: ExcerptBlockServices
  blocks: QuotedExcerpt[]
  track(blocks: QuotedExcerpt[]): void
  markPresent(id: string, title: string, quote: string): void
} {
  const [checks, setChecks] = useState<ReadonlyMap<string, QuoteCheck>>(new Map())
  const [blocks, setBlocks] = useState<QuotedExcerpt[]>([])
  const known = useRef(new Set<string>())
  const tracked = useRef<QuotedExcerpt[]>([])

  const check = useCallback(
    async (quotes: QuotedExcerpt[]) => {
      if (quotes.length === 0) return
      for (const quote of quotes) known.current.add(keyOf(quote))
      try {
        const asked = quotes.map(({ excerptId, quote }) => ({ excerptId, quote }))
        const results = await api.call('quotes.check', { quotes: asked })
        setChecks((previous) => {
          const next = new Map(previous)
          results.forEach((result, index) => next.set(keyOf(quotes[index]!), result))
          return next
        })
      } catch (error) {
        // Unknown is shown as unchecked; the next focus asks again.
        for (const quote of quotes) known.current.delete(keyOf(quote))
        console.warn('Could not check the quotes of the note', error)
      }
    },
    [api],
  )

  const track = useCallback(
    (quotes: QuotedExcerpt[]) => {
      tracked.current = quotes
      setBlocks(quotes)
      const unknown = quotes.filter((quote) => !known.current.has(keyOf(quote)))
      void check([...new Map(unknown.map((quote) => [keyOf(quote), quote])).values()])
    },
    [check],
  )

  // A block inserted from the reader quotes the excerpt as it is: exact, no need to ask.
  const markPresent = useCallback((id: string, title: string, quote: string) => {
    const key = keyOf({ excerptId: id, quote })
    known.current.add(key)
    setChecks((previous) =>
      new Map(previous).set(key, {
        excerptId: id,
        state: 'exact',
        sourceWords: quote,
        sourceTitle: title,
        articleId: null,
      }),
    )
  }, [])

  useEffect(() => {
    const recheck = () => {
      if (document.visibilityState === 'visible') void check(tracked.current)
    }
    window.addEventListener('focus', recheck)
    window.addEventListener(SOURCES_CHANGED, recheck)
    document.addEventListener('visibilitychange', recheck)
    return () => {
      window.removeEventListener('focus', recheck)
      window.removeEventListener(SOURCES_CHANGED, recheck)
      document.removeEventListener('visibilitychange', recheck)
    }
  }, [check])

  const services = useMemo<ExcerptBlockServices>(
    () => ({ check: (excerptId, quote) => checks.get(keyOf({ excerptId, quote })) ?? null, open }),
    [checks, open],
  )
  return { services, blocks, track, markPresent }
}
