import { useCallback, useEffect, useRef, useState } from 'react'
import type { Article } from '../../src-main/core/records'
import { api } from '../api'
import { useNotifier } from '../ui/notices'
import { countOf } from '../ui/format'
import { readFileForUpload } from './read-files'
import { importNotice, type ImportOutcome } from './import-outcomes'

/** The library's articles and what can be done to them. */
export interface LibraryState {
  /** Null until the first load has answered. */
  articles: Article[] | null
  importing: boolean
  refresh(): Promise<void>
  /** Imports files and reports each outcome; resolves with the outcomes (empty if the call failed). */
  importFiles(files: File[]): Promise<ImportOutcome[]>
  importSample(): Promise<ImportOutcome | null>
  rename(id: string, title: string): Promise<void>
  /** Deletes an article and its excerpts; the caller has already asked the user. */
  remove(article: Article): Promise<boolean>
}

/** Loads the article list and keeps it current after imports, renames and deletions. */
export function useLibrary(): LibraryState {
  const notifier = useNotifier()
  const [articles, setArticles] = useState<Article[] | null>(null)
  const [importing, setImporting] = useState(false)
  const maxBytes = useRef<number | null>(null)

  const refresh = useCallback(async () => {
    try {
      setArticles(await api.call('articles.list', {}))
    } catch (error) {
      notifier.error('Could not load the library', error)
    }
  }, [notifier])

  useEffect(() => {
    // The first load; later loads follow the user's own changes.
    api
      .call('articles.list', {})
      .then(setArticles, (error: unknown) => notifier.error('Could not load the library', error))
  }, [notifier])

  const importFiles = useCallback(
    async (files: File[]): Promise<ImportOutcome[]> => {
      if (files.length === 0) return []
      setImporting(true)
      const outcomes: ImportOutcome[] = []
      try {
        maxBytes.current ??= (await api.call('articles.formats', {})).maxBytes
        // One call per file: a batch of large files would not fit one request, and one bad file
        // must not stop the others.
        for (const file of files) {
          outcomes.push(await importOne(file, maxBytes.current))
        }
      } catch (error) {
        notifier.error('Could not import', error)
      } finally {
        setImporting(false)
      }
      if (outcomes.length > 0) notifier.show(importNotice(outcomes))
      await refresh()
      return outcomes
    },
    [notifier, refresh],
  )

  const importSample = useCallback(async (): Promise<ImportOutcome | null> => {
    setImporting(true)
    try {
      const outcome = await api.call('articles.importSample', {})
      notifier.show(importNotice([outcome]))
      await refresh()
      return outcome
    } catch (error) {
      notifier.error('Could not import the sample article', error)
      return null
    } finally {
      setImporting(false)
    }
  }, [notifier, refresh])

  const rename = useCallback(
    async (id: string, title: string) => {
      try {
        const renamed = await api.call('articles.rename', { id, title })
        setArticles((all) => all?.map((a) => (a.id === id ? renamed : a)) ?? null)
      } catch (error) {
        notifier.error('Could not rename the article', error)
      }
    },
    [notifier],
  )

  const remove = useCallback(
    async (article: Article) => {
      try {
        await api.call('articles.delete', { id: article.id })
        setArticles((all) => all?.filter((a) => a.id !== article.id) ?? null)
        notifier.show({
          tone: 'info',
          message: `Deleted “${article.title}” and its excerpts.`,
          expiresAfterMs: 8000,
        })
        return true
      } catch (error) {
        notifier.error(`Could not delete “${article.title}”`, error)
        return false
      }
    },
    [notifier],
  )

  return { articles, importing, refresh, importFiles, importSample, rename, remove }
}

async function importOne(file: File, maxBytes: number): Promise<ImportOutcome> {
  const failed = (message: string): ImportOutcome => ({
    name: file.name,
    status: 'failed',
    articleId: null,
    title: null,
    message,
  })
  // Refused before reading: a huge file would take long to encode only to be turned away.
  if (file.size > maxBytes) {
    return failed(`${file.name} is larger than the import limit of ${Math.round(maxBytes / 1024 / 1024)} MB`)
  }
  try {
    const upload = await readFileForUpload(file)
    const [outcome] = await api.call('articles.import', { files: [upload] })
    return outcome ?? failed(`${file.name}: the import gave no answer`)
  } catch (error) {
    return failed(`${file.name}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** "3 excerpts go with it" — for the delete confirmation. */
export function excerptsGoingWith(count: number): string {
  if (count === 0) return 'It has no excerpts.'
  return `${count === 1 ? 'Its excerpt goes' : `Its ${countOf(count, 'excerpt')} go`} with it; notes keep the words they quote.`
}
