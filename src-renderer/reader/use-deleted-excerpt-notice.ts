import { useEffect, useRef } from 'react'
import type { Excerpt } from '../../src-main/core/records'
import { useNotifier } from '../ui/notices'
import type { ExcerptFocus } from './Reader'

/** Coming from a note whose excerpt was deleted since: the article opens, and the user is told why nothing is lit. */
export function useDeletedExcerptNotice(
  loaded: boolean,
  focus: ExcerptFocus | null,
  excerpts: Excerpt[],
): void {
  const notifier = useNotifier()
  const toldAbout = useRef<ExcerptFocus | null>(null)
  useEffect(() => {
    if (!loaded || !focus || toldAbout.current === focus) return
    if (!excerpts.some((excerpt) => excerpt.id === focus.excerptId)) {
      toldAbout.current = focus
      notifier.show({
        tone: 'info',
        message: 'That excerpt was deleted from this article; the note still keeps its words.',
        expiresAfterMs: 10_000,
      })
    }
  }, [loaded, focus, excerpts, notifier])
}
