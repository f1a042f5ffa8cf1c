import { useEffect, useState } from 'react'
import type { TagCount } from './tag-counts'
import { api } from '../api'
import { onExcerptTags } from '../reader/excerpt-changes'

/**
 * Every tag in use on articles, notes and excerpts with its counts, for the sidebar's Tags list, counted
 * by the library: asked again when this window changes an excerpt's tags and whenever `libraryVersion`
 * or `notesVersion` changes (an article tagged, a note saved, another process wrote to the library).
 */
export function useTagCounts(libraryVersion: unknown, notesVersion: unknown): TagCount[] {
  const [counts, setCounts] = useState<TagCount[]>([])
  const [asked, setAsked] = useState(0)
  useEffect(() => onExcerptTags(() => setAsked((n) => n + 1)), [])
  useEffect(() => {
    let current = true
    api.call('library.tagCounts', {}).then(
      (answer) => current && setCounts(answer),
      // The list keeps what it showed; the next change asks again.
      (error: unknown) => console.error('Could not count the tags', error),
    )
    return () => {
      current = false
    }
  }, [asked, libraryVersion, notesVersion])
  return counts
}
