import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { CommonplaceApi } from '../../src-main/api/contract'
import type { ExcerptBlockServices } from './ExcerptBlock'

interface SourceStatus {
  removed: boolean
  title: string | null
}

/**
 * Where each excerpt of the open note stands in the library (still there, or removed), asked of
 * `excerpts.status` when blocks appear and again whenever the window comes back into focus.
 */
export function useExcerptStatuses(
  api: CommonplaceApi,
  open: (target: { excerptId: string; articleId: string }) => void,
): {
  services: ExcerptBlockServices
  track(ids: string[]): void
  markPresent(id: string, title: string): void
} {
  const [statuses, setStatuses] = useState<ReadonlyMap<string, SourceStatus>>(new Map())
  const known = useRef(new Set<string>())
  const tracked = useRef<string[]>([])

  const check = useCallback(
    async (ids: string[]) => {
      if (ids.length === 0) return
      for (const id of ids) known.current.add(id)
      try {
        const results = await api.call('excerpts.status', { ids })
        setStatuses((previous) => {
          const next = new Map(previous)
          for (const result of results)
            next.set(result.id, { removed: result.article === null, title: result.article?.title ?? null })
          return next
        })
      } catch (error) {
        // Unknown is shown as present; the next focus asks again.
        for (const id of ids) known.current.delete(id)
        console.warn('Could not check the sources of excerpts', error)
      }
    },
    [api],
  )

  const track = useCallback(
    (ids: string[]) => {
      tracked.current = ids
      void check(ids.filter((id) => !known.current.has(id)))
    },
    [check],
  )

  const markPresent = useCallback((id: string, title: string) => {
    known.current.add(id)
    setStatuses((previous) => new Map(previous).set(id, { removed: false, title }))
  }, [])

  useEffect(() => {
    const recheck = () => {
      if (document.visibilityState === 'visible') void check(tracked.current)
    }
    window.addEventListener('focus', recheck)
    document.addEventListener('visibilitychange', recheck)
    return () => {
      window.removeEventListener('focus', recheck)
      document.removeEventListener('visibilitychange', recheck)
    }
  }, [check])

  const services = useMemo<ExcerptBlockServices>(
    () => ({
      isRemoved: (id) => statuses.get(id)?.removed ?? null,
      currentTitle: (id) => statuses.get(id)?.title ?? null,
      open,
    }),
    [statuses, open],
  )
  return { services, track, markPresent }
}
