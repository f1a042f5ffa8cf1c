import { useEffect, useState } from 'react'
import type { Article } from '../../src-main/core/records'
import { api } from '../api'

/** One article's record (title, source, tags) without its body, asked again when the library's revision changes. */
export function useArticleRecord(id: string | null, libraryRevision: number): Article | null {
  const [record, setRecord] = useState<Article | null>(null)
  useEffect(() => {
    if (id === null) return
    let current = true
    api.call('articles.record', { id }).then(
      (answer) => current && setRecord(answer),
      (error: unknown) => console.error('Could not read the article record', error),
    )
    return () => {
      current = false
    }
  }, [id, libraryRevision])
  // A record of the previous article never stands for the one now open.
  return record?.id === id ? record : null
}
