import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type { Article } from '../../src-main/core/records'
import { api, messageOf } from '../api'
import { useNotifier } from '../ui/notices'
import { countOf } from '../ui/format'
import { importQueue } from './import-file'
import type { ImportItem } from './import-queue'
import { importNotice, type ImportOutcome } from './import-outcomes'

/** How many articles the library holds, and what can be done to them. */
export interface LibraryState {
  /** How many articles there are; null until the first count has answered. */
  total: number | null
  /** Goes up whenever the articles may have changed: lists and counts shown elsewhere ask again. */
  revision: number
  /** True while the sample or a batch of files is being imported. */
  importing: boolean
  refresh(): Promise<void>
  /** Queues files for import; the progress view shows each, the notice sums the batch up. */
  importFiles(files: ImportItem[]): void
  /** Fetches a link and imports it; any failure comes back as a failed outcome with the reason. */
  importUrl(url: string): Promise<ImportOutcome>
  importSample(): Promise<ImportOutcome | null>
  rename(id: string, title: string): Promise<void>
  /** Deletes an article and its excerpts; the caller has already asked the user. */
  remove(article: Article): Promise<boolean>
}

// One row is enough to learn the total: the window never asks for every article at once.
const countArticles = async () => (await api.call('articles.page', { offset: 0, limit: 1 })).total

/** Counts the articles and keeps the count (and the revision) current after imports, renames and deletions. */
export function useLibrary(): LibraryState {
  const notifier = useNotifier()
  const [total, setTotal] = useState<number | null>(null)
  const [revision, setRevision] = useState(0)
  const [importingSample, setImportingSample] = useState(false)

  const refresh = useCallback(async () => {
    setRevision((n) => n + 1)
    try {
      setTotal(await countArticles())
    } catch (error) {
      notifier.error('Could not load the library', error)
    }
  }, [notifier])

  useEffect(() => {
    // The first count; later ones follow the user's own changes.
    countArticles().then(setTotal, (error: unknown) => notifier.error('Could not load the library', error))
  }, [notifier])

  const queue = useSyncExternalStore(importQueue.subscribe, importQueue.getSnapshot)

  useEffect(
    () =>
      importQueue.listen((event) => {
        // The list follows each file as it lands; the notice sums the batch up once it is over.
        if (event.type === 'imported') void refresh()
        else if (event.outcomes.length > 0) notifier.show(importNotice(event.outcomes))
      }),
    [notifier, refresh],
  )

  const importFiles = useCallback((files: ImportItem[]) => importQueue.enqueue(files), [])

  const importUrl = useCallback(
    async (url: string): Promise<ImportOutcome> => {
      let outcome: ImportOutcome
      try {
        outcome = await api.call('articles.importUrl', { url })
      } catch (error) {
        outcome = { name: url, status: 'failed', articleId: null, title: null, message: messageOf(error) }
      }
      if (outcome.status === 'imported') await refresh()
      return outcome
    },
    [refresh],
  )

  const importSample = useCallback(async (): Promise<ImportOutcome | null> => {
    setImportingSample(true)
    try {
      const outcome = await api.call('articles.importSample', {})
      notifier.show(importNotice([outcome]))
      await refresh()
      return outcome
    } catch (error) {
      notifier.error('Could not import the sample article', error)
      return null
    } finally {
      setImportingSample(false)
    }
  }, [notifier, refresh])

  const rename = useCallback(
    async (id: string, title: string) => {
      try {
        await api.call('articles.rename', { id, title })
        setRevision((n) => n + 1)
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
        setTotal((n) => (n === null ? null : n - 1))
        setRevision((n) => n + 1)
        notifier.show({
          tone: 'info',
          message: `Deleted “${article.title}” and its excerpts.`,
          action: {
            label: 'Undo',
            run: async () => {
              await api.call('articles.restore', { id: article.id })
              setTotal((n) => (n === null ? null : n + 1))
              setRevision((n) => n + 1)
            },
          },
          testId: 'undo-notice',
          expiresAfterMs: 20_000,
        })
        return true
      } catch (error) {
        notifier.error(`Could not delete “${article.title}”`, error)
        return false
      }
    },
    [notifier],
  )

  return {
    total,
    revision,
    importing: importingSample || queue.running,
    refresh,
    importFiles,
    importUrl,
    importSample,
    rename,
    remove,
  }
}

/** "3 excerpts go with it" — for the delete confirmation. */
export function excerptsGoingWith(count: number): string {
  if (count === 0) return 'It has no excerpts.'
  return `${count === 1 ? 'Its excerpt goes' : `Its ${countOf(count, 'excerpt')} go`} with it; notes keep the words they quote.`
}
