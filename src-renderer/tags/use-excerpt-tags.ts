import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../src-main/api/contract'
import { api } from '../api'
import { onExcerptTags } from '../reader/excerpt-changes'

export type ExcerptTagCount = MethodOutput<'excerpts.tags'>[number]

/**
 * The tags of all excerpts with their counts, for the sidebar's Tags list: asked again when this
 * window changes an excerpt's tags and whenever `libraryVersion` changes (the lists were reloaded,
 * as after another process wrote to the library).
 */
export function useExcerptTags(libraryVersion: unknown): ExcerptTagCount[] {
  const [counts, setCounts] = useState<ExcerptTagCount[]>([])
  const [asked, setAsked] = useState(0)
  useEffect(() => onExcerptTags(() => setAsked((n) => n + 1)), [])
  useEffect(() => {
    let current = true
    api.call('excerpts.tags', {}).then(
      (answer) => current && setCounts(answer),
      // The list keeps what it showed; the next change asks again.
      (error: unknown) => console.error('Could not list the excerpt tags', error),
    )
    return () => {
      current = false
    }
  }, [asked, libraryVersion])
  return counts
}
